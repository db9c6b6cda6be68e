package org.alliancehub.content;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.alliancehub.content.ContentEvents.ContentChanged;
import org.alliancehub.shared.Conflict;
import org.alliancehub.shared.Html;
import org.alliancehub.shared.Invalid;
import org.alliancehub.shared.NotFound;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The smaller kinds of alliance content: numbered briefings, friendly links, exhibitions and conferences. */
@Service
public class Bulletins {

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	Bulletins(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	public record NewBriefing(@NotNull @Positive Integer issueNumber, @NotBlank @Size(max = 300) String title,
			@NotNull LocalDate publishedOn, @NotNull @Size(max = 1_000_000) String body) {
	}

	public record NewLink(@NotBlank @Size(max = 100) String name,
			@NotBlank @Size(max = 500) @Pattern(regexp = "https?://\\S+", message = "{validation.url}") String url,
			@Nullable Integer position) {
	}

	public record NewEvent(@NotBlank @Size(max = 300) String title, @NotNull LocalDate startsOn,
			@Nullable LocalDate endsOn, @Size(max = 300) @Nullable String location,
			@Size(max = 20_000) @Nullable String description) {
	}

	/** The articles an issue is compiled from, in order, each with the editor's note; and the issue's own note. */
	public record Compilation(@Size(max = 20_000) @Nullable String editorNote,
			@NotNull @Size(min = 1, max = 100) List<@NotNull @jakarta.validation.Valid Item> items) {

		public record Item(@NotNull @Positive Long articleId, @Size(max = 5_000) @Nullable String note) {
		}
	}

	/**
	 * Compiles an issue from chosen articles of its own alliance, published and public (the issue is public and
	 * mailed to people outside the alliance): the editor's note, then each article's title, note and text in the
	 * order given. The compiled page becomes the issue's body.
	 */
	@Transactional
	public Briefing compile(long briefingId, Compilation c) {
		Briefing b = briefingById(briefingId).orElseThrow(() -> new NotFound("briefing " + briefingId));
		StringBuilder html = new StringBuilder();
		if (c.editorNote() != null && !c.editorNote().isBlank()) {
			html.append("<section class=\"editor-note\"><p>").append(escape(c.editorNote().strip())).append("</p></section>");
		}
		java.util.Set<Long> seen = new java.util.HashSet<>();
		jdbc.sql("delete from briefing_article where briefing_id = ?").param(briefingId).update();
		for (int i = 0; i < c.items().size(); i++) {
			Compilation.Item item = c.items().get(i);
			String field = "items[" + i + "].articleId";
			if (!seen.add(item.articleId())) {
				throw Invalid.field(field, "chosen twice");
			}
			var article = jdbc.sql("select title, body, status, visibility from article where id = ? and alliance_id = ?")
				.params(item.articleId(), b.allianceId())
				.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4) })
				.optional()
				.orElseThrow(() -> Invalid.field(field, "no article of this alliance"));
			if (!"PUBLISHED".equals(article[2]) || !"PUBLIC".equals(article[3])) {
				throw Invalid.field(field, "must be published and public");
			}
			jdbc.sql("insert into briefing_article (briefing_id, article_id, position, note) values (?, ?, ?, ?)")
				.params(briefingId, item.articleId(), i + 1, item.note())
				.update();
			html.append("<article><h2>").append(escape(article[0])).append("</h2>");
			if (item.note() != null && !item.note().isBlank()) {
				html.append("<p class=\"note\"><em>").append(escape(item.note().strip())).append("</em></p>");
			}
			html.append(article[1]).append("</article>");
		}
		jdbc.sql("update briefing set body = ?, editor_note = ?, version = version + 1 where id = ?")
			.params(Html.sanitize(html.toString()), c.editorNote(), briefingId)
			.update();
		events.publishEvent(new ContentChanged("briefing", briefingId, b.allianceId(),
				"compiled briefing no. " + b.issueNumber() + " from " + c.items().size() + " articles"));
		return briefingById(briefingId).orElseThrow();
	}

	/** What an issue was last compiled from: its editor's note and the chosen articles in order (empty if never compiled). */
	public Compilation compilation(long briefingId) {
		String note = jdbc.sql("select editor_note from briefing where id = ?").param(briefingId)
			.query((rs, n) -> java.util.Optional.ofNullable(rs.getString(1))).optional()
			.orElseThrow(() -> new NotFound("briefing " + briefingId)).orElse(null);
		List<Compilation.Item> items = jdbc
			.sql("select article_id, note from briefing_article where briefing_id = ? order by position")
			.param(briefingId)
			.query((rs, n) -> new Compilation.Item(rs.getLong(1), rs.getString(2)))
			.list();
		return new Compilation(note, items);
	}

	private static String escape(String s) {
		return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

	private static final String BRIEFING = "select id, alliance_id, issue_number, title, published_on, body, version from briefing";

	private static final String EVENT = "select id, alliance_id, title, starts_on, ends_on, location, description from event";

	/** How many briefings and events there are in all: for progress of a rebuild. */
	public long count() {
		return jdbc.sql("select (select count(*) from briefing) + (select count(*) from event)").query(Long.class).single();
	}

	public java.util.Optional<Briefing> briefingById(long id) {
		return jdbc.sql(BRIEFING + " where id = ?").param(id).query(Bulletins::briefing).optional();
	}

	/** Briefings in id order after {@code afterId}: for rebuilding indexes in batches. */
	public List<Briefing> briefingsAfter(long afterId, int limit) {
		return jdbc.sql(BRIEFING + " where id > ? order by id limit ?").params(afterId, limit).query(Bulletins::briefing).list();
	}

	public java.util.Optional<Event> eventById(long id) {
		return jdbc.sql(EVENT + " where id = ?").param(id).query(Bulletins::event).optional();
	}

	public List<Event> eventsAfter(long afterId, int limit) {
		return jdbc.sql(EVENT + " where id > ? order by id limit ?").params(afterId, limit).query(Bulletins::event).list();
	}

	private static Briefing briefing(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
		return new Briefing(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4), rs.getObject(5, LocalDate.class),
				rs.getString(6), rs.getLong(7));
	}

	private static Event event(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
		return new Event(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getObject(4, LocalDate.class),
				rs.getObject(5, LocalDate.class), rs.getString(6), rs.getString(7));
	}

	/** Briefings of an alliance, newest issue first. */
	public List<Briefing> briefings(long allianceId, int limit) {
		return jdbc.sql(BRIEFING + " where alliance_id = ? order by issue_number desc limit ?")
			.params(allianceId, limit)
			.query(Bulletins::briefing)
			.list();
	}

	public Briefing briefing(long allianceId, int issueNumber) {
		return jdbc.sql(BRIEFING + " where alliance_id = ? and issue_number = ?")
			.params(allianceId, issueNumber)
			.query(Bulletins::briefing)
			.optional()
			.orElseThrow(() -> new NotFound("briefing " + issueNumber));
	}

	@Transactional
	public Briefing publishBriefing(long allianceId, NewBriefing b) {
		long id;
		try {
			id = jdbc.sql("insert into briefing (alliance_id, issue_number, title, published_on, body) values (?, ?, ?, ?, ?) returning id")
				.params(allianceId, b.issueNumber(), b.title().strip(), b.publishedOn(), Html.sanitize(b.body()))
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException e) {
			throw new Conflict("issue " + b.issueNumber() + " already exists");
		}
		events.publishEvent(new ContentChanged("briefing", id, allianceId, "published briefing no. " + b.issueNumber()));
		return briefing(allianceId, b.issueNumber());
	}

	/** The next free issue number, for the back office's form. */
	public int nextIssueNumber(long allianceId) {
		return jdbc.sql("select coalesce(max(issue_number), 0) + 1 from briefing where alliance_id = ?")
			.param(allianceId)
			.query(Integer.class)
			.single();
	}

	public List<Link> links(long allianceId) {
		return jdbc.sql("select id, alliance_id, name, url, position from link where alliance_id = ? order by position, id")
			.param(allianceId)
			.query((rs, i) -> new Link(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5)))
			.list();
	}

	@Transactional
	public Link addLink(long allianceId, NewLink l) {
		int position = l.position() != null ? l.position()
				: jdbc.sql("select coalesce(max(position), 0) + 1 from link where alliance_id = ?").param(allianceId)
					.query(Integer.class).single();
		long id = jdbc.sql("insert into link (alliance_id, name, url, position) values (?, ?, ?, ?) returning id")
			.params(allianceId, l.name().strip(), l.url().strip(), position)
			.query(Long.class)
			.single();
		events.publishEvent(new ContentChanged("link", id, allianceId, "added link " + l.name()));
		return new Link(id, allianceId, l.name().strip(), l.url().strip(), position);
	}

	public long allianceOfLink(long linkId) {
		return jdbc.sql("select alliance_id from link where id = ?").param(linkId).query(Long.class).optional()
			.orElseThrow(() -> new NotFound("link " + linkId));
	}

	@Transactional
	public void removeLink(long linkId) {
		long allianceId = allianceOfLink(linkId);
		jdbc.sql("delete from link where id = ?").param(linkId).update();
		events.publishEvent(new ContentChanged("link", linkId, allianceId, "removed link " + linkId));
	}

	/** Exhibitions and conferences, latest first. */
	public List<Event> events(long allianceId, int limit) {
		return jdbc.sql(EVENT + " where alliance_id = ? order by starts_on desc, id desc limit ?")
			.params(allianceId, limit)
			.query(Bulletins::event)
			.list();
	}

	@Transactional
	public Event addEvent(long allianceId, NewEvent e) {
		if (e.endsOn() != null && e.endsOn().isBefore(e.startsOn())) {
			throw Invalid.field("endsOn", "must not be before startsOn");
		}
		long id = jdbc.sql("insert into event (alliance_id, title, starts_on, ends_on, location, description) values (?, ?, ?, ?, ?, ?) returning id")
			.params(allianceId, e.title().strip(), e.startsOn(), e.endsOn(), e.location(), e.description())
			.query(Long.class)
			.single();
		events.publishEvent(new ContentChanged("event", id, allianceId, "added event " + e.title()));
		return new Event(id, allianceId, e.title().strip(), e.startsOn(), e.endsOn(), e.location(), e.description());
	}
}
