package org.alliancehub.survey;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import org.alliancehub.shared.AfterCommit;
import org.alliancehub.identity.Access;
import org.alliancehub.membership.OrganizationType;
import org.alliancehub.shared.DomainEvent;
import org.alliancehub.shared.Regions;
import org.alliancehub.survey.SurveyStatistics.FieldFigures;
import org.alliancehub.survey.SurveyStatistics.Group;
import org.alliancehub.survey.SurveyStatistics.Growth;
import org.alliancehub.survey.SurveyStatistics.Period;
import org.alliancehub.survey.SurveyStatistics.PeriodField;
import org.alliancehub.survey.internal.SizeClass;
import org.alliancehub.survey.internal.StatisticBreakdown;
import org.alliancehub.survey.internal.StatisticSource;
import org.alliancehub.survey.internal.StatisticSource.NumericField;
import org.alliancehub.survey.internal.StatisticSource.SurveyRow;
import org.alliancehub.survey.internal.StatisticSource.Totals;
import org.alliancehub.survey.internal.StatisticSummary;
import org.alliancehub.survey.internal.SubmittedAnswers;
import org.alliancehub.survey.internal.Suppression;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;

/**
 * The statistics of a survey over its submitted answers: per numeric field count, sum, mean, median,
 * quartiles, minimum and maximum, growth against the survey it was copied from, and breakdowns by province,
 * organisation type and size class. The alliance's secretariat sees every figure (the internal view);
 * anyone else sees a published or closed survey only, and only figures that rest on at least three
 * organisations and that cannot be narrowed down to fewer by subtracting published figures from the total
 * (primary and complementary suppression, see {@link org.alliancehub.survey.internal.Suppression}).
 */
@Service
public class Statistics {

	private static final Logger log = LoggerFactory.getLogger(Statistics.class);

	private static final int HISTORY = 10;

	private final StatisticSource source;

	private final Access access;

	private final MessageSource messages;

	private final Cache results;

	private final Cache earlierTotals;

	Statistics(StatisticSource source, Access access, MessageSource messages, CacheManager caches) {
		this.results = Objects.requireNonNull(caches.getCache("survey-statistics"));
		this.earlierTotals = Objects.requireNonNull(caches.getCache("survey-earlier-totals"));
		this.source = source;
		this.access = access;
		this.messages = messages;
	}

	/** The statistics as the current user may see them: the full view for the secretariat, else suppressed. */
	public SurveyStatistics of(long surveyId, @Nullable GroupBy groupBy) {
		SurveyRow survey = visible(surveyId);
		return compute(survey, access.canManage(survey.allianceId()), groupBy == null ? Set.of() : Set.of(groupBy))
			.get(groupBy);
	}

	/** Several breakdowns at once (one read of the answers), as the current user may see them. */
	public Map<@Nullable GroupBy, SurveyStatistics> of(long surveyId, Set<GroupBy> groupings) {
		SurveyRow survey = visible(surveyId);
		return compute(survey, access.canManage(survey.allianceId()), groupings);
	}

	/** The suppressed view, whoever asks: what may leave the secretariat (the report for government). */
	public SurveyStatistics published(long surveyId, @Nullable GroupBy groupBy) {
		SurveyRow survey = visible(surveyId);
		return compute(survey, false, groupBy == null ? Set.of() : Set.of(groupBy)).get(groupBy);
	}

	/** Several breakdowns of the suppressed view at once (one read of the answers). */
	public Map<@Nullable GroupBy, SurveyStatistics> published(long surveyId, Set<GroupBy> groupings) {
		return compute(visible(surveyId), false, groupings);
	}

	/**
	 * The survey if the current user may see its statistics (the access policy's {@code survey-statistics}
	 * rule: public once published, a draft's for its secretariat only); 404 otherwise.
	 */
	public SurveyRow visible(long surveyId) {
		access.canRead("survey-statistics", surveyId);
		return source.survey(surveyId);
	}

	/**
	 * What a computed result was made for; equal keys give equal statistics. The generation counts the changes
	 * of answers and surveys: a result computed while an answer changed is stored under the generation it began
	 * in, which nobody asks for any more, so it can never be served after the change.
	 */
	private record CacheKey(long surveyId, boolean internal, Set<GroupBy> groupings, String language, long generation) {
	}

	private record TotalsKey(long surveyId, List<String> keys, long generation) {
	}

	/** Bumped after every committed change of answers or surveys, before the caches are emptied. */
	private final AtomicLong generation = new AtomicLong();

	/**
	 * Results already computed, and the totals of earlier periods (usually closed, so they rarely change):
	 * Spring caches on Caffeine ({@code survey-statistics}, {@code survey-earlier-totals}), emptied by
	 * {@link #answersChanged} whenever answers or a survey change.
	 */
	@SuppressWarnings("unchecked")
	Map<@Nullable GroupBy, SurveyStatistics> compute(SurveyRow survey, boolean internal, Set<GroupBy> groupings) {
		CacheKey key = new CacheKey(survey.id(), internal, Set.copyOf(groupings),
				LocaleContextHolder.getLocale().toLanguageTag(), generation.get());
		Map<@Nullable GroupBy, SurveyStatistics> cached = results.get(key, Map.class);
		if (cached != null) {
			return cached;
		}
		Map<@Nullable GroupBy, SurveyStatistics> result = computeNow(survey, internal, groupings);
		results.put(key, result);
		return result;
	}

	/**
	 * Forgets every kept result once a change of answers or of a survey has committed: a submitted answer, a
	 * reopened one (no longer counted), a survey edited, published (who is asked), closed or deleted. Runs in
	 * the committing thread, so the next request of the same user already sees the change.
	 */
	@EventListener(classes = { ResponseSubmitted.class, ResponseReopened.class, SurveyEdited.class,
			SurveyPublished.class, SurveyClosed.class, SurveyDeleted.class })
	public void answersChanged(DomainEvent event) {
		// after the commit, not before: a result computed meanwhile from the old answers is kept under the old
		// generation, where nobody looks any more
		AfterCommit.run(this::forget);
	}

	private void forget() {
		generation.incrementAndGet();
		results.clear();
		earlierTotals.clear();
	}

	private Map<@Nullable GroupBy, SurveyStatistics> computeNow(SurveyRow survey, boolean internal,
			Set<GroupBy> groupings) {
		long started = System.nanoTime();
		List<NumericField> fields = source.numericFields(survey.id());
		int[] positions = fields.stream().mapToInt(NumericField::position).toArray();
		StatisticSource.SizeField sizeField = source.sizeField(survey.id(), survey.sizeField());
		// earlier periods are read on another connection meanwhile: on two cores that halves the wait
		CompletableFuture<List<Totals>> earlierFuture = CompletableFuture
			.supplyAsync(() -> earlierPeriods(survey, fields.stream().map(NumericField::key).toList()));
		SubmittedAnswers answers = source.submitted(survey.id(), positions, sizeField);
		long read = System.nanoTime();
		int recipients = source.recipients(survey.id());
		int n = answers.size();
		List<Totals> earlier = earlierFuture.join();
		long previousRead = System.nanoTime();
		Totals previous = earlier.isEmpty() ? null : earlier.get(earlier.size() - 1);

		Disclosure disclosure = internal ? null : disclosure(fields, answers);
		List<FieldFigures> overall = new ArrayList<>();
		for (int f = 0; f < fields.size(); f++) {
			NumericField field = fields.get(f);
			StatisticSummary s = StatisticBreakdown.overall(answers.values(f), n);
			boolean suppressed = disclosure != null && s != null && disclosure.total()[f];
			Growth growth = suppressed || s == null ? null : growth(s, previous, field.key(), internal);
			overall.add(figures(field, s, suppressed, growth, internal));
		}
		List<Period> history = history(survey, earlier, overall, internal);
		Double rate = recipients == 0 ? null : (double) n / recipients;

		Map<@Nullable GroupBy, SurveyStatistics> result = new java.util.HashMap<>();
		if (groupings.isEmpty()) {
			result.put(null, new SurveyStatistics(survey.id(), survey.allianceId(), survey.title(), survey.period(),
					survey.status(), internal, recipients, n, rate, overall, null, List.of(), history));
		}
		for (GroupBy by : groupings) {
			List<Group> groups = groups(by, fields, answers, disclosure);
			result.put(by, new SurveyStatistics(survey.id(), survey.allianceId(), survey.title(), survey.period(),
					survey.status(), internal, recipients, n, rate, overall, by, groups, history));
		}
		log.debug("statistics of survey {} ({} answers, {}): read {} ms, earlier periods ready after {} ms, total {} ms",
				survey.id(), n, groupings, (read - started) / 1_000_000, (previousRead - started) / 1_000_000,
				(System.nanoTime() - started) / 1_000_000);
		return result;
	}

	/**
	 * Which cells the public may see, decided over every breakdown at once (the total, by province, by type and
	 * by size class), whichever one is asked for: otherwise a breakdown asked for later could be subtracted
	 * from one asked for before. Whole groups resting on fewer than {@link SurveyStatistics#MINIMUM_CELL}
	 * respondents go first (with complementary suppression of the counts); then, field by field,
	 * {@link Suppression#disclosure} adds primary, dominance and difference suppression.
	 */
	private record Disclosure(boolean[] total, Map<GroupBy, StatisticBreakdown.Grouping> groupings,
			Map<GroupBy, boolean[]> groupSuppressed, Map<GroupBy, boolean[][]> cells) {
	}

	private Disclosure disclosure(List<NumericField> fields, SubmittedAnswers answers) {
		int n = answers.size();
		int min = SurveyStatistics.MINIMUM_CELL;
		GroupBy[] dims = GroupBy.values();
		Map<GroupBy, StatisticBreakdown.Grouping> groupings = new java.util.EnumMap<>(GroupBy.class);
		Map<GroupBy, boolean[]> groupSuppressed = new java.util.EnumMap<>(GroupBy.class);
		int[][] groupOf = new int[dims.length + 1][];
		int[] cells = new int[dims.length + 1];
		boolean[][] already = new boolean[dims.length + 1][];
		groupOf[0] = new int[n];
		cells[0] = 1;
		already[0] = new boolean[1];
		for (int d = 0; d < dims.length; d++) {
			StatisticBreakdown.Grouping g = grouping(dims[d], answers);
			groupings.put(dims[d], g);
			int groups = g.keys().size();
			boolean[] whole = Suppression.cells(g.respondents(), new boolean[groups], min);
			groupSuppressed.put(dims[d], whole);
			groupOf[d + 1] = g.groupOf();
			cells[d + 1] = groups;
			already[d + 1] = whole;
		}
		boolean[] total = new boolean[fields.size()];
		Map<GroupBy, boolean[][]> perCell = new java.util.EnumMap<>(GroupBy.class);
		for (GroupBy by : dims) {
			perCell.put(by, new boolean[fields.size()][]);
		}
		for (int f = 0; f < fields.size(); f++) {
			boolean[][] s = Suppression.disclosure(answers.values(f), n, groupOf, cells, already, min);
			total[f] = s[0][0];
			for (int d = 0; d < dims.length; d++) {
				perCell.get(dims[d])[f] = s[d + 1];
			}
		}
		return new Disclosure(total, groupings, groupSuppressed, perCell);
	}

	private StatisticBreakdown.Grouping grouping(GroupBy by, SubmittedAnswers answers) {
		int n = answers.size();
		String[] keyOf = new String[n];
		for (int i = 0; i < n; i++) {
			keyOf[i] = switch (by) {
				case REGION -> Regions.china().provinceOf(answers.region(i)).map(Regions.Region::code).orElse(null);
				case TYPE -> answers.type(i);
				case SIZE -> answers.sizeClass(i) == null ? null : answers.sizeClass(i).name();
			};
		}
		return StatisticBreakdown.group(keyOf, n, canonicalOrder(by));
	}

	private List<Group> groups(GroupBy by, List<NumericField> fields, SubmittedAnswers answers,
			@Nullable Disclosure disclosure) {
		int n = answers.size();
		boolean internal = disclosure == null;
		StatisticBreakdown.Grouping grouping = internal ? grouping(by, answers) : disclosure.groupings().get(by);
		int groups = grouping.keys().size();
		boolean[] groupSuppressed = internal ? new boolean[groups] : disclosure.groupSuppressed().get(by);
		FieldFigures[][] cells = new FieldFigures[groups][fields.size()];
		int[] counts = new int[groups];
		for (int f = 0; f < fields.size(); f++) {
			StatisticSummary[] summaries = StatisticBreakdown.perGroup(answers.values(f), n, grouping.groupOf(), groups,
					counts);
			boolean[] suppressed = internal ? new boolean[groups] : disclosure.cells().get(by)[f];
			for (int g = 0; g < groups; g++) {
				cells[g][f] = figures(fields.get(f), summaries[g], suppressed[g], null, internal);
			}
		}
		List<Group> result = new ArrayList<>();
		for (int g = 0; g < groups; g++) {
			String key = grouping.keys().get(g);
			if (groupSuppressed[g]) {
				result.add(new Group(key, label(by, key), null, true, null));
			}
			else {
				result.add(new Group(key, label(by, key), grouping.respondents()[g], false, Arrays.asList(cells[g])));
			}
		}
		return result;
	}

	/**
	 * The figures of a cell as the viewer may see them: the public never gets the minimum and maximum (each is
	 * one organisation's own figure), nor the median and quartiles of fewer than
	 * {@link SurveyStatistics#MINIMUM_FOR_QUARTILES} (in a small cell they are single organisations' figures too).
	 */
	private static FieldFigures figures(NumericField field, @Nullable StatisticSummary s, boolean suppressed,
			@Nullable Growth growth, boolean internal) {
		if (suppressed) {
			return new FieldFigures(field.key(), field.label(), field.type(), field.unit(), null, null, null, null, null,
					null, null, null, true, null);
		}
		if (s == null) {
			return new FieldFigures(field.key(), field.label(), field.type(), field.unit(), 0, null, null, null, null,
					null, null, null, false, null);
		}
		if (!internal) {
			boolean quartiles = s.count() >= SurveyStatistics.MINIMUM_FOR_QUARTILES;
			return new FieldFigures(field.key(), field.label(), field.type(), field.unit(), s.count(), s.sum(), s.mean(),
					quartiles ? s.median() : null, quartiles ? s.q1() : null, quartiles ? s.q3() : null, null, null,
					false, growth);
		}
		return new FieldFigures(field.key(), field.label(), field.type(), field.unit(), s.count(), s.sum(), s.mean(),
				s.median(), s.q1(), s.q3(), s.min(), s.max(), false, growth);
	}

	private static @Nullable Growth growth(StatisticSummary now, @Nullable Totals previous, String key,
			boolean internal) {
		if (previous == null) {
			return null;
		}
		double[] before = previous.byKey().get(key);
		if (before == null || before[0] == 0 || (!internal && before[0] < SurveyStatistics.MINIMUM_CELL)) {
			return null;
		}
		return new Growth(previous.surveyId(), previous.period(), ratio(now.sum(), before[1]),
				ratio(now.mean(), before[2]));
	}

	private static @Nullable Double ratio(double now, double before) {
		return before == 0 ? null : now / before - 1;
	}

	/** The surveys this one descends from through {@code copied_from}, oldest first, at most ten. */
	private List<Totals> earlierPeriods(SurveyRow survey, List<String> keys) {
		List<Totals> chain = new ArrayList<>();
		Set<Long> seen = new HashSet<>(Set.of(survey.id()));
		Long id = survey.copiedFrom();
		while (id != null && chain.size() < HISTORY && seen.add(id)) {
			SurveyRow earlier = source.survey(id);
			TotalsKey key = new TotalsKey(id, List.copyOf(keys), generation.get());
			Totals totals = earlierTotals.get(key, Totals.class);
			if (totals == null) {
				totals = source.totals(earlier, keys);
				earlierTotals.put(key, totals);
			}
			chain.add(0, totals);
			id = earlier.copiedFrom();
		}
		return chain;
	}

	private static List<Period> history(SurveyRow survey, List<Totals> earlier, List<FieldFigures> now,
			boolean internal) {
		List<Period> periods = new ArrayList<>();
		for (Totals t : earlier) {
			List<PeriodField> fields = new ArrayList<>();
			t.byKey().forEach((key, v) -> {
				boolean hidden = v == null || v[0] == 0 || (!internal && v[0] < SurveyStatistics.MINIMUM_CELL);
				fields.add(hidden ? new PeriodField(key, v == null ? null : (int) v[0], null, null)
						: new PeriodField(key, (int) v[0], v[1], v[2]));
			});
			periods.add(new Period(t.surveyId(), t.period(), fields));
		}
		periods.add(new Period(survey.id(), survey.period(),
				now.stream().map(f -> new PeriodField(f.key(), f.count(), f.sum(), f.mean())).toList()));
		return periods;
	}

	private List<String> canonicalOrder(GroupBy by) {
		return switch (by) {
			case REGION -> Regions.china().provinces().stream().map(Regions.Region::code).toList();
			case TYPE -> Arrays.stream(OrganizationType.values()).map(Enum::name).toList();
			case SIZE -> Arrays.stream(SizeClass.values()).map(Enum::name).toList();
		};
	}

	/** The label of a group in the current language. */
	private String label(GroupBy by, String key) {
		var locale = LocaleContextHolder.getLocale();
		if (key.isEmpty()) {
			return messages.getMessage("stats.group.unknown", null, locale);
		}
		return switch (by) {
			case REGION -> Regions.china().find(key).map(Regions.Region::name).orElse(key);
			case TYPE -> messages.getMessage("enum.OrganizationType." + key, null, key, locale);
			case SIZE -> messages.getMessage("stats.size." + key, null, key, locale);
		};
	}
}
