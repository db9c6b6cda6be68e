package org.alliancehub.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.alliancehub.collaboration.Findable;
import org.alliancehub.collaboration.Findables;
import org.alliancehub.content.Article;
import org.alliancehub.content.ArticleStatus;
import org.alliancehub.content.Articles;
import org.alliancehub.content.Briefing;
import org.alliancehub.content.Bulletins;
import org.alliancehub.content.Event;
import org.alliancehub.content.Visibility;
import org.alliancehub.governance.Minutes;
import org.alliancehub.governance.PublishedMinutes;
import org.alliancehub.membership.Memberships;
import org.alliancehub.membership.Organization;
import org.alliancehub.membership.Organizations;
import org.alliancehub.membership.Product;
import org.alliancehub.network.Alliance;
import org.alliancehub.network.Alliances;
import org.alliancehub.search.DocumentType;
import org.alliancehub.shared.Html;
import org.alliancehub.text.ChineseText;
import org.alliancehub.shared.NotFound;
import org.alliancehub.standards.StandardFindables;
import org.alliancehub.transfer.TransferFindables;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.util.BytesRef;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Turns what the other modules own into index documents, reading it through their public services.
 * Only what a site shows is indexed: published articles, briefings, events, and member organisations.
 */
@Component
class IndexDocuments {

	static final String TYPE = "type";

	static final String ID = "id";

	static final String ALLIANCE = "alliance";

	static final String ALLIANCE_NAME = "allianceName";

	static final String CATEGORY = "category";

	static final String VISIBILITY = "visibility";

	static final String MEMBERS_OF = "membersOf";

	static final String PUBLISHED = "published";

	static final String DISPLAY_TITLE = "displayTitle";

	static final String URL = "url";

	static final String KEYWORDS = "kw";

	/** The organisation that posted a members-only demand or achievement, which reads it as its alliance's members do. */
	static final String READER_ORGANIZATION = "readerOrg";

	static final int MAX_BODY = 30_000;

	/**
	 * How much of a body is segmented into words (smartcn costs about three times the pairs); the rest of a
	 * long body is still found through its pairs.
	 */
	static final int MAX_BODY_WORDS = 6_000;

	private final Articles articles;

	private final Bulletins bulletins;

	private final Organizations organizations;

	private final Memberships memberships;

	private final Alliances alliances;

	private final Minutes minutes;

	private final Findables findables;

	private final TransferFindables transfers;

	private final StandardFindables standards;

	IndexDocuments(Articles articles, Bulletins bulletins, Organizations organizations, Memberships memberships,
			Alliances alliances, Minutes minutes, Findables findables, TransferFindables transfers,
			StandardFindables standards) {
		this.standards = standards;
		this.findables = findables;
		this.transfers = transfers;
		this.minutes = minutes;
		this.articles = articles;
		this.bulletins = bulletins;
		this.organizations = organizations;
		this.memberships = memberships;
		this.alliances = alliances;
	}

	static String key(DocumentType type, long id) {
		return type.name() + ":" + id;
	}

	/** The document for a key as the database has it now, or empty when it should not be in the index. */
	Optional<Document> load(String key) {
		int colon = key.indexOf(':');
		DocumentType type = DocumentType.valueOf(key.substring(0, colon));
		long id = Long.parseLong(key.substring(colon + 1));
		try {
			return switch (type) {
				case ARTICLE -> article(articles.raw(id));
				case BRIEFING -> bulletins.briefingById(id).map(this::briefing);
				case EVENT -> bulletins.eventById(id).map(this::event);
				case ORGANIZATION -> organization(organizations.get(id));
				case MINUTES -> minutes.forIndex(id).map(this::minutes);
				case PROJECT, AGREEMENT, BASE, RESOURCE ->
					findables.find(Findable.Kind.valueOf(type.name()), id).map(this::collaboration);
				case DEMAND, ACHIEVEMENT -> transfers.find(TransferFindables.Kind.valueOf(type.name()), id).map(this::transfer);
				case STANDARD -> standards.find(id).map(this::standard);
			};
		}
		catch (NotFound e) {
			return Optional.empty();
		}
	}

	/**
	 * The documents for these keys as the database has them now, in the keys' order; null for a key whose document
	 * should not be in the index. The articles among them (nearly all of a busy feed) are read in one statement and
	 * made into documents on every core; the other kinds one by one ({@link #load}).
	 */
	Map<String, @Nullable Document> loadAll(Collection<String> keys) {
		Map<Long, String> articleKeys = new LinkedHashMap<>();
		for (String key : keys) {
			if (key.startsWith(ARTICLE_PREFIX)) {
				articleKeys.put(Long.parseLong(key.substring(ARTICLE_PREFIX.length())), key);
			}
		}
		Map<String, Document> built = new ConcurrentHashMap<>();
		if (!articleKeys.isEmpty()) {
			articles.rawByIds(articleKeys.keySet()).parallelStream()
				.forEach(a -> article(a).ifPresent(d -> built.put(articleKeys.get(a.id()), d)));
		}
		Map<String, @Nullable Document> out = new LinkedHashMap<>();
		for (String key : keys) {
			out.put(key, key.startsWith(ARTICLE_PREFIX) ? built.get(key) : load(key).orElse(null));
		}
		return out;
	}

	private static final String ARTICLE_PREFIX = DocumentType.ARTICLE.name() + ":";

	Optional<Document> article(Article a) {
		if (a.status() != ArticleStatus.PUBLISHED) {
			return Optional.empty();
		}
		Alliance alliance = alliances.get(a.allianceId());
		Document d = base(DocumentType.ARTICLE, a.id(), a.title(), Html.text(a.body()), List.of(alliance),
				a.publishedAt(), "/a/" + alliance.slug() + "/articles/" + a.id());
		d.add(new StringField(CATEGORY, a.category().name(), Field.Store.YES));
		d.add(new SortedDocValuesField(CATEGORY, new BytesRef(a.category().name())));
		visibility(d, a.visibility(), a.allianceId());
		Set<String> keywords = new LinkedHashSet<>(a.tags());
		keywords.addAll(words(a.title()));
		keywords(d, keywords);
		String more = ChineseText.fold(String.join(" ", a.tags()) + " " + nz(a.author()) + " " + nz(a.source()));
		d.add(new Field(Analyzers.BODY_BIGRAMS, more, Analyzers.WITH_OFFSETS));
		d.add(new TextField(Analyzers.BODY_WORDS, more, Field.Store.NO));
		return Optional.of(d);
	}

	Document briefing(Briefing b) {
		Alliance alliance = alliances.get(b.allianceId());
		Document d = base(DocumentType.BRIEFING, b.id(), b.title(), Html.text(b.body()), List.of(alliance),
				b.publishedOn().atStartOfDay().atOffset(ZoneOffset.ofHours(8)),
				"/a/" + alliance.slug() + "/briefings/" + b.issueNumber());
		visibility(d, Visibility.PUBLIC, b.allianceId());
		keywords(d, words(b.title()));
		return d;
	}

	Document event(Event e) {
		Alliance alliance = alliances.get(e.allianceId());
		Document d = base(DocumentType.EVENT, e.id(), e.title(), nz(e.location()) + " " + nz(e.description()),
				List.of(alliance), e.startsOn().atStartOfDay().atOffset(ZoneOffset.ofHours(8)),
				"/a/" + alliance.slug() + "/events");
		visibility(d, Visibility.PUBLIC, e.allianceId());
		keywords(d, words(e.title()));
		return d;
	}

	/** Published minutes with their resolution; members-only ones are found by the alliance's members only. */
	Document minutes(PublishedMinutes m) {
		Alliance alliance = alliances.get(m.allianceId());
		Document d = base(DocumentType.MINUTES, m.meetingId(), m.title(),
				Html.text(m.body()) + " " + nz(m.resolution()), List.of(alliance), m.publishedAt(), m.url());
		visibility(d, m.visibility(), m.allianceId());
		keywords(d, words(m.title()));
		return d;
	}

	/**
	 * A project, agreement, demonstration base or shared resource; members-only ones are found by the owning
	 * alliance's members only (participants-only projects never reach the index).
	 */
	Document collaboration(Findable f) {
		return findable(DocumentType.valueOf(f.kind().name()), f.id(), f.allianceId(), f.alliances(), f.title(), f.body(),
				f.keywords(), f.membersOnly(), f.date(), f.url());
	}

	/**
	 * A technology demand or achievement; a members-only one is found by the owning alliance's members and by the
	 * organisation that posted it, as {@code access.canRead} reads it.
	 */
	Document transfer(TransferFindables.Findable f) {
		Document d = findable(DocumentType.valueOf(f.kind().name()), f.id(), f.allianceId(), List.of(f.allianceId()),
				f.title(), f.body(), f.keywords(), f.membersOnly(), f.date(), f.url());
		if (f.membersOnly()) {
			d.add(new StringField(READER_ORGANIZATION, String.valueOf(f.organizationId()), Field.Store.NO));
		}
		return d;
	}

	/** A group standard of an alliance: every standard is public. */
	Document standard(StandardFindables.Findable f) {
		return findable(DocumentType.STANDARD, f.id(), f.allianceId(), List.of(f.allianceId()), f.title(), f.body(),
				f.keywords(), false, f.date(), f.url());
	}

	private Document findable(DocumentType type, long id, long owner, List<Long> alliancesIn, String title, String body,
			List<String> keywordList, boolean membersOnly, @Nullable OffsetDateTime date, String url) {
		List<Alliance> in = alliancesIn.stream().map(alliances::get).toList();
		Document d = base(type, id, title, body, in, date, url);
		visibility(d, membersOnly ? Visibility.MEMBERS : Visibility.PUBLIC, owner);
		Set<String> keywords = new LinkedHashSet<>(keywordList);
		keywords.addAll(words(title));
		keywords(d, keywords);
		return d;
	}

	Optional<Document> organization(Organization o) {
		if (o.representsAllianceId() != null) {
			return Optional.empty();
		}
		List<Alliance> in = memberships.activeAlliancesOf(o.id()).stream().map(alliances::get).toList();
		if (in.isEmpty()) {
			return Optional.empty();
		}
		StringBuilder body = new StringBuilder(nz(o.profile())).append(' ').append(nz(o.region()));
		Set<String> keywords = new LinkedHashSet<>();
		keywords.add(o.name());
		for (Product p : o.products()) {
			body.append(' ').append(p.name()).append(' ').append(nz(p.description()));
			keywords.add(p.name());
		}
		Document d = base(DocumentType.ORGANIZATION, o.id(), o.name(), body.toString(), in, null,
				"/a/" + in.get(0).slug() + "/enterprises/" + o.id());
		visibility(d, Visibility.PUBLIC, in.get(0).id());
		keywords(d, keywords);
		return Optional.of(d);
	}

	private Document base(DocumentType type, long id, String title, String body, List<Alliance> in,
			@Nullable OffsetDateTime published, String url) {
		Document d = new Document();
		d.add(new StringField(SearchIndex.KEY, key(type, id), Field.Store.YES));
		d.add(new StringField(TYPE, type.name(), Field.Store.YES));
		d.add(new SortedDocValuesField(TYPE, new BytesRef(type.name())));
		d.add(new StoredField(ID, id));
		for (Alliance a : in) {
			d.add(new StringField(ALLIANCE, a.slug(), Field.Store.NO));
			d.add(new SortedSetDocValuesField(ALLIANCE, new BytesRef(a.slug())));
		}
		d.add(new StoredField(ALLIANCE + "Slug", in.get(0).slug()));
		d.add(new StoredField(ALLIANCE_NAME, in.get(0).displayShortName()));
		long millis = published == null ? 0 : published.toInstant().toEpochMilli();
		d.add(new LongPoint(PUBLISHED, millis));
		d.add(new NumericDocValuesField(PUBLISHED, millis));
		d.add(new StoredField(PUBLISHED, millis));
		String foldedTitle = ChineseText.fold(title);
		String foldedBody = ChineseText.fold(body.length() > MAX_BODY ? body.substring(0, MAX_BODY) : body);
		d.add(new StoredField(DISPLAY_TITLE, title));
		d.add(new TextField(Analyzers.TITLE, foldedTitle, Field.Store.YES));
		// The body is searched through its words and, for names the dictionary does not know, its character
		// pairs; it is stored for the highlighter, which finds the matches of the bodies it shows in the pairs'
		// postings (their offsets are indexed) instead of analysing the bodies again.
		d.add(new StoredField(Analyzers.BODY, foldedBody));
		d.add(new TextField(Analyzers.BODY_WORDS,
				foldedBody.length() > MAX_BODY_WORDS ? foldedBody.substring(0, MAX_BODY_WORDS) : foldedBody, Field.Store.NO));
		d.add(new TextField(Analyzers.TITLE_BIGRAMS, foldedTitle, Field.Store.NO));
		d.add(new Field(Analyzers.BODY_BIGRAMS, foldedBody, Analyzers.WITH_OFFSETS));
		d.add(new StoredField(URL, url));
		return d;
	}

	private static void visibility(Document d, Visibility v, long allianceId) {
		d.add(new StringField(VISIBILITY, v.name(), Field.Store.NO));
		if (v == Visibility.MEMBERS) {
			d.add(new StringField(MEMBERS_OF, String.valueOf(allianceId), Field.Store.NO));
		}
	}

	private static void keywords(Document d, Set<String> keywords) {
		for (String k : keywords) {
			String folded = ChineseText.fold(k).strip();
			if (folded.length() >= 2 && folded.length() <= 40) {
				d.add(new StringField(KEYWORDS, folded, Field.Store.NO));
			}
		}
	}

	/** The words of a title as the Chinese analysis segments them (two characters or more). */
	private static Set<String> words(String text) {
		Set<String> out = new LinkedHashSet<>();
		for (String w : ChineseText.words(text)) {
			if (w.length() >= 2) {
				out.add(w);
			}
		}
		return out;
	}

	private static String nz(@Nullable String s) {
		return s == null ? "" : s;
	}

	/** Everything to index, in batches: for a rebuild. */
	interface Sink {

		void accept(String key, Document document) throws IOException;
	}

	long all(Sink sink, java.util.function.LongConsumer progress) throws IOException {
		long done = 0;
		long after = 0;
		List<Article> batch;
		while (!(batch = articles.rawAfter(after, 1000)).isEmpty()) {
			// Folding and analysis dominate; they run on every core while the next batch is read after.
			batch.parallelStream().forEach(a -> {
				try {
					Optional<Document> d = article(a);
					if (d.isPresent()) {
						sink.accept(key(DocumentType.ARTICLE, a.id()), d.get());
					}
				}
				catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			});
			done += batch.size();
			progress.accept(done);
			after = batch.get(batch.size() - 1).id();
		}
		after = 0;
		List<Briefing> briefings;
		while (!(briefings = bulletins.briefingsAfter(after, 500)).isEmpty()) {
			for (Briefing b : briefings) {
				sink.accept(key(DocumentType.BRIEFING, b.id()), briefing(b));
				progress.accept(++done);
			}
			after = briefings.get(briefings.size() - 1).id();
		}
		after = 0;
		List<Event> events;
		while (!(events = bulletins.eventsAfter(after, 500)).isEmpty()) {
			for (Event e : events) {
				sink.accept(key(DocumentType.EVENT, e.id()), event(e));
				progress.accept(++done);
			}
			after = events.get(events.size() - 1).id();
		}
		after = 0;
		List<Organization> orgs;
		while (!(orgs = organizations.after(after, 500)).isEmpty()) {
			for (Organization o : orgs) {
				Optional<Document> d = organization(o);
				if (d.isPresent()) {
					sink.accept(key(DocumentType.ORGANIZATION, o.id()), d.get());
				}
				progress.accept(++done);
			}
			after = orgs.get(orgs.size() - 1).id();
		}
		after = 0;
		List<PublishedMinutes> published;
		while (!(published = minutes.publishedAfter(after, 200)).isEmpty()) {
			for (PublishedMinutes m : published) {
				sink.accept(key(DocumentType.MINUTES, m.meetingId()), minutes(m));
				progress.accept(++done);
			}
			after = published.get(published.size() - 1).meetingId();
		}
		for (Findable.Kind kind : Findable.Kind.values()) {
			after = 0;
			List<Long> ids;
			while (!(ids = findables.idsAfter(kind, after, 500)).isEmpty()) {
				for (long id : ids) {
					Optional<Findable> f = findables.find(kind, id);
					if (f.isPresent()) {
						sink.accept(key(DocumentType.valueOf(kind.name()), id), collaboration(f.get()));
					}
					progress.accept(++done);
				}
				after = ids.get(ids.size() - 1);
			}
		}
		for (TransferFindables.Kind kind : TransferFindables.Kind.values()) {
			after = 0;
			List<Long> ids;
			while (!(ids = transfers.idsAfter(kind, after, 500)).isEmpty()) {
				for (long id : ids) {
					Optional<TransferFindables.Findable> f = transfers.find(kind, id);
					if (f.isPresent()) {
						sink.accept(key(DocumentType.valueOf(kind.name()), id), transfer(f.get()));
					}
					progress.accept(++done);
				}
				after = ids.get(ids.size() - 1);
			}
		}
		after = 0;
		List<Long> standardIds;
		while (!(standardIds = standards.idsAfter(after, 500)).isEmpty()) {
			for (long id : standardIds) {
				Optional<StandardFindables.Findable> f = standards.find(id);
				if (f.isPresent()) {
					sink.accept(key(DocumentType.STANDARD, id), standard(f.get()));
				}
				progress.accept(++done);
			}
			after = standardIds.get(standardIds.size() - 1);
		}
		return done;
	}

	/** How many standards the database holds. */
	long standards() {
		return standards.count();
	}

	/** How many demands and achievements the database holds. */
	long transfers() {
		return transfers.count();
	}

	long estimate() {
		return articles.count() + bulletins.count() + organizations.count() + minutes.countPublished() + findables.count()
				+ transfers.count() + standards.count();
	}
}
