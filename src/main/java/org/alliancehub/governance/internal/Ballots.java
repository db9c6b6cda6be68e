package org.alliancehub.governance.internal;

import org.alliancehub.governance.GovernanceEvents;

import java.security.SecureRandom;
import java.time.Clock;
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
 * receipt. An open ballot's vote (organisation and choice) is appended to the motion's hash-chained ballot
 * log at once. A secret ballot keeps who voted ({@code secret_voter}: no choice, no receipt, no time) apart
 * from what was chosen ({@code ballot_box}: one row per motion, the ballots sorted by their receipt's hash,
 * no organisation, no time); while it is open only the number of votes cast is told, and its log is
 * written when it closes, over the ballots in receipt-hash order, so that no order joins a ballot to a voter.
 */
@Service
public class Ballots {

	public static final String GENESIS = "0".repeat(64);

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final Motions motions;

	private final Access access;

	private final ApplicationEventPublisher events;

	private final Voters voters;

	private final Clock clock;

	Ballots(JdbcClient jdbc, Motions motions, Access access, ApplicationEventPublisher events, Voters voters,
			Clock clock) {
		this.voters = voters;
		this.clock = clock;
		this.jdbc = jdbc;
		this.motions = motions;
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
		MotionView m = motions.motion(motionId);
		long allianceId = motions.allianceOfMotion(motionId);
		if (jdbc.sql("update motion set status = 'OPEN', opened_at = now() where id = ? and status = 'DRAFT'")
			.param(motionId)
			.update() == 0) {
			throw new Conflict("only a draft motion can be opened; this one is " + m.status());
		}
		events.publishEvent(new MotionOpened(motionId, allianceId, m.title()));
		return motions.motion(motionId);
	}

	@Transactional
	public MotionResult close(long motionId) {
		MotionView m = lock(motionId);
		if (m.status() != MotionStatus.OPEN) {
			throw new Conflict("only an open motion can be closed; this one is " + m.status());
		}
		return conclude(m);
	}

	/** Closes a correspondence vote whose deadline has passed; false when it was closed meanwhile. */
	@Transactional
	boolean closeOverdue(long motionId) {
		MotionView m = lock(motionId);
		if (m.status() != MotionStatus.OPEN || !Voters.overdue(m, OffsetDateTime.now(clock))) {
			return false;
		}
		conclude(m);
		return true;
	}

	private MotionResult conclude(MotionView m) {
		long motionId = m.id();
		long allianceId = motions.allianceOfMotion(motionId);
		Tally tally = tally(motionId, m.meetingId(), m.ballot() == Ballot.SECRET);
		MotionOutcome outcome = tally.outcome(m.majority(), m.quorum());
		jdbc.sql("update motion set status = 'CLOSED', outcome = ?, eligible = ?, present = ?, closed_at = now() where id = ?")
			.params(outcome.name(), tally.eligible(), tally.present(), motionId)
			.update();
		if (m.ballot() == Ballot.SECRET) {
			writeSecretLog(motionId);
		}
		motions.carryOut(motionId, outcome);
		events.publishEvent(new MotionClosed(motionId, allianceId, m.title(), outcome, tally.yes(), tally.no(),
				tally.abstain()));
		return result(motionId);
	}

	/**
	 * Casts the vote of the organisation the signed-in representative acts for, or, naming
	 * {@code organizationId}, of an organisation whose written proxy its organisation holds. Who acts for
	 * an organisation is read as it is now, so a representative replaced meanwhile no longer votes for it.
	 * The checks and the voter's row need no lock (its primary key refuses a second vote of the
	 * organisation, however concurrent); only the write of the ballot (the append to an open ballot's hash
	 * chain, the rewrite of a secret ballot's box) is serialised, under the motion's row lock, which
	 * {@link #close} takes too: a vote is recorded while the motion is open, or not at all. Both rows commit
	 * together, before the answer: a vote answered 201 is never lost.
	 */
	@Transactional
	public Receipt cast(long motionId, Choice choice, @Nullable Long organizationId) {
		MotionView m = motions.motion(motionId);
		access.requireUser();
		Voters.Seat seat = voters.seatFor(m, access.organizationsActedForNow(), organizationId);
		if (m.status() != MotionStatus.OPEN) {
			throw new Conflict(m.status() == MotionStatus.DRAFT ? "the vote has not been opened" : "the vote is closed");
		}
		if (Voters.overdue(m, OffsetDateTime.now(clock))) {
			throw new Conflict("the deadline of this correspondence vote has passed");
		}
		boolean secret = m.ballot() == Ballot.SECRET;
		String voters = secret ? "secret_voter" : "vote";
		if (jdbc.sql("select exists(select 1 from " + voters + " where motion_id = ? and organization_id = ?)")
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
			if (secret) {
				// who voted, and nothing else: no choice, no receipt, no time
				jdbc.sql("insert into secret_voter (motion_id, organization_id, proxy_holder_id) values (?, ?, ?)")
					.params(motionId, seat.organizationId(), seat.proxyHolderId())
					.update();
				at = OffsetDateTime.now(clock);
			}
			else {
				at = jdbc.sql("insert into vote (motion_id, organization_id, choice, receipt_hash, proxy_holder_id) values (?, ?, ?, ?, ?) returning cast_at")
					.params(motionId, seat.organizationId(), choice.name(), receiptHash, seat.proxyHolderId())
					.query(OffsetDateTime.class)
					.single();
			}
		}
		catch (DuplicateKeyException e) {
			// the same organisation's vote sent at the same time: the first to commit counts
			throw new Conflict("organisation " + seat.organizationId() + " has voted on this motion already");
		}
		// From here to the commit the motion is locked: one ballot is written at a time.
		if (lockedStatus(motionId) != MotionStatus.OPEN || Voters.overdue(m, OffsetDateTime.now(clock))) {
			throw new Conflict("the vote is closed");
		}
		if (secret) {
			// The box is rewritten whole, sorted by receipt hash: its content and its row say nothing of the order.
			jdbc.sql("insert into ballot_box (motion_id) values (?) on conflict (motion_id) do nothing").param(motionId).update();
			jdbc.sql("update ballot_box set entries = (select array_agg(e order by e) from unnest(entries || ?::text) e) where motion_id = ?")
				.params(receiptHash + " " + choice.name(), motionId)
				.update();
			return new Receipt(motionId, receipt, at);
		}
		String payload = seat.organizationId() + " " + choice.name() + " " + receiptHash;
		Last last = last(motionId);
		jdbc.sql("insert into ballot_log (motion_id, seq, payload, prev_hash, entry_hash) values (?, ?, ?, ?, ?)")
			.params(motionId, last.seq() + 1, payload, last.hash(), chain(last.hash(), payload))
			.update();
		return new Receipt(motionId, receipt, at);
	}

	private record Last(int seq, String hash) {
	}

	private Last last(long motionId) {
		return jdbc.sql("select seq, entry_hash from ballot_log where motion_id = ? order by seq desc limit 1")
			.param(motionId)
			.query((rs, i) -> new Last(rs.getInt(1), rs.getString(2)))
			.optional()
			.orElse(new Last(0, GENESIS));
	}

	/**
	 * A secret ballot's log, written once at close under the motion's lock: its ballots in receipt-hash order.
	 * The box is written once more in the same transaction, so that its row no longer carries the transaction
	 * id of the last voter's.
	 */
	private void writeSecretLog(long motionId) {
		List<String> ballots = jdbc.sql("select e from ballot_box b, unnest(b.entries) e where b.motion_id = ? order by e")
			.param(motionId)
			.query(String.class)
			.list();
		Last last = last(motionId);
		String prev = last.hash();
		int seq = last.seq();
		jdbc.sql("update ballot_box set entries = entries where motion_id = ?").param(motionId).update();
		for (String ballot : ballots) {
			String[] parts = ballot.split(" ");
			String payload = parts[1] + " " + parts[0];
			String hash = chain(prev, payload);
			jdbc.sql("insert into ballot_log (motion_id, seq, payload, prev_hash, entry_hash) values (?, ?, ?, ?, ?)")
				.params(motionId, ++seq, payload, prev, hash)
				.update();
			prev = hash;
		}
	}

	/** Publishes a closed motion's result to the public or to the alliance's members (again: to another audience). */
	@Transactional
	public void publishResult(long motionId, org.alliancehub.content.Visibility visibility) {
		if (lockedStatus(motionId) != MotionStatus.CLOSED) {
			throw new Conflict("only the result of a closed vote can be published");
		}
		jdbc.sql("update motion set result_visibility = ?, result_published_at = now() where id = ?")
			.params(visibility.name(), motionId)
			.update();
		events.publishEvent(new GovernanceEvents.MotionResultPublished(motionId, motions.allianceOfMotion(motionId),
				visibility.name()));
	}

	/** To whom each of a meeting's closed motions has had its result published, by motion id (none yet: absent). */
	public java.util.Map<Long, ResultPublication> publications(long meetingId) {
		record Row(long motion, ResultPublication publication) {
		}
		return jdbc.sql("""
				select id, result_visibility, result_published_at from motion
				where meeting_id = ? and result_visibility is not null""")
			.param(meetingId)
			.query((rs, i) -> new Row(rs.getLong(1), new ResultPublication(
					org.alliancehub.content.Visibility.valueOf(rs.getString(2)), rs.getObject(3, OffsetDateTime.class))))
			.list()
			.stream()
			.collect(java.util.stream.Collectors.toMap(Row::motion, Row::publication));
	}

	/**
	 * Where a motion stands. An open ballot shows its running tally and who voted what; a secret ballot,
	 * until it closes, only how many votes were cast.
	 */
	public MotionResult result(long motionId) {
		MotionView m = motions.motion(motionId);
		boolean secret = m.ballot() == Ballot.SECRET;
		Tally tally = tally(motionId, m.meetingId(), secret);
		List<MotionResult.CastVote> votes = !secret
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
		if (secret && m.status() != MotionStatus.CLOSED) {
			int cast = jdbc.sql("select count(*) from secret_voter where motion_id = ?").param(motionId).query(Integer.class).single();
			return new MotionResult(m.status(), m.outcome(), null, null, null, eligible, present, cast, null);
		}
		return new MotionResult(m.status(), m.outcome(), tally.yes(), tally.no(), tally.abstain(), eligible, present,
				tally.yes() + tally.no() + tally.abstain(), votes);
	}

	/** The choice of the ballot a receipt stands for, if it was counted in the motion. */
	public java.util.Optional<Choice> counted(long motionId, String receipt) {
		MotionView m = motions.motion(motionId);
		String hash = sha256(receipt.strip().toLowerCase());
		if (m.ballot() == Ballot.SECRET) {
			return jdbc.sql("select split_part(e, ' ', 2) from ballot_box b, unnest(b.entries) e where b.motion_id = ? and split_part(e, ' ', 1) = ?")
				.params(motionId, hash)
				.query((rs, i) -> Choice.valueOf(rs.getString(1)))
				.optional();
		}
		return jdbc.sql("select choice from vote where motion_id = ? and receipt_hash = ?")
			.params(motionId, hash)
			.query((rs, i) -> Choice.valueOf(rs.getString(1)))
			.optional();
	}

	/** The ballot log; a secret ballot's is empty until the vote closes. */
	public List<LogEntry> log(long motionId) {
		motions.motion(motionId);
		return jdbc.sql("select seq, payload, prev_hash, entry_hash from ballot_log where motion_id = ? order by seq")
			.param(motionId)
			.query((rs, i) -> new LogEntry(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.list();
	}

	/** Recomputes the chain and the totals from the log alone, and compares them with the counted votes. */
	public Verification verify(long motionId) {
		MotionView m = motions.motion(motionId);
		if (m.ballot() == Ballot.SECRET && m.status() != MotionStatus.CLOSED) {
			throw new Conflict("the ballot log of a secret vote is written when the vote closes");
		}
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
		return motions.motion(motionId);
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

	private Tally tally(long motionId, @Nullable Long meetingId, boolean secret) {
		Map<Choice, Integer> counts = new EnumMap<>(Choice.class);
		jdbc.sql(secret
				? "select split_part(e, ' ', 2), count(*) from ballot_box b, unnest(b.entries) e where b.motion_id = ? group by 1"
				: "select choice, count(*) from vote where motion_id = ? group by choice")
			.param(motionId)
			.query(rs -> {
				counts.put(Choice.valueOf(rs.getString(1)), rs.getInt(2));
			});
		int[] seats = voters.eligibleAndPresent(motionId, meetingId);
		return new Tally(counts.getOrDefault(Choice.YES, 0), counts.getOrDefault(Choice.NO, 0),
				counts.getOrDefault(Choice.ABSTAIN, 0), seats[0], seats[1]);
	}

	public static String chain(String prev, String payload) {
		return sha256(prev + "\n" + payload);
	}

	static String sha256(String s) {
		return Hashes.sha256(s);
	}

}
