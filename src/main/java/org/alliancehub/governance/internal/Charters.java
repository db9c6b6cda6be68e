package org.alliancehub.governance.internal;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

import org.alliancehub.governance.GovernanceEvents.CharterChanged;
import org.alliancehub.governance.GovernanceTypes.Majority;
import org.alliancehub.governance.GovernanceTypes.MeetingKind;
import org.alliancehub.governance.GovernanceTypes.MotionType;
import org.alliancehub.identity.Access;
import org.alliancehub.network.Alliance;
import org.alliancehub.network.Alliances;
import org.alliancehub.shared.Conflict;
import org.alliancehub.shared.Forbidden;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The charter rules of each alliance, which meetings, motions and proxies follow. An alliance that has
 * not written its own has the built-in one ({@link Charter}); its secretariat replaces it as a whole.
 */
@Service
public class Charters {

	private final JdbcClient jdbc;

	private final Alliances alliances;

	private final Access access;

	private final ApplicationEventPublisher events;

	Charters(JdbcClient jdbc, Alliances alliances, Access access, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.alliances = alliances;
		this.access = access;
		this.events = events;
	}

	/** What a secretariat writes: entries left out keep the built-in rule; {@code version} guards against lost updates. */
	public record CharterInput(@Nullable Map<String, BigDecimal> quorum, @Nullable Map<String, String> majority,
			@Nullable Integer maxProxiesPerHolder, @Nullable Long version) {
	}

	public Charter get(String slug) {
		return of(alliances.get(slug));
	}

	public Charter of(long allianceId) {
		return of(alliances.get(allianceId));
	}

	private Charter of(Alliance alliance) {
		record Row(int maxProxies, long version) {
		}
		Row row = jdbc.sql("select max_proxies_per_holder, version from charter where alliance_id = ?")
			.param(alliance.id())
			.query((rs, i) -> new Row(rs.getInt(1), rs.getLong(2)))
			.optional()
			.orElse(null);
		if (row == null) {
			return Charter.builtIn(alliance.slug());
		}
		Map<MeetingKind, BigDecimal> quorum = Charter.builtInQuorum();
		jdbc.sql("select meeting_kind, quorum from charter_quorum where alliance_id = ?")
			.param(alliance.id())
			.query(rs -> {
				quorum.put(MeetingKind.valueOf(rs.getString(1)), rs.getBigDecimal(2));
			});
		Map<MotionType, Majority> majority = Charter.builtInMajority();
		jdbc.sql("select motion_type, majority from charter_majority where alliance_id = ?")
			.param(alliance.id())
			.query(rs -> {
				majority.put(MotionType.valueOf(rs.getString(1)), Majority.valueOf(rs.getString(2)));
			});
		return new Charter(alliance.slug(), quorum, majority, row.maxProxies(), false, row.version());
	}

	/** Replaces an alliance's charter rules: its secretariat only; a stale {@code version} is a conflict. */
	@Transactional
	public Charter put(String slug, CharterInput input) {
		Alliance alliance = alliances.get(slug);
		if (!access.canManage(alliance.id())) {
			throw new Forbidden("only the secretariat of the alliance may change its charter");
		}
		Charter current = of(alliance);
		Charter next = Charter.parse(slug, input.quorum(), input.majority(), input.maxProxiesPerHolder(), 0);
		if (input.version() != null && input.version() != current.version()) {
			throw new Conflict("the charter was changed meanwhile (version " + current.version() + ")");
		}
		if (current.builtIn()) {
			jdbc.sql("insert into charter (alliance_id, max_proxies_per_holder) values (?, ?) on conflict (alliance_id) do nothing")
				.params(alliance.id(), next.maxProxiesPerHolder())
				.update();
		}
		int updated = jdbc.sql("""
				update charter set max_proxies_per_holder = ?, version = version + 1, updated_at = now()
				where alliance_id = ? and version = ?""")
			.params(next.maxProxiesPerHolder(), alliance.id(), current.version())
			.update();
		if (updated == 0) {
			throw new Conflict("the charter was changed meanwhile");
		}
		jdbc.sql("delete from charter_quorum where alliance_id = ?").param(alliance.id()).update();
		jdbc.sql("delete from charter_majority where alliance_id = ?").param(alliance.id()).update();
		new EnumMap<>(next.quorum()).forEach((kind, q) -> jdbc
			.sql("insert into charter_quorum (alliance_id, meeting_kind, quorum) values (?, ?, ?)")
			.params(alliance.id(), kind.name(), q)
			.update());
		new EnumMap<>(next.majority()).forEach((type, m) -> jdbc
			.sql("insert into charter_majority (alliance_id, motion_type, majority) values (?, ?, ?)")
			.params(alliance.id(), type.name(), m.name())
			.update());
		events.publishEvent(new CharterChanged(alliance.id(), slug));
		return of(alliance);
	}
}
