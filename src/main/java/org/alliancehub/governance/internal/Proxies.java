package org.alliancehub.governance.internal;

import org.alliancehub.membership.Organizations;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.alliancehub.governance.GovernanceEvents.ProxyRecorded;
import org.alliancehub.governance.GovernanceEvents.ProxyWithdrawn;
import org.alliancehub.platform.Uploads;
import org.alliancehub.shared.Conflict;
import org.alliancehub.shared.Invalid;
import org.alliancehub.shared.NotFound;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Written proxies (委托书): the secretariat records that, at one meeting, an organisation gives its vote
 * to another one. Both must be voting participants; the grantor no longer votes itself, the holder's
 * representative casts its vote by naming it, and while the holder is present the grantor counts as
 * present for the quorum. No chains: a grantor holds no proxy and a holder gives none; one organisation
 * holds at most as many proxies as the charter allows ({@code maxProxiesPerHolder}, one unless it says
 * otherwise). The signed letter is kept as a reference text (where the paper is filed) and, when the
 * secretariat uploads it, as a file that the meeting's participants may read.
 */
@Service
public class Proxies {

	private final JdbcClient jdbc;

	private final MeetingRules rules;

	private final Charters charters;

	private final ApplicationEventPublisher events;

	private final Uploads uploads;

	private final Organizations organizations;

	Proxies(JdbcClient jdbc, MeetingRules rules, Charters charters, ApplicationEventPublisher events, Uploads uploads,
			Organizations organizations) {
		this.organizations = organizations;
		this.uploads = uploads;
		this.jdbc = jdbc;
		this.rules = rules;
		this.charters = charters;
		this.events = events;
	}

	public record NewProxy(@NotNull @Positive Long fromOrganizationId, @NotNull @Positive Long toOrganizationId,
			@Size(max = 500) @Nullable String document) {
	}

	public record Proxy(long meetingId, long fromOrganizationId, String fromOrganizationName, long toOrganizationId,
			String toOrganizationName, @Nullable String document, OffsetDateTime recordedAt, @Nullable String letterUrl) {
	}

	/** A signed proxy letter ready to be sent. */
	public record Letter(String filename, String contentType, long sizeBytes, Path path) {
	}

	@Transactional
	public Proxy record(long meetingId, NewProxy p) {
		long allianceId = rules.allianceOf(meetingId);
		// One meeting's proxies change one at a time, so that two holders cannot each pass the checks below.
		jdbc.sql("select id from meeting where id = ? for update").param(meetingId).query(Long.class).single();
		Map<Long, String> voting = new java.util.HashMap<>();
		jdbc.sql("select organization_id, role from participant where meeting_id = ? and organization_id in (?, ?)")
			.params(meetingId, p.fromOrganizationId(), p.toOrganizationId())
			.query(rs -> {
				voting.put(rs.getLong(1), rs.getString(2));
			});
		List<Invalid.FieldError> errors = new ArrayList<>();
		if (!"VOTING".equals(voting.get(p.fromOrganizationId()))) {
			errors.add(new Invalid.FieldError("fromOrganizationId", "not a voting participant of this meeting"));
		}
		if (!"VOTING".equals(voting.get(p.toOrganizationId()))) {
			errors.add(new Invalid.FieldError("toOrganizationId", "not a voting participant of this meeting"));
		}
		else if (p.toOrganizationId().equals(p.fromOrganizationId())) {
			errors.add(new Invalid.FieldError("toOrganizationId", "an organisation cannot give its proxy to itself"));
		}
		if (!errors.isEmpty()) {
			throw new Invalid(errors);
		}
		if (grantorOf(meetingId, p.fromOrganizationId())) {
			throw new Conflict("organisation " + p.fromOrganizationId() + " has given its proxy at this meeting already");
		}
		if (holds(meetingId, p.fromOrganizationId()) > 0) {
			throw new Conflict("organisation " + p.fromOrganizationId()
					+ " holds a proxy itself and cannot pass its vote on (no chains)");
		}
		if (grantorOf(meetingId, p.toOrganizationId())) {
			throw new Conflict("organisation " + p.toOrganizationId() + " has given its own proxy and cannot hold one");
		}
		int max = charters.of(allianceId).maxProxiesPerHolder();
		if (holds(meetingId, p.toOrganizationId()) >= max) {
			throw new Conflict("organisation " + p.toOrganizationId() + " holds " + max
					+ " proxies already, as many as the charter allows");
		}
		String document = p.document() == null || p.document().isBlank() ? null : p.document().strip();
		jdbc.sql("insert into proxy (meeting_id, grantor_id, holder_id, document) values (?, ?, ?, ?)")
			.params(meetingId, p.fromOrganizationId(), p.toOrganizationId(), document)
			.update();
		events.publishEvent(new ProxyRecorded(meetingId, allianceId, p.fromOrganizationId(), p.toOrganizationId()));
		return list(meetingId).stream().filter(x -> x.fromOrganizationId() == p.fromOrganizationId()).findFirst()
			.orElseThrow();
	}

	/**
	 * The meeting's proxies, for its secretariat and the representatives of its participants (the caller
	 * checks, {@code @access.canRead('meeting', id)}).
	 */
	public List<Proxy> visible(long meetingId) {
		rules.allianceOf(meetingId);
		return list(meetingId);
	}

	/** The proxies at a meeting held by any of the given organisations. */
	public List<Proxy> heldBy(long meetingId, java.util.Collection<Long> holders) {
		return list(meetingId).stream().filter(p -> holders.contains(p.toOrganizationId())).toList();
	}

	private List<Proxy> list(long meetingId) {
		record Row(long grantorId, long holderId, @Nullable String document, OffsetDateTime createdAt, boolean letter) {
		}
		List<Row> rows = jdbc.sql("""
				select grantor_id, holder_id, document, created_at, letter_sha256 is not null from proxy
				where meeting_id = ?""")
			.param(meetingId)
			.query((rs, i) -> new Row(rs.getLong(1), rs.getLong(2), rs.getString(3),
					rs.getObject(4, OffsetDateTime.class), rs.getBoolean(5)))
			.list();
		List<Long> ids = new java.util.ArrayList<>();
		rows.forEach(r -> {
			ids.add(r.grantorId());
			ids.add(r.holderId());
		});
		java.util.Map<Long, String> names = organizations.names(ids);
		return rows.stream()
			.map(r -> new Proxy(meetingId, r.grantorId(), names.getOrDefault(r.grantorId(), ""), r.holderId(),
					names.getOrDefault(r.holderId(), ""), r.document(), r.createdAt(),
					r.letter() ? letterUrl(meetingId, r.grantorId()) : null))
			.sorted(java.util.Comparator.comparing(Proxy::fromOrganizationName, org.alliancehub.shared.ChineseOrder.NAMES))
			.toList();
	}

	static String letterUrl(long meetingId, long fromOrganizationId) {
		return "/api/v1/meetings/" + meetingId + "/proxies/" + fromOrganizationId + "/letter";
	}

	/** Keeps the signed letter of a recorded proxy (PDF, picture or office document); replaces an earlier one. */
	@Transactional
	public Proxy attachLetter(long meetingId, long fromOrganizationId, String filename, long declaredSize,
			InputStream content) {
		rules.allianceOf(meetingId);
		if (!grantorOf(meetingId, fromOrganizationId)) {
			throw new NotFound("proxy of organisation " + fromOrganizationId);
		}
		Uploads.Stored f = uploads.store(filename, declaredSize, content, Uploads.DOCUMENTS);
		jdbc.sql("""
				update proxy set letter_filename = ?, letter_content_type = ?, letter_size_bytes = ?, letter_sha256 = ?
				where meeting_id = ? and grantor_id = ?""")
			.params(f.filename(), f.contentType(), f.sizeBytes(), f.sha256(), meetingId, fromOrganizationId)
			.update();
		return list(meetingId).stream().filter(x -> x.fromOrganizationId() == fromOrganizationId).findFirst()
			.orElseThrow();
	}

	/** The signed letter, for whoever may see the meeting's proxies. */
	public Letter letter(long meetingId, long fromOrganizationId) {
		visible(meetingId);
		return jdbc.sql("""
				select letter_filename, letter_content_type, letter_size_bytes, letter_sha256 from proxy
				where meeting_id = ? and grantor_id = ? and letter_sha256 is not null""")
			.params(meetingId, fromOrganizationId)
			.query((rs, i) -> new Letter(rs.getString(1), rs.getString(2), rs.getLong(3), uploads.path(rs.getString(4))))
			.optional()
			.orElseThrow(() -> new NotFound("letter of the proxy of organisation " + fromOrganizationId));
	}

	/** Withdraws a proxy; votes the holder cast with it meanwhile stay cast. */
	@Transactional
	public void withdraw(long meetingId, long fromOrganizationId) {
		long allianceId = rules.allianceOf(meetingId);
		if (jdbc.sql("delete from proxy where meeting_id = ? and grantor_id = ?").params(meetingId, fromOrganizationId)
			.update() == 0) {
			throw new NotFound("proxy of organisation " + fromOrganizationId);
		}
		events.publishEvent(new ProxyWithdrawn(meetingId, allianceId, fromOrganizationId));
	}

	private boolean grantorOf(long meetingId, long organizationId) {
		return jdbc.sql("select exists(select 1 from proxy where meeting_id = ? and grantor_id = ?)")
			.params(meetingId, organizationId)
			.query(Boolean.class)
			.single();
	}

	private int holds(long meetingId, long organizationId) {
		return jdbc.sql("select count(*) from proxy where meeting_id = ? and holder_id = ?")
			.params(meetingId, organizationId)
			.query(Integer.class)
			.single();
	}
}
