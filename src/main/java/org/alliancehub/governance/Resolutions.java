package org.alliancehub.governance;

import org.alliancehub.governance.internal.Motions;
import org.alliancehub.governance.internal.MeetingRules;
import org.alliancehub.governance.internal.Ballots;
import org.alliancehub.governance.internal.MotionResult;
import org.alliancehub.governance.internal.MotionView;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.alliancehub.content.Visibility;
import org.alliancehub.governance.GovernanceTypes.MotionStatus;
import org.alliancehub.identity.Access;
import org.alliancehub.network.Alliances;
import org.alliancehub.shared.Conflict;
import org.alliancehub.shared.Invalid;
import org.alliancehub.shared.NotFound;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The resolution of a meeting (决议): drafted from its closed motions as alliance documents write them
 * (会议审议通过了《…》, with the tally; rejected motions and votes without quorum named as such), in
 * Simplified Chinese whatever the reader's language, since it is the alliance's document. The secretariat
 * edits the draft until the minutes are published; from then on it is part of the published record.
 */
@Service
public class Resolutions {

	static final int MAX_LENGTH = 50_000;

	private static final Locale DOCUMENT = Locale.SIMPLIFIED_CHINESE;

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private final JdbcClient jdbc;

	private final Meetings meetings;

	private final Motions motions;

	private final MeetingRules rules;

	private final Ballots ballots;

	private final Alliances alliances;

	private final Access access;

	private final MessageSource messages;

	Resolutions(JdbcClient jdbc, Meetings meetings, Ballots ballots, Alliances alliances, Access access,
			MessageSource messages, MeetingRules rules, Motions motions) {
		this.motions = motions;
		this.rules = rules;
		this.jdbc = jdbc;
		this.meetings = meetings;
		this.ballots = ballots;
		this.alliances = alliances;
		this.access = access;
		this.messages = messages;
	}

	/**
	 * The resolution: for the secretariat the saved text or a fresh draft; for anyone else only the saved
	 * text of a meeting whose minutes they may read.
	 */
	public ResolutionView get(long meetingId) {
		long allianceId = rules.allianceOf(meetingId);
		Stored stored = stored(meetingId);
		MinutesStatus status = minutesStatus(meetingId);
		// whoever else reads (the published minutes' audience, checked before) reads only a saved text
		if (!access.canManage(allianceId) && (stored == null || status != MinutesStatus.PUBLISHED)) {
			throw new NotFound("resolution of meeting " + meetingId);
		}
		boolean editable = status != MinutesStatus.PUBLISHED;
		return stored != null ? new ResolutionView(meetingId, stored.text(), true, editable, stored.version())
				: new ResolutionView(meetingId, draft(meetingId), false, editable, 0);
	}

	/** Saves the secretariat's text of the resolution: the first time with version 0, then the version it saw. */
	@Transactional
	public ResolutionView edit(long meetingId, String text, @Nullable Long version) {
		rules.allianceOf(meetingId);
		List<Invalid.FieldError> errors = new ArrayList<>();
		String clean = text == null ? "" : text.strip().replace("\r\n", "\n");
		if (clean.isEmpty()) {
			errors.add(new Invalid.FieldError("text", "the resolution has no text"));
		}
		if (clean.length() > MAX_LENGTH) {
			errors.add(new Invalid.FieldError("text", "at most " + MAX_LENGTH + " characters"));
		}
		if (version == null) {
			errors.add(new Invalid.FieldError("version", "required: 0 for the first text, then the version read"));
		}
		if (!errors.isEmpty()) {
			throw new Invalid(errors);
		}
		save(meetingId, clean, version);
		return get(meetingId);
	}

	/** Replaces the text with a fresh draft from the motions as they stand now. */
	@Transactional
	public ResolutionView redraft(long meetingId, @Nullable Long version) {
		rules.allianceOf(meetingId);
		Stored stored = stored(meetingId);
		save(meetingId, draft(meetingId), version != null ? version : stored == null ? 0 : stored.version());
		return get(meetingId);
	}

	private void save(long meetingId, String text, long version) {
		lockMinutes(meetingId);
		if (minutesStatus(meetingId) == MinutesStatus.PUBLISHED) {
			throw new Conflict("the minutes are published; take them back to draft to change the resolution");
		}
		Stored stored = stored(meetingId);
		if (stored == null) {
			if (version != 0) {
				throw new Conflict("no resolution has been saved yet; save the first text with version 0");
			}
			try {
				jdbc.sql("insert into resolution (meeting_id, text, version) values (?, ?, 1)").params(meetingId, text).update();
			}
			catch (DuplicateKeyException e) {
				throw new Conflict("the resolution was saved meanwhile; read it again");
			}
			return;
		}
		if (jdbc.sql("update resolution set text = ?, version = version + 1, updated_at = now() where meeting_id = ? and version = ?")
			.params(text, meetingId, version)
			.update() == 0) {
			throw new Conflict("the resolution was changed meanwhile (version " + stored.version() + ", not " + version + ")");
		}
	}

	/** Keeps the draft as the saved text when none was saved: published minutes always carry their resolution. */
	void keep(long meetingId) {
		if (stored(meetingId) == null) {
			jdbc.sql("insert into resolution (meeting_id, text, version) values (?, ?, 1) on conflict do nothing")
				.params(meetingId, draft(meetingId))
				.update();
		}
	}

	/** The resolution as the closed motions make it: one numbered paragraph for each. */
	String draft(long meetingId) {
		MeetingView m = meetings.get(meetingId);
		String alliance = alliances.get(m.alliance()).name();
		List<String> lines = new ArrayList<>();
		lines.add(text("resolution.heading", m.title()));
		lines.add(text("resolution.opening", m.startsAt().atZoneSameInstant(CHINA).format(DATE), alliance, m.title(),
				text("enum.MeetingMode." + m.mode().name()), m.eligible(), m.present()));
		int n = 0;
		for (MotionView motion : motions.motions(meetingId)) {
			if (motion.status() != MotionStatus.CLOSED || motion.outcome() == null) {
				continue;
			}
			MotionResult r = ballots.result(motion.id());
			String number = Meetings.chinese(++n);
			String title = motion.title().replace("《", "").replace("》", "");
			lines.add(switch (motion.outcome()) {
				case ADOPTED -> text("resolution.adopted", number, title, r.yes(), r.no(), r.abstain());
				case REJECTED -> text("resolution.rejected", number, title, r.yes(), r.no(), r.abstain());
				case NO_QUORUM -> text("resolution.noQuorum", number, title, r.present(), r.eligible());
			});
		}
		if (n == 0) {
			lines.add(text("resolution.none"));
		}
		lines.add(text("resolution.closing"));
		lines.add(alliance);
		lines.add(m.startsAt().atZoneSameInstant(CHINA).format(DATE));
		return String.join("\n", lines);
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, DOCUMENT);
	}

	private record Stored(String text, long version) {
	}

	private @Nullable Stored stored(long meetingId) {
		return jdbc.sql("select text, version from resolution where meeting_id = ?")
			.param(meetingId)
			.query((rs, i) -> new Stored(rs.getString(1), rs.getLong(2)))
			.optional()
			.orElse(null);
	}

	private void lockMinutes(long meetingId) {
		jdbc.sql("select meeting_id from minutes where meeting_id = ? for update").param(meetingId).query(Long.class).optional();
	}

	private @Nullable MinutesStatus minutesStatus(long meetingId) {
		return jdbc.sql("select status from minutes where meeting_id = ?")
			.param(meetingId)
			.query(String.class)
			.optional()
			.map(MinutesStatus::valueOf)
			.orElse(null);
	}

	private Visibility minutesVisibility(long meetingId) {
		return jdbc.sql("select visibility from minutes where meeting_id = ?")
			.param(meetingId)
			.query(String.class)
			.optional()
			.map(Visibility::valueOf)
			.orElse(Visibility.MEMBERS);
	}
}
