package org.alliancehub.governance;

import org.alliancehub.governance.internal.MeetingRules;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.alliancehub.content.Visibility;
import org.alliancehub.governance.MinutesEvents.MinutesApproved;
import org.alliancehub.governance.MinutesEvents.MinutesPublished;
import org.alliancehub.governance.MinutesEvents.MinutesWithdrawn;
import org.alliancehub.identity.Access;
import org.alliancehub.network.Alliances;
import org.alliancehub.shared.Conflict;
import org.alliancehub.shared.Html;
import org.alliancehub.shared.Invalid;
import org.alliancehub.shared.NotFound;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The minutes of a meeting (会议纪要). The secretariat writes them; approving is a step of its own that
 * records who approved and when, and an approved text changes only after going back to draft; published
 * minutes, with the meeting's resolution, appear on the alliance's site and in search, to everyone or to
 * the alliance's members only. To anyone who may not read them they do not exist.
 */
@Service
public class Minutes {

	private static final String PUBLISHED_COLUMNS = """
			m.meeting_id, g.alliance_id, g.title, g.starts_at, m.published_at, m.visibility, m.body, r.text
			from minutes m join meeting g on g.id = m.meeting_id left join resolution r on r.meeting_id = m.meeting_id
			""";

	private final JdbcClient jdbc;

	private final MeetingRules rules;

	private final Alliances alliances;

	private final Access access;

	private final ApplicationEventPublisher events;

	private final Resolutions resolutions;

	Minutes(JdbcClient jdbc, MeetingRules rules, Alliances alliances, Access access, ApplicationEventPublisher events,
			Resolutions resolutions) {
		this.resolutions = resolutions;
		this.jdbc = jdbc;
		this.rules = rules;
		this.alliances = alliances;
		this.access = access;
		this.events = events;
	}

	/** A meeting of an alliance as the back office lists it, with where its minutes stand (null: none yet). */
	public record MeetingLine(long id, String title, OffsetDateTime startsAt, @Nullable MinutesStatus minutes) {
	}

	/** The meetings of an alliance, newest first: for its secretariat. */
	public List<MeetingLine> register(long allianceId) {
		return jdbc.sql("""
				select g.id, g.title, g.starts_at, m.status from meeting g left join minutes m on m.meeting_id = g.id
				where g.alliance_id = ? order by g.starts_at desc, g.id desc""")
			.param(allianceId)
			.query((rs, i) -> new MeetingLine(rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class),
					rs.getString(4) == null ? null : MinutesStatus.valueOf(rs.getString(4))))
			.list();
	}

	/**
	 * The minutes of a meeting: in any state for its alliance's secretariat; to anyone else only once
	 * published, and members-only minutes only to those who may read the alliance's members-only content.
	 */
	public MinutesView get(long meetingId) {
		rules.allianceOf(meetingId);
		return find(meetingId).orElseThrow(() -> new NotFound("minutes of meeting " + meetingId));
	}

	/** Whether the meeting has minutes at all (for its secretariat's screens). */
	public Optional<MinutesView> draftOf(long meetingId) {
		return find(meetingId);
	}

	/** Writes the minutes: creates them, or changes a draft whose version the writer saw. */
	@Transactional
	public MinutesView write(long meetingId, MinutesDraft draft) {
		long allianceId = rules.allianceOf(meetingId);
		String body = Html.sanitize(draft.body() == null ? "" : draft.body());
		List<Invalid.FieldError> errors = new ArrayList<>();
		if (Html.text(body).isEmpty() && !body.contains("<img")) {
			errors.add(new Invalid.FieldError("body", "the minutes have no text"));
		}
		if (draft.visibility() == null) {
			errors.add(new Invalid.FieldError("visibility", "PUBLIC or MEMBERS"));
		}
		Optional<MinutesView> current = lock(meetingId);
		if (current.isPresent() && draft.version() == null) {
			errors.add(new Invalid.FieldError("version", "required to change minutes that exist"));
		}
		if (!errors.isEmpty()) {
			throw new Invalid(errors);
		}
		Visibility visibility = java.util.Objects.requireNonNull(draft.visibility());
		if (current.isEmpty()) {
			if (draft.version() != null && draft.version() != 0) {
				throw new Conflict("the minutes have been deleted or never existed; version " + draft.version() + " is stale");
			}
			try {
				jdbc.sql("insert into minutes (meeting_id, body, visibility, written_by) values (?, ?, ?, ?)")
					.params(meetingId, body, visibility.name(), access.requireUser().displayName())
					.update();
			}
			catch (org.springframework.dao.DuplicateKeyException e) {
				throw new Conflict("the minutes were written meanwhile; read them again");
			}
			return find(meetingId).orElseThrow();
		}
		MinutesView m = current.get();
		if (m.status() != MinutesStatus.DRAFT) {
			throw new Conflict("the minutes are " + m.status() + "; take them back to draft to change them");
		}
		requireVersion(m, draft.version());
		jdbc.sql("""
				update minutes set body = ?, visibility = ?, written_by = ?, version = version + 1, updated_at = now()
				where meeting_id = ?""")
			.params(body, visibility.name(), access.requireUser().displayName(), meetingId)
			.update();
		return find(meetingId).orElseThrow();
	}

	/** Approves draft minutes, recording who approved them and when. */
	@Transactional
	public MinutesView approve(long meetingId, @Nullable Long version) {
		MinutesView m = step(meetingId, version, MinutesStatus.DRAFT, "only draft minutes can be approved");
		String by = access.requireUser().displayName();
		jdbc.sql("""
				update minutes set status = 'APPROVED', approved_by = ?, approved_at = now(), version = version + 1,
				updated_at = now() where meeting_id = ?""")
			.params(by, meetingId)
			.update();
		events.publishEvent(new MinutesApproved(meetingId, rules.allianceOf(meetingId), m.meetingTitle(), by));
		return find(meetingId).orElseThrow();
	}

	/** Publishes approved minutes, with the resolution, on the alliance's site. */
	@Transactional
	public MinutesView publish(long meetingId, @Nullable Long version) {
		MinutesView m = step(meetingId, version, MinutesStatus.APPROVED, "only approved minutes can be published");
		resolutions.keep(meetingId);
		jdbc.sql("update minutes set status = 'PUBLISHED', published_at = now(), version = version + 1, updated_at = now() where meeting_id = ?")
			.param(meetingId)
			.update();
		events.publishEvent(new MinutesPublished(meetingId, rules.allianceOf(meetingId), m.meetingTitle(),
				m.visibility()));
		return find(meetingId).orElseThrow();
	}

	/**
	 * Takes approved or published minutes back to draft, so that they can be changed; the approval is
	 * cleared, and published minutes leave the site and the index.
	 */
	@Transactional
	public MinutesView reopen(long meetingId, @Nullable Long version) {
		long allianceId = rules.allianceOf(meetingId);
		MinutesView m = lock(meetingId).orElseThrow(() -> new NotFound("minutes of meeting " + meetingId));
		if (m.status() == MinutesStatus.DRAFT) {
			throw new Conflict("the minutes are a draft already");
		}
		requireVersion(m, version);
		jdbc.sql("""
				update minutes set status = 'DRAFT', approved_by = null, approved_at = null, published_at = null,
				version = version + 1, updated_at = now() where meeting_id = ?""")
			.param(meetingId)
			.update();
		if (m.status() == MinutesStatus.PUBLISHED) {
			events.publishEvent(new MinutesWithdrawn(meetingId, allianceId, m.meetingTitle()));
		}
		return find(meetingId).orElseThrow();
	}

	/** The published minutes of an alliance that the viewer may read, newest meeting first. */
	public List<PublishedMinutes> published(long allianceId) {
		boolean members = access.canReadMembersOnly(allianceId);
		return jdbc.sql("select " + PUBLISHED_COLUMNS
				+ " where g.alliance_id = ? and m.status = 'PUBLISHED' and (m.visibility = 'PUBLIC' or ?) order by g.starts_at desc, g.id desc")
			.params(allianceId, members)
			.query((rs, i) -> published(rs))
			.list();
	}

	/** Published minutes the viewer may read; otherwise they do not exist. */
	public PublishedMinutes published(long allianceId, long meetingId) {
		return forIndex(meetingId)
			.filter(p -> p.allianceId() == allianceId)
			.filter(p -> p.visibility() == Visibility.PUBLIC || access.canReadMembersOnly(allianceId))
			.orElseThrow(() -> new NotFound("minutes of meeting " + meetingId));
	}

	/** Published minutes whoever asks, for the search index, which filters by visibility itself. */
	public Optional<PublishedMinutes> forIndex(long meetingId) {
		return jdbc.sql("select " + PUBLISHED_COLUMNS + " where m.meeting_id = ? and m.status = 'PUBLISHED'")
			.param(meetingId)
			.query((rs, i) -> published(rs))
			.optional();
	}

	/** Published minutes in meeting order after {@code after}, for rebuilding the search index. */
	public List<PublishedMinutes> publishedAfter(long after, int limit) {
		return jdbc.sql("select " + PUBLISHED_COLUMNS
				+ " where m.status = 'PUBLISHED' and m.meeting_id > ? order by m.meeting_id limit ?")
			.params(after, limit)
			.query((rs, i) -> published(rs))
			.list();
	}

	public long countPublished() {
		return jdbc.sql("select count(*) from minutes where status = 'PUBLISHED'").query(Long.class).single();
	}

	private PublishedMinutes published(java.sql.ResultSet rs) throws java.sql.SQLException {
		long allianceId = rs.getLong(2);
		return new PublishedMinutes(rs.getLong(1), allianceId, alliances.get(allianceId).slug(), rs.getString(3),
				rs.getObject(4, OffsetDateTime.class), rs.getObject(5, OffsetDateTime.class),
				Visibility.valueOf(rs.getString(6)), rs.getString(7), rs.getString(8));
	}

	private MinutesView step(long meetingId, @Nullable Long version, MinutesStatus from, String refusal) {
		MinutesView m = lock(meetingId).orElseThrow(() -> new NotFound("minutes of meeting " + meetingId));
		if (m.status() != from) {
			throw new Conflict(refusal + "; these are " + m.status());
		}
		requireVersion(m, version);
		return m;
	}

	private static void requireVersion(MinutesView m, @Nullable Long version) {
		if (version != null && version != m.version()) {
			throw new Conflict("the minutes were changed meanwhile (version " + m.version() + ", not " + version + ")");
		}
	}

	private Optional<MinutesView> lock(long meetingId) {
		jdbc.sql("select meeting_id from minutes where meeting_id = ? for update").param(meetingId).query(Long.class).optional();
		return find(meetingId);
	}

	private Optional<MinutesView> find(long meetingId) {
		return jdbc.sql("""
				select m.meeting_id, g.alliance_id, g.title, m.body, m.status, m.visibility, m.written_by, m.approved_by,
				m.approved_at, m.published_at, m.version, m.updated_at
				from minutes m join meeting g on g.id = m.meeting_id where m.meeting_id = ?""")
			.param(meetingId)
			.query((rs, i) -> new MinutesView(rs.getLong(1), alliances.get(rs.getLong(2)).slug(), rs.getString(3),
					rs.getString(4), MinutesStatus.valueOf(rs.getString(5)), Visibility.valueOf(rs.getString(6)),
					rs.getString(7), rs.getString(8), rs.getObject(9, OffsetDateTime.class),
					rs.getObject(10, OffsetDateTime.class), rs.getLong(11), rs.getObject(12, OffsetDateTime.class)))
			.optional();
	}
}
