package org.alliancehub.content;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.alliancehub.content.ContentEvents.ArticleDeleted;
import org.alliancehub.content.ContentEvents.ArticleSaved;
import org.alliancehub.identity.Access;
import org.alliancehub.identity.Owner;
import org.alliancehub.network.Alliance;
import org.alliancehub.network.Alliances;
import org.alliancehub.shared.Conflict;
import org.alliancehub.shared.Html;
import org.alliancehub.shared.Invalid;
import org.alliancehub.shared.NotFound;
import org.alliancehub.shared.PageResult;
import org.alliancehub.shared.Paging;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Articles of an alliance: writing, publishing, reading. What a reader gets depends on who reads: drafts
 * only for the alliance's secretariat, members-only articles only for its members; to everyone else they
 * do not exist.
 */
@Service
public class Articles {

	private static final String SUMMARY = "a.id, a.alliance_id, a.title, a.category, a.source, a.published_at, a.status, a.visibility";

	/** {@link #SUMMARY}'s columns of a subquery {@code t}. */
	private static final String PLAIN = "t.id, t.alliance_id, t.title, t.category, t.source, t.published_at, t.status, t.visibility";

	/** Articles name their alliance by id; its URL name comes from {@link Alliances#slugs}, never from its table. */
	private static final String FROM = " from article a";

	private final JdbcClient jdbc;

	private final Alliances alliances;

	private final Access access;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final KeptArticles kept;

	Articles(JdbcClient jdbc, Alliances alliances, Access access, ApplicationEventPublisher events, Clock clock,
			KeptArticles kept) {
		this.jdbc = jdbc;
		this.alliances = alliances;
		this.access = access;
		this.events = events;
		this.clock = clock;
		this.kept = kept;
	}

	/** Keys of what {@link KeptArticles} keeps for the article pages and the network's home page. */
	private record RowKey(long id) {
	}

	private record AroundKey(long id, boolean members) {
	}

	private record FilesKey(long id) {
	}

	private record HomeKey(long networkId, boolean members, int latest, int perSection) {
	}

	/** An article's neighbours and related articles, their alliance not yet named. */
	private record Around(long allianceId, List<Part> parts) {
	}

	private record Files(long allianceId, List<Attachment> attachments) {
	}

	private record Home(List<Unnamed> latest, List<Unnamed> own) {
	}

	/** Published articles of an alliance, newest first, that the current viewer may read. */
	public PageResult<ArticleSummary> list(long allianceId, @Nullable Category category, @Nullable String tag,
			@Nullable ArticleStatus status, Paging paging) {
		boolean members = access.canReadMembersOnly(allianceId);
		boolean manager = access.canManage(allianceId);
		ArticleStatus wanted = status == null || !manager ? ArticleStatus.PUBLISHED : status;
		String where = " where a.alliance_id = ? and a.status = ? and (a.visibility = 'PUBLIC' or ?)"
				+ " and (cast(? as text) is null or a.category = ?) and (cast(? as text) is null or ? = any(a.tags))";
		Object[] params = { allianceId, wanted.name(), members, name(category), name(category), tag, tag };
		long total = jdbc.sql("select count(*) from article a" + where).params(params).query(Long.class).single();
		List<ArticleSummary> items = named(jdbc
			.sql("select " + SUMMARY + FROM + where + " order by a.published_at desc, a.id desc limit ? offset ?")
			.params(concat(params, paging.size(), paging.offset()))
			.query(Articles::summary)
			.list());
		return new PageResult<>(items, paging.page(), paging.size(), total);
	}

	/** The newest published articles of each section of an alliance, for its home page: one query. */
	public Map<Category, List<ArticleSummary>> latestBySection(long allianceId, int perSection) {
		boolean members = access.canReadMembersOnly(allianceId);
		Map<Category, List<ArticleSummary>> result = new EnumMap<>(Category.class);
		named(jdbc.sql("select * from (select " + SUMMARY
				+ ", row_number() over (partition by a.category order by a.published_at desc, a.id desc) as n" + FROM
				+ " where a.alliance_id = ? and a.status = 'PUBLISHED' and (a.visibility = 'PUBLIC' or ?)) t where n <= ?"
				+ " order by published_at desc, id desc")
			.params(allianceId, members, perSection)
			.query(Articles::summary)
			.list())
			.forEach(s -> result.computeIfAbsent(s.category(), c -> new ArrayList<>()).add(s));
		return result;
	}

	/** What the network's home page lists: the newest public articles of the whole network, and its own by section. */
	public record NetworkHome(List<ArticleSummary> latest, Map<Category, List<ArticleSummary>> own) {
	}

	/**
	 * {@link #latestPublic} and {@link #latestBySection} of the network in one statement (each part the query it
	 * is on its own, numbered in its own order), for the network's home page.
	 */
	public NetworkHome networkHome(long networkId, int latest, int perSection) {
		boolean members = access.canReadMembersOnly(networkId);
		Home home = kept.get(new HomeKey(networkId, members, latest, perSection), () -> {
			List<Unnamed> latestRows = new ArrayList<>();
			List<Unnamed> ownRows = new ArrayList<>();
			jdbc.sql("select * from ("
					+ "select 0 as part, row_number() over (order by published_at desc, id desc) as n, " + PLAIN
					+ " from (select " + SUMMARY + FROM
					+ " where a.status = 'PUBLISHED' and a.visibility = 'PUBLIC' order by a.published_at desc, a.id desc limit ?) t"
					+ " union all select 1, row_number() over (order by published_at desc, id desc), " + PLAIN + " from (select "
					+ SUMMARY + ", row_number() over (partition by a.category order by a.published_at desc, a.id desc) as k"
					+ FROM + " where a.alliance_id = ? and a.status = 'PUBLISHED' and (a.visibility = 'PUBLIC' or ?)) t where k <= ?"
					+ ") u order by part, n")
				.params(latest, networkId, members, perSection)
				.query((rs, i) -> {
					(rs.getInt("part") == 0 ? latestRows : ownRows).add(summary(rs, i));
					return 0;
				})
				.list();
			return new Home(List.copyOf(latestRows), List.copyOf(ownRows));
		}, h -> KeptArticles.EVERY_ALLIANCE);
		Map<Category, List<ArticleSummary>> own = new EnumMap<>(Category.class);
		named(home.own()).forEach(s -> own.computeIfAbsent(s.category(), c -> new ArrayList<>()).add(s));
		return new NetworkHome(named(home.latest()), own);
	}

	/** The newest public articles across the whole network, for the network's home page. */
	public List<ArticleSummary> latestPublic(int limit) {
		return named(jdbc.sql("select " + SUMMARY + FROM
				+ " where a.status = 'PUBLISHED' and a.visibility = 'PUBLIC' order by a.published_at desc, a.id desc limit ?")
			.param(limit)
			.query(Articles::summary)
			.list());
	}

	/**
	 * An article the current viewer may read, by the one rule ({@link #owner}, as {@code access.canRead("article", id)}
	 * decides); anything else is not found.
	 */
	public Article get(long id) {
		Article a = kept(id);
		if (!access.reads(owner(a.allianceId(), a.status(), a.visibility()))) {
			throw new NotFound("article " + id);
		}
		return a;
	}

	/** Who reads an article: a draft its secretariat only; a members-only one the alliance's members; else anyone. */
	public static Owner owner(long allianceId, ArticleStatus status, Visibility visibility) {
		if (status != ArticleStatus.PUBLISHED) {
			return Owner.secretariat(allianceId);
		}
		return visibility == Visibility.MEMBERS ? Owner.members(allianceId) : Owner.publicly(allianceId);
	}

	public ArticleDetail detail(long id) {
		Article a = get(id);
		boolean members = access.canReadMembersOnly(a.allianceId());
		Around around = kept.get(new AroundKey(a.id(), members), () -> around(a, members), Around::allianceId);
		ArticleSummary previous = null;
		ArticleSummary next = null;
		List<ArticleSummary> related = new ArrayList<>();
		for (Part p : around.parts()) {
			ArticleSummary s = p.summary().in(a.alliance());
			if (p.part() == 0 && previous == null) {
				previous = s;
			}
			else if (p.part() == 1 && next == null) {
				next = s;
			}
			else if (p.part() == 2) {
				related.add(s);
			}
		}
		Files files = kept.get(new FilesKey(a.id()), () -> new Files(a.allianceId(), jdbc.sql(
				"select id, article_id, filename, content_type, size_bytes from attachment where article_id = ? order by id")
			.param(a.id())
			.query((rs, i) -> new Attachment(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
					rs.getLong(5)))
			.list()), Files::allianceId);
		return new ArticleDetail(a, previous, next, List.copyOf(related), List.copyOf(files.attachments()));
	}

	/**
	 * The neighbours in the section and the related articles (most shared tags first, then the same section, then the
	 * newest) in one statement: each part is the query it was on its own, numbered in its own order (explicitly: a
	 * union's parts keep no order of their own, nor does {@code row_number() over ()}).
	 */
	private Around around(Article a, boolean members) {
		String visible = " and a.status = 'PUBLISHED' and (a.visibility = 'PUBLIC' or ?)";
		List<Part> parts = jdbc.sql("select * from ("
				+ "select 0 as part, 1 as n, t.* from (select " + SUMMARY + FROM
				+ " where a.alliance_id = ? and a.category = ? and (a.published_at, a.id) < (?, ?)" + visible
				+ " order by a.published_at desc, a.id desc limit 1) t"
				+ " union all select 1, 1, t.* from (select " + SUMMARY + FROM
				+ " where a.alliance_id = ? and a.category = ? and (a.published_at, a.id) > (?, ?)" + visible
				+ " order by a.published_at, a.id limit 1) t"
				+ " union all select 2, row_number() over (order by shared desc, same desc, published_at desc, id desc), " + PLAIN
				+ " from (select " + SUMMARY + ", cardinality(array(select unnest(a.tags) intersect select unnest(cast(? as text[]))))"
				+ " as shared, a.category = ? as same" + FROM + " where a.alliance_id = ? and a.id <> ?" + visible
				+ " order by shared desc, same desc, a.published_at desc, a.id desc limit 5) t"
				+ ") u order by part, n")
			.params(a.allianceId(), a.category().name(), a.publishedAt(), a.id(), members,
					a.allianceId(), a.category().name(), a.publishedAt(), a.id(), members,
					a.tags().toArray(String[]::new), a.category().name(), a.allianceId(), a.id(), members)
			.query((rs, i) -> new Part(rs.getInt("part"), summary(rs, i).summary()))
			.list();
		return new Around(a.allianceId(), List.copyOf(parts));
	}

	@Transactional
	public Article create(long allianceId, NewArticle n) {
		List<String> tags = tags(n.tags());
		String body = Html.sanitize(n.body());
		long id = jdbc.sql("""
				insert into article (alliance_id, title, category, source, author, published_at, tags, body, status, visibility)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(allianceId, n.title().strip(), n.category().name(), blank(n.source()), blank(n.author()),
					n.publishedAt() != null ? n.publishedAt() : OffsetDateTime.now(clock), tags.toArray(String[]::new),
					body, (n.status() != null ? n.status() : ArticleStatus.DRAFT).name(),
					(n.visibility() != null ? n.visibility() : Visibility.PUBLIC).name())
			.query(Long.class)
			.single();
		kept.changed(allianceId);
		Article a = raw(id);
		events.publishEvent(new ArticleSaved(id, allianceId, a.title(), a.status(), a.visibility(), true, false));
		return a;
	}

	/** Changes an article; the caller has checked {@code @access.canManage('article', #id)}. */
	@Transactional
	public Article update(long id, ArticlePatch p) {
		Article current = raw(id);
		if (p.version() != null && p.version() != current.version()) {
			throw Conflict.staleVersion("article " + id);
		}
		String title = p.title() != null ? p.title().strip() : current.title();
		if (title.isEmpty()) {
			throw Invalid.field("title", "must not be blank");
		}
		int n = jdbc.sql("""
				update article set title = ?, category = ?, source = ?, author = ?, published_at = ?, tags = ?, body = ?,
				  status = ?, visibility = ?, version = version + 1, updated_at = now()
				where id = ? and version = ?""")
			.params(title, (p.category() != null ? p.category() : current.category()).name(),
					p.source() != null ? blank(p.source()) : current.source(),
					p.author() != null ? blank(p.author()) : current.author(),
					p.publishedAt() != null ? p.publishedAt() : current.publishedAt(),
					(p.tags() != null ? tags(p.tags()) : current.tags()).toArray(String[]::new),
					p.body() != null ? Html.sanitize(p.body()) : current.body(),
					(p.status() != null ? p.status() : current.status()).name(),
					(p.visibility() != null ? p.visibility() : current.visibility()).name(), id, current.version())
			.update();
		if (n == 0) {
			throw Conflict.staleVersion("article " + id);
		}
		kept.changed(current.allianceId());
		Article a = raw(id);
		events.publishEvent(new ArticleSaved(id, a.allianceId(), a.title(), a.status(), a.visibility(), false,
				current.status() == ArticleStatus.PUBLISHED && current.visibility() == Visibility.PUBLIC));
		return a;
	}

	/** Deletes an article; the caller has checked {@code @access.canManage('article', #id)}. */
	@Transactional
	public void delete(long id) {
		Article a = raw(id);
		jdbc.sql("delete from article where id = ?").param(id).update();
		kept.changed(a.allianceId());
		events.publishEvent(new ArticleDeleted(id, a.allianceId(), a.title()));
	}

	/** The alliance an article belongs to, for access checks; not found for unknown articles. */
	public long allianceOf(long articleId) {
		return jdbc.sql("select alliance_id from article where id = ?")
			.param(articleId)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new NotFound("article " + articleId));
	}

	/** Articles in id order after {@code afterId}, regardless of viewer: for rebuilding indexes in batches. */
	public List<Article> rawAfter(long afterId, int limit) {
		List<Article> rows = jdbc.sql("select a.*" + FROM + " where a.id > ? order by a.id limit ?")
			.params(afterId, limit)
			.query(Articles::article)
			.list();
		Map<Long, String> slugs = alliances.slugs(rows.stream().map(Article::allianceId).toList());
		return rows.stream().map(a -> a.in(slugs.get(a.allianceId()))).toList();
	}

	/**
	 * The articles of these ids that exist, regardless of viewer, in one statement (unknown ids are left out): for
	 * the search index, which reads the articles of a batch of changes together.
	 */
	public List<Article> rawByIds(java.util.Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		List<Article> rows = jdbc.sql("select a.*" + FROM + " where a.id = any(?)")
			.param(ids.toArray(Long[]::new))
			.query(Articles::article)
			.list();
		Map<Long, String> slugs = alliances.slugs(rows.stream().map(Article::allianceId).toList());
		return rows.stream().map(a -> a.in(slugs.get(a.allianceId()))).toList();
	}

	public long count() {
		return jdbc.sql("select count(*) from article").query(Long.class).single();
	}

	/** Every article, regardless of viewer: for the secretariat's editor and for rebuilding indexes. */
	public Article raw(long id) {
		Article a = jdbc.sql("select a.*" + FROM + " where a.id = ?")
			.param(id)
			.query(Articles::article)
			.optional()
			.orElseThrow(() -> new NotFound("article " + id));
		return a.in(alliances.get(a.allianceId()).slug());
	}

	/**
	 * An article as its readers see it: its row kept in memory (outside transactions) until its alliance's articles
	 * change. Only for what is shown to a reader; what writes or indexes reads {@link #raw}, the database as it is now.
	 */
	private Article kept(long id) {
		Article a = row(id);
		if (a == null) {
			throw new NotFound("article " + id);
		}
		return a.in(alliances.get(a.allianceId()).slug());
	}

	/** An article's row, its alliance not yet named; kept in memory outside transactions. */
	private @Nullable Article row(long id) {
		return kept.get(new RowKey(id), () -> jdbc.sql("select a.*" + FROM + " where a.id = ?")
			.param(id)
			.query(Articles::article)
			.optional()
			.orElse(null), Article::allianceId);
	}

	/** Who reads an article ({@link #owner}), for the one access rule; empty for an unknown article. */
	public java.util.Optional<Owner> ownerOf(long id) {
		Article a = row(id);
		return a == null ? java.util.Optional.empty() : java.util.Optional.of(owner(a.allianceId(), a.status(), a.visibility()));
	}

	public Alliance allianceOf(Article a) {
		return alliances.get(a.allianceId());
	}

	private static List<String> tags(@Nullable List<String> tags) {
		if (tags == null) {
			return List.of();
		}
		return List.copyOf(new LinkedHashSet<>(tags.stream().map(String::strip).filter(t -> !t.isEmpty()).toList()));
	}

	private static @Nullable String blank(@Nullable String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	private static @Nullable String name(@Nullable Enum<?> e) {
		return e == null ? null : e.name();
	}

	private static Object[] concat(Object[] a, Object... b) {
		Object[] r = Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, r, a.length, b.length);
		return r;
	}

	/** A summary read before its alliance's URL name is known. */
	private record Unnamed(long allianceId, ArticleSummary summary) {
	}

	/** Names the alliance of each summary: one call for the page, whatever the number of alliances in it. */
	private List<ArticleSummary> named(List<Unnamed> rows) {
		Map<Long, String> slugs = alliances.slugs(rows.stream().map(Unnamed::allianceId).toList());
		return rows.stream().map(r -> r.summary().in(slugs.get(r.allianceId()))).toList();
	}

	/** One row of {@link #detail}'s statement: 0 the previous article, 1 the next, 2 a related one. */
	private record Part(int part, ArticleSummary summary) {
	}

	static Unnamed summary(ResultSet rs, int row) throws SQLException {
		return new Unnamed(rs.getLong("alliance_id"), new ArticleSummary(rs.getLong("id"), "", rs.getString("title"),
				Category.valueOf(rs.getString("category")), rs.getString("source"),
				rs.getObject("published_at", OffsetDateTime.class), ArticleStatus.valueOf(rs.getString("status")),
				Visibility.valueOf(rs.getString("visibility"))));
	}

	static Article article(ResultSet rs, int row) throws SQLException {
		Array tags = rs.getArray("tags");
		return new Article(rs.getLong("id"), rs.getLong("alliance_id"), "", rs.getString("title"),
				Category.valueOf(rs.getString("category")), rs.getString("source"), rs.getString("author"),
				rs.getObject("published_at", OffsetDateTime.class),
				tags == null ? List.of() : List.of((String[]) tags.getArray()), rs.getString("body"),
				ArticleStatus.valueOf(rs.getString("status")), Visibility.valueOf(rs.getString("visibility")),
				rs.getLong("version"), rs.getObject("created_at", OffsetDateTime.class),
				rs.getObject("updated_at", OffsetDateTime.class));
	}
}
