package org.alliancehub.annual;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.alliancehub.annual.ActivityRanking.IndicatorPoints;
import org.alliancehub.annual.ActivityRanking.Item;
import org.alliancehub.annual.Formula.Indicator;
import org.alliancehub.annual.Formula.Normalisation;
import org.alliancehub.network.Alliance;
import org.alliancehub.network.Alliances;
import org.alliancehub.shared.ActivityFacts;
import org.alliancehub.shared.ActivityFacts.Fact;
import org.alliancehub.shared.Invalid;
import org.alliancehub.shared.NotFound;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The activity score (活跃度) of the alliances: what each did in a period, gathered from every module's
 * {@link ActivityFacts} in a few statements per module, scored by a version of the published formula.
 * Scores are computed on request and never stored, so any period can be scored again under any version.
 */
@Service
public class Activity {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	private final List<ActivityFacts> sources;

	private final Alliances alliances;

	private final ApplicationEventPublisher events;

	Activity(JdbcClient jdbc, List<ActivityFacts> sources, Alliances alliances, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.sources = sources;
		this.alliances = alliances;
		this.events = events;
	}

	/** A new version of the formula, as the administrator sends it. */
	public record FormulaInput(@NotNull Normalisation normalisation,
			@NotEmpty @Size(max = 40) List<@Valid @NotNull IndicatorInput> indicators, @Nullable @Size(max = 2000) String note) {
	}

	public record IndicatorInput(@NotBlank @Size(max = 60) String key,
			@NotNull @DecimalMin("0") @DecimalMax("100") Double weight, @NotNull @Min(1) @Max(1_000_000) Long cap) {
	}

	/** How an alliance raises its score: an indicator not yet at its cap, with the points one more unit gives. */
	public record Advice(String key, long value, long divisor, double pointsPerUnit, double pointsLeft) {
	}

	/** Every fact key the modules answer, in their order. */
	public List<String> keys() {
		return List.copyOf(kinds().keySet());
	}

	/** Every fact key the modules answer with the page it comes from ({@code {slug}} for the alliance). */
	public Map<String, String> kinds() {
		Map<String, String> kinds = new LinkedHashMap<>();
		sources.forEach(s -> s.kinds().forEach(k -> kinds.putIfAbsent(k.key(), k.source())));
		return kinds;
	}

	/** The facts of these alliances in a year, by alliance and key: one call of each module. */
	public Map<Long, Map<String, Fact>> facts(Collection<Long> allianceIds, int year) {
		Map<Long, Map<String, Fact>> byAlliance = new HashMap<>();
		LocalDate from = LocalDate.of(year, 1, 1);
		for (ActivityFacts source : sources) {
			for (Fact f : source.facts(allianceIds, from, from.plusYears(1))) {
				byAlliance.computeIfAbsent(f.allianceId(), k -> new LinkedHashMap<>()).merge(f.key(), f,
						(a, b) -> new Fact(a.allianceId(), a.key(), a.value() + b.value(), a.source()));
			}
		}
		return byAlliance;
	}

	/** The year a period names; the period is a year, e.g. {@code 2026}. */
	public static int year(@Nullable String period) {
		if (period == null || !period.matches("\\d{4}")) {
			throw Invalid.field("period", "a year, e.g. 2026");
		}
		int year = Integer.parseInt(period);
		if (year < 2000 || year > 2100) {
			throw Invalid.field("period", "between 2000 and 2100");
		}
		return year;
	}

	// ---- the formula

	/** A version of the formula, or the current one when {@code version} is null. */
	public Formula formula(@Nullable Integer version) {
		String sql = "select version, normalisation, indicators::text, note, created_at from annual_formula "
				+ (version == null ? "order by version desc limit 1" : "where version = ?");
		var q = jdbc.sql(sql);
		if (version != null) {
			q = q.param(version);
		}
		return q.query((rs, i) -> new Formula(rs.getInt(1), Normalisation.valueOf(rs.getString(2)), indicators(rs.getString(3)),
				rs.getString(4), rs.getObject(5, java.time.OffsetDateTime.class)))
			.optional()
			.orElseThrow(() -> new NotFound("formula version " + version));
	}

	/** Every version, newest first. */
	public List<Formula> formulas() {
		return jdbc.sql("select version, normalisation, indicators::text, note, created_at from annual_formula order by version desc")
			.query((rs, i) -> new Formula(rs.getInt(1), Normalisation.valueOf(rs.getString(2)), indicators(rs.getString(3)),
					rs.getString(4), rs.getObject(5, java.time.OffsetDateTime.class)))
			.list();
	}

	/** Publishes a new version; the old ones stay, so past scores can be computed under them again. */
	@Transactional
	public Formula change(FormulaInput in, String by) {
		List<Invalid.FieldError> errors = new ArrayList<>();
		Set<String> known = new HashSet<>(keys());
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < in.indicators().size(); i++) {
			String key = in.indicators().get(i).key();
			if (!known.contains(key)) {
				errors.add(new Invalid.FieldError("indicators[" + i + "].key", "unknown indicator; one of " + keys()));
			}
			else if (!seen.add(key)) {
				errors.add(new Invalid.FieldError("indicators[" + i + "].key", "named twice"));
			}
		}
		if (!errors.isEmpty()) {
			throw new Invalid(errors);
		}
		List<Indicator> indicators = in.indicators().stream().map(i -> new Indicator(i.key(), i.weight(), i.cap())).toList();
		jdbc.sql("lock table annual_formula in exclusive mode").update();
		int version = jdbc.sql("select coalesce(max(version), 0) + 1 from annual_formula").query(Integer.class).single();
		jdbc.sql("insert into annual_formula (version, normalisation, indicators, note, created_by) values (?, ?, ?::jsonb, ?, ?)")
			.params(version, in.normalisation().name(), JSON.writeValueAsString(indicators), in.note(), by)
			.update();
		events.publishEvent(new AnnualEvents.FormulaChanged(version, null, "activity formula version " + version));
		return formula(version);
	}

	private static List<Indicator> indicators(String json) {
		return JSON.readValue(json, new TypeReference<List<Indicator>>() {
		});
	}

	// ---- scores

	/** The scores of every alliance of the network for a period, under a version (the current one when null). */
	public ActivityRanking ranking(String period, @Nullable Integer version) {
		int year = year(period);
		return ranking(year, formula(version), alliances.list());
	}

	/** The scores of these alliances in a year under a formula, best first; ties share a rank, then by name. */
	public ActivityRanking ranking(int year, Formula formula, List<Alliance> of) {
		Map<Long, String> slugs = new LinkedHashMap<>();
		of.forEach(a -> slugs.put(a.id(), a.slug()));
		Map<Long, Map<String, Fact>> facts = facts(slugs.keySet(), year);
		Map<String, Long> divisors = divisors(formula, facts);
		List<Item> items = new ArrayList<>(of.size());
		for (var e : slugs.entrySet()) {
			Map<String, Fact> mine = facts.getOrDefault(e.getKey(), Map.of());
			List<IndicatorPoints> points = new ArrayList<>(formula.indicators().size());
			double score = 0;
			for (Indicator i : formula.indicators()) {
				Fact f = mine.get(i.key());
				long value = f == null ? 0 : f.value();
				double p = Formula.points(i, value, divisors.get(i.key()));
				score += p;
				points.add(new IndicatorPoints(i.key(), value, i.weight(), p));
			}
			items.add(new Item(e.getValue(), Formula.round(score), 0, points));
		}
		items.sort(Comparator.comparingDouble(Item::score).reversed());
		List<Item> ranked = new ArrayList<>(items.size());
		for (int n = 0; n < items.size(); n++) {
			Item it = items.get(n);
			int rank = n > 0 && ranked.get(n - 1).score() == it.score() ? ranked.get(n - 1).rank() : n + 1;
			ranked.add(new Item(it.alliance(), it.score(), rank, it.indicators()));
		}
		return new ActivityRanking(String.valueOf(year), formula.version(), ranked);
	}

	/** The divisor of each indicator for the period: its cap, or the period's best value at most the cap. */
	private static Map<String, Long> divisors(Formula formula, Map<Long, Map<String, Fact>> facts) {
		Map<String, Long> divisors = new HashMap<>();
		for (Indicator i : formula.indicators()) {
			long best = 0;
			for (Map<String, Fact> m : facts.values()) {
				Fact f = m.get(i.key());
				if (f != null) {
					best = Math.max(best, f.value());
				}
			}
			divisors.put(i.key(), formula.divisor(i, best));
		}
		return divisors;
	}

	/**
	 * How an alliance raises its score in a period: the indicators below their cap, the one that gives most
	 * points per unit first.
	 */
	public List<Advice> advice(ActivityRanking ranking, Formula formula, String slug) {
		Item mine = ranking.items().stream().filter(i -> i.alliance().equals(slug)).findFirst()
			.orElseThrow(() -> new NotFound("alliance " + slug));
		Map<String, Long> best = new HashMap<>();
		for (Item it : ranking.items()) {
			for (IndicatorPoints p : it.indicators()) {
				best.merge(p.key(), p.value(), Math::max);
			}
		}
		List<Advice> advice = new ArrayList<>();
		for (Indicator i : formula.indicators()) {
			// under BEST, one more unit than the best raises the bar only up to the cap: the cap is the reach
			long divisor = formula.normalisation() == Normalisation.CAP ? i.cap() : Math.max(1, formula.divisor(i, best.getOrDefault(i.key(), 0L)));
			IndicatorPoints p = mine.indicators().stream().filter(x -> x.key().equals(i.key())).findFirst().orElseThrow();
			if (p.value() < divisor && i.weight() > 0) {
				advice.add(new Advice(i.key(), p.value(), divisor, Formula.round(i.weight() / divisor),
						Formula.round(i.weight() - p.points())));
			}
		}
		advice.sort(Comparator.comparingDouble(Advice::pointsPerUnit).reversed());
		return advice;
	}
}
