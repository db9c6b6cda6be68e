package org.alliancehub.transfer.internal;

import java.util.Optional;

import org.alliancehub.identity.OwnedObjects;
import org.alliancehub.identity.Owner;
import org.alliancehub.membership.Memberships;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Who owns and who reads the transfer objects addressed by an id, for {@code @access.canRead(kind, id)}:
 * <ul>
 * <li>{@code demand}, {@code achievement}: the alliance its organisation posted it in; everyone (public), or the
 * alliance's members and the posting organisation (members-only);</li>
 * <li>{@code interest}, {@code transfer}: the organisations of both sides, and the demand's alliance's secretariat.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class TransferOwners {

	@Bean
	OwnedObjects demandOwners(JdbcClient jdbc, Memberships memberships) {
		return OwnedObjects.of("demand", id -> posted(jdbc, memberships, "transfer_demand", id));
	}

	@Bean
	OwnedObjects achievementOwners(JdbcClient jdbc, Memberships memberships) {
		return OwnedObjects.of("achievement", id -> posted(jdbc, memberships, "transfer_achievement", id));
	}

	@Bean
	OwnedObjects interestOwners(JdbcClient jdbc) {
		return OwnedObjects.of("interest", id -> sides(jdbc, "i.id = ?", id));
	}

	@Bean
	OwnedObjects transferRecordOwners(JdbcClient jdbc) {
		return OwnedObjects.of("transfer",
				id -> sides(jdbc, "i.id = (select interest_id from transfer_record where id = ?)", id));
	}

	private static Optional<Owner> posted(JdbcClient jdbc, Memberships memberships, String table, long id) {
		record Row(long allianceId, long org, String visibility) {
		}
		return jdbc.sql("select alliance_id, organization_id, visibility from " + table + " where id = ?")
			.param(id)
			.query((rs, i) -> new Row(rs.getLong(1), rs.getLong(2), rs.getString(3)))
			.optional()
			.map(r -> "PUBLIC".equals(r.visibility()) ? Owner.publicly(r.allianceId())
					: Owner.participants(r.allianceId(), orgs -> orgs.contains(r.org())
							|| orgs.stream().anyMatch(o -> memberships.isActiveMember(r.allianceId(), o))));
	}

	private static Optional<Owner> sides(JdbcClient jdbc, String where, long id) {
		record Row(long allianceId, long demandOrg, long achievementOrg) {
		}
		return jdbc.sql("""
				select d.alliance_id, d.organization_id, a.organization_id from transfer_interest i
				join transfer_demand d on d.id = i.demand_id join transfer_achievement a on a.id = i.achievement_id
				where """ + " " + where)
			.param(id)
			.query((rs, i) -> new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
			.optional()
			.map(r -> Owner.participants(r.allianceId(),
					orgs -> orgs.contains(r.demandOrg()) || orgs.contains(r.achievementOrg())));
	}
}
