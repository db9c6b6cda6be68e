package org.alliancehub.governance;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.alliancehub.governance.GovernanceEvents.MotionClosed;
import org.alliancehub.governance.GovernanceEvents.MotionOpened;
import org.alliancehub.governance.GovernanceTypes.Ballot;
import org.alliancehub.governance.GovernanceTypes.Choice;
import org.alliancehub.governance.GovernanceTypes.MotionOutcome;
import org.alliancehub.governance.GovernanceTypes.MotionStatus;
import org.alliancehub.identity.Access;
import org.alliancehub.shared.Conflict;
import org.alliancehub.shared.Hashes;
import org.alliancehub.shared.NotFound;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Votes on motions. A vote belongs to an organisation, not a person: its representative casts it, once,
 * while the motion is open, if the organisation votes at the meeting and is present. Each vote answers a
 * receipt and is appended to the motion's hash-chained ballot log, from which anyone can recompute the
 * totals; a secret ballot's log carries no organisation.
 */
@Service
public class Ballots {

	static final String GENESIS = "0".repeat(64);

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final Meetings meetings;

	private final Access access;

	private final ApplicationEventPublisher events;

	private final Voters voters;

	Ballots(JdbcClient jdbc, Meetings meetings, Access access, ApplicationEventPublisher events, Voters voters) {
		this.voters = voters;
		this.jdbc = jdbc;
		this.meetings = meetings;
		this.access = access;
		this.events = events;
	}

	public record Receipt(long motionId, String receipt, OffsetDateTime castAt) {
	}

	public record LogEntry(int seq, String payload, String prevHash, String entryHash) {
	}

	/** What the verification of a ballot log found: whether the chain holds, and the totals it gives. */
	public record Verification(boolean valid, int entries, int yes, int no, int abstain,
			@Nullable Integer firstBrokenEntry, boolean matchesResult) {
	}

	@Transactional
	public MotionView open(long motionId) {
		MotionView m = meetings.motion(motionId);
		long allianceId = meetings.allianceOfMotion(motionId);
		meetings.requireManage(allianceId);
		if (jdbc.sql("update motion set status = 'OPEN', opened_at = now() where id = ? and status = 'DRAFT'")
			.param(motionId)
			.update() == 0) {
			throw new Conflict("only a draft motion can be opened; this one is " + m.status());
		}
		events.publishEvent(new MotionOpened(motionId, allianceId, m.title()));
		return meetings.motion(motionId);
	}

	@Transactional
	public MotionResult close(long motionId) {
		MotionView m = lock(motionId);
		meetings.requireManage(meetings.allianceOfMotion(motionId));
		if (m.status() != MotionStatus.OPEN) {
			throw new Conflict("only an open motion can be closed; this one is " + m.status());
		}
		return conclude(m);
	}

	/** Closes a correspondence vote whose deadline has passed; false when it was closed meanwhile. */
	@Transactional
	boolean closeOverdue(long motionId) {
		MotionView m = lock(motionId);
		if (m.status() != MotionStatus.OPEN || !Voters.overdue(m, OffsetDateTime.now())) {
			return false;
		}
		conclude(m);
		return true;
	}

	private MotionResult conclude(MotionView m) {
		long motionId = m.id();
		long allianceId = meetings.allianceOfMotion(motionId);
		Tally tally = tally(motionId, m.meetingId());
		MotionOutcome outcome = tally.outcome(m.majority(), m.quorum());
		jdbc.sql("update motion set status = 'CLOSED', outcome = ?, eligible = ?, present = ?, closed_at = now() where id = ?")
			.params(outcome.name(), tally.eligible(), tally.present(), motionId)
			.update();
		meetings.carryOut(motionId, outcome);
		events.publishEvent(new MotionClosed(motionId, allianceId, m.title(), outcome, tally.yes(), tally.no(),
				tally.abstain()));
		return result(motionId);
	}

	/**
	 * Casts the vote of the organisation the signed-in representative acts for, or, naming
	 * {@code organizationId}, of an organisation whose written proxy its organisation holds. Who acts for
	 * an organisation is read as it is now, so a representative replaced meanwhile no longer votes for it.
	 * The checks and the vote row need no lock (the vote's primary key refuses a second vote of the
	 * organisation, however concurrent); only the append to the motion's hash chain is serialised, under the
	 * motion's row lock, which {@link #close} takes too: a vote is appended while the motion is open, or not at all.
	 */
	@Transactional
	public Receipt cast(long motionId, Choice choice, @Nullable Long organizationId) {
		MotionView m = meetings.motion(motionId);
		access.requireUser();
		Voters.Seat seat = voters.seatFor(m, access.organizationsActedForNow(), organizationId);
		if (m.status() != MotionStatus.OPEN) {
			throw new Conflict(m.status() == MotionStatus.DRAFT ? "the vote has not been opened" : "the vote is closed");
		}
		if (Voters.overdue(m, OffsetDateTime.now())) {
			throw new Conflict("the deadline of this correspondence vote has passed");
		}
		if (jdbc.sql("select exists(select 1 from vote where motion_id = ? and organization_id = ?)")
			.params(motionId, seat.organizationId())
			.query(Boolean.class)
			.single()) {
			throw new Conflict("organisation " + seat.organizationId() + " has voted on this motion already");
		}
		byte[] bytes = new byte[20];
		random.nextBytes(bytes);
		String receipt = HexFormat.of().formatHex(bytes);
		String receiptHash = sha256(receipt);
		OffsetDateTime at;
		try {
			at = jdbc.sql("insert into vote (motion_id, organization_id, choice, receipt_hash, proxy_holder_id) values (?, ?, ?, ?, ?) returning cast_at")
				.params(motionId, seat.organizationId(), choice.name(), receiptHash, seat.proxyHolderId())
				.query(OffsetDateTime.class)
				.single();
		}
		catch (DuplicateKeyException e) {
			// the same organisation's vote sent at the same time: the first to commit counts
			throw new Conflict("organisation " + seat.organizationId() + " has voted on this motion already");
		}
		// From here to the commit the motion is locked: the chain grows one entry at a time, without gaps.
		if (lockedStatus(motionId) != MotionStatus.OPEN || Voters.overdue(m, OffsetDateTime.now())) {
			throw new Conflict("the vote is closed");
		}
		String payload = (m.ballot() == Ballot.OPEN ? seat.organizationId() + " " : "") + choice.name() + " " + receiptHash;
		record Last(int seq, String hash) {
		}
		Last last = jdbc.sql("select seq, entry_hash from ballot_log where motion_id = ? order by seq desc limit 1")
			.param(motionId)
			.query((rs, i) -> new Last(rs.getInt(1), rs.getString(2)))
			.optional()
			.orElse(new Last(0, GENESIS));
		jdbc.sql("insert into ballot_log (motion_id, seq, payload, prev_hash, entry_hash) values (?, ?, ?, ?, ?)")
			.params(motionId, last.seq() + 1, payload, last.hash(), chain(last.hash(), payload))
			.update();
		return new Receipt(motionId, receipt, at);
	}

	public MotionResult result(long motionId) {
		MotionView m = meetings.motion(motionId);
		Tally tally = tally(motionId, m.meetingId());
		List<MotionResult.CastVote> votes = m.ballot() == Ballot.OPEN
				? jdbc.sql("select organization_id, choice from vote where motion_id = ? order by organization_id")
					.param(motionId)
					.query((rs, i) -> new MotionResult.CastVote(rs.getLong(1), Choice.valueOf(rs.getString(2))))
					.list()
				: null;
		int eligible = tally.eligible();
		int present = tally.present();
		if (m.status() == MotionStatus.CLOSED) {
			// Attendance may change after the vote; the result keeps what it was when the vote closed.
			record Frozen(int eligible, int present) {
			}
			Frozen f = jdbc.sql("select eligible, present from motion where id = ?")
				.param(motionId)
				.query((rs, i) -> new Frozen(rs.getInt(1), rs.getInt(2)))
				.single();
			eligible = f.eligible();
			present = f.present();
		}
		return new MotionResult(m.status(), m.outcome(), tally.yes(), tally.no(), tally.abstain(), eligible, present,
				tally.yes() + tally.no() + tally.abstain(), votes);
	}

	/** Whether a receipt was counted in a motion. */
	public boolean counted(long motionId, String receipt) {
		meetings.motion(motionId);
		return jdbc.sql("select exists(select 1 from vote where motion_id = ? and receipt_hash = ?)")
			.params(motionId, sha256(receipt.strip().toLowerCase()))
			.query(Boolean.class)
			.single();
	}

	public List<LogEntry> log(long motionId) {
		meetings.motion(motionId);
		return jdbc.sql("select seq, payload, prev_hash, entry_hash from ballot_log where motion_id = ? order by seq")
			.param(motionId)
			.query((rs, i) -> new LogEntry(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.list();
	}

	/** Recomputes the chain and the totals from the log alone, and compares them with the counted votes. */
	public Verification verify(long motionId) {
		List<LogEntry> entries = log(motionId);
		Map<Choice, Integer> counts = new EnumMap<>(Choice.class);
		String prev = GENESIS;
		Integer broken = null;
		for (LogEntry e : entries) {
			if (broken == null && (!e.prevHash().equals(prev) || !chain(prev, e.payload()).equals(e.entryHash()))) {
				broken = e.seq();
			}
			prev = e.entryHash();
			String[] parts = e.payload().split(" ");
			try {
				counts.merge(Choice.valueOf(parts[parts.length - 2]), 1, Integer::sum);
			}
			catch (RuntimeException ex) {
				if (broken == null) {
					broken = e.seq();
				}
			}
		}
		MotionResult result = result(motionId);
		int yes = counts.getOrDefault(Choice.YES, 0);
		int no = counts.getOrDefault(Choice.NO, 0);
		int abstain = counts.getOrDefault(Choice.ABSTAIN, 0);
		boolean matches = yes == result.yes() && no == result.no() && abstain == result.abstain();
		return new Verification(broken == null && matches, entries.size(), yes, no, abstain, broken, matches);
	}

	private MotionView lock(long motionId) {
		lockedStatus(motionId);
		return meetings.motion(motionId);
	}

	/**
	 * Locks the motion's row until the transaction ends, and answers its status. {@code for no key update},
	 * not {@code for update}: a vote row's foreign key holds a key-share lock on the motion, which
	 * {@code for update} would have to wait for.
	 */
	private MotionStatus lockedStatus(long motionId) {
		return jdbc.sql("select status from motion where id = ? for no key update")
			.param(motionId)
			.query((rs, i) -> MotionStatus.valueOf(rs.getString(1)))
			.optional()
			.orElseThrow(() -> new NotFound("motion " + motionId));
	}

	private Tally tally(long motionId, @Nullable Long meetingId) {
		Map<Choice, Integer> counts = new EnumMap<>(Choice.class);
		jdbc.sql("select choice, count(*) from vote where motion_id = ? group by choice")
			.param(motionId)
			.query(rs -> {
				counts.put(Choice.valueOf(rs.getString(1)), rs.getInt(2));
			});
		int[] seats = voters.eligibleAndPresent(motionId, meetingId);
		return new Tally(counts.getOrDefault(Choice.YES, 0), counts.getOrDefault(Choice.NO, 0),
				counts.getOrDefault(Choice.ABSTAIN, 0), seats[0], seats[1]);
	}

	static String chain(String prev, String payload) {
		return sha256(prev + "\n" + payload);
	}

	static String sha256(String s) {
		return Hashes.sha256(s);
	}

}
