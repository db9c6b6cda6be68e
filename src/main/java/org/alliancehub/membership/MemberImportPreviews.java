package org.alliancehub.membership;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import tools.jackson.databind.ObjectMapper;

/**
 * Member-import previews waiting for confirmation, kept in PostgreSQL (table {@code membership_import_preview}) so
 * that behind a load balancer any node shows, confirms or cancels a preview another node made. Each belongs to the
 * user who uploaded the sheet and the alliance it was read for: to anyone else, or for another alliance, it does
 * not exist. A preview is good for {@link #KEEP}; the scheduled {@link #prune} deletes older ones on one node.
 */
@Service
public class MemberImportPreviews {

	/** How long a preview waits for its confirmation. */
	public static final Duration KEEP = Duration.ofHours(24);

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	private final Clock clock;

	MemberImportPreviews(JdbcClient jdbc, ObjectMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	/** Keeps a preview for its owner; answers the token that addresses it. */
	public String keep(MemberSheets.Preview preview, String owner) {
		UUID token = UUID.randomUUID();
		jdbc.sql("""
				insert into membership_import_preview (token, alliance_id, owner_username, created_at, preview)
				values (?, ?, ?, ?, ?::jsonb)""")
			.params(token, preview.allianceId(), owner, Timestamp.from(clock.instant()), json.writeValueAsString(preview))
			.update();
		return token.toString();
	}

	/** The preview, when it exists, is the owner's, was read for this alliance and is not too old. */
	public Optional<MemberSheets.Preview> find(String token, long allianceId, String owner) {
		UUID id = parse(token);
		if (id == null) {
			return Optional.empty();
		}
		return jdbc.sql("""
				select preview::text from membership_import_preview
				where token = ? and alliance_id = ? and owner_username = ? and created_at > ?""")
			.params(id, allianceId, owner, Timestamp.from(oldest()))
			.query(String.class)
			.optional()
			.map(this::read);
	}

	/**
	 * Takes the preview out to be saved (confirm): deleted in the same statement, so that of two confirmations that
	 * reach two nodes at once only one gets it.
	 */
	public Optional<MemberSheets.Preview> take(String token, long allianceId, String owner) {
		UUID id = parse(token);
		if (id == null) {
			return Optional.empty();
		}
		return jdbc.sql("""
				delete from membership_import_preview
				where token = ? and alliance_id = ? and owner_username = ? and created_at > ? returning preview::text""")
			.params(id, allianceId, owner, Timestamp.from(oldest()))
			.query(String.class)
			.optional()
			.map(this::read);
	}

	/** Cancels the preview (nothing saved); false when there is none for this owner and alliance. */
	public boolean cancel(String token, long allianceId, String owner) {
		return take(token, allianceId, owner).isPresent();
	}

	/** Deletes the previews older than {@link #KEEP} (on one node at a time). */
	@Scheduled(cron = "${alliancehub.membership.import-preview-prune-cron:0 23 * * * *}", zone = "Asia/Shanghai")
	@SchedulerLock(name = "membership.import-previews.prune", lockAtMostFor = "PT10M")
	public void prune() {
		jdbc.sql("delete from membership_import_preview where created_at <= ?").param(Timestamp.from(oldest())).update();
	}

	private Instant oldest() {
		return clock.instant().minus(KEEP);
	}

	private MemberSheets.Preview read(String text) {
		return json.readValue(text, MemberSheets.Preview.class);
	}

	private static @Nullable UUID parse(String token) {
		try {
			return UUID.fromString(token);
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}
}
