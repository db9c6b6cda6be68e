package org.alliancehub.governance.internal;

import java.util.Optional;
import java.util.Set;

import org.alliancehub.identity.OwnedObjects;
import org.alliancehub.identity.Owner;
import org.alliancehub.membership.Applications;
import org.alliancehub.membership.Memberships;
import org.alliancehub.shared.NotFound;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Who owns and who reads the governance objects addressed by an id, for {@code @access.canRead(kind, id)}
 * and {@code @access.canManage(kind, id)}:
 * <ul>
 * <li>{@code meeting}: the meeting and everything in it (participants, agenda and documents, motions, proxies,
 * replies): its alliance's secretariat and the representatives of its participants;</li>
 * <li>{@code motion}: a motion, its running result, voters, ballot log and verification, receipts: those of
 * its meeting, or for a correspondence vote the representatives of its electorate;</li>
 * <li>{@code motion-result}: a motion's result, which its secretariat may publish to the public or to the
 * alliance's members (then they read it too);</li>
 * <li>{@code minutes}: a meeting's minutes and resolution: the secretariat, and once published the audience
 * the minutes were published to;</li>
 * <li>{@code application}: an application to join: the alliance's secretariat, and the applicant.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class GovernanceOwners {

	@Bean
	OwnedObjects meetingOwners(JdbcClient jdbc) {
		return OwnedObjects.of("meeting", id -> jdbc.sql("select alliance_id from meeting where id = ?")
			.param(id)
			.query(Long.class)
			.optional()
			.map(alliance -> Owner.participants(alliance, orgs -> takesPart(jdbc, id, orgs))));
	}

	@Bean
	OwnedObjects motionOwners(JdbcClient jdbc) {
		return OwnedObjects.of("motion", id -> motion(jdbc, id).map(m -> Owner.participants(m.allianceId(), m.voters(jdbc))));
	}

	@Bean
	OwnedObjects motionResultOwners(JdbcClient jdbc, Memberships memberships) {
		return OwnedObjects.of("motion-result", id -> motion(jdbc, id).map(m -> {
			if ("PUBLIC".equals(m.resultVisibility())) {
				return Owner.publicly(m.allianceId());
			}
			Owner.Participants voters = m.voters(jdbc);
			if ("MEMBERS".equals(m.resultVisibility())) {
				// the alliance's members, and whoever took part (a guest organisation need not be a member)
				return Owner.participants(m.allianceId(), orgs -> voters.includesAny(orgs)
						|| orgs.stream().anyMatch(o -> memberships.isActiveMember(m.allianceId(), o)));
			}
			return Owner.participants(m.allianceId(), voters);
		}));
	}

	@Bean
	OwnedObjects minutesOwners(JdbcClient jdbc) {
		record Row(long allianceId, @Nullable String status, @Nullable String visibility) {
		}
		return OwnedObjects.of("minutes", id -> jdbc.sql("""
				select g.alliance_id, m.status, m.visibility from meeting g left join minutes m on m.meeting_id = g.id
				where g.id = ?""")
			.param(id)
			.query((rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.optional()
			.map(r -> !"PUBLISHED".equals(r.status()) ? Owner.secretariat(r.allianceId())
					: "PUBLIC".equals(r.visibility()) ? Owner.publicly(r.allianceId()) : Owner.members(r.allianceId())));
	}

	@Bean
	OwnedObjects applicationOwners(Applications applications) {
		return OwnedObjects.of("application", id -> {
			try {
				var a = applications.get(id);
				return Optional.of(Owner.participants(a.allianceId(), orgs -> orgs.contains(a.organizationId())));
			}
			catch (NotFound e) {
				return Optional.empty();
			}
		});
	}

	private record Motion(long id, long allianceId, @Nullable Long meetingId, @Nullable String resultVisibility) {

		/** Those who take part in the motion: its meeting's participants, or its correspondence voters. */
		Owner.Participants voters(JdbcClient jdbc) {
			Long meeting = meetingId;
			if (meeting != null) {
				return orgs -> takesPart(jdbc, meeting, orgs);
			}
			return orgs -> !orgs.isEmpty() && jdbc
				.sql("select exists(select 1 from motion_voter where motion_id = ? and organization_id = any(?))")
				.params(id, orgs.toArray(Long[]::new))
				.query(Boolean.class)
				.single();
		}
	}

	private static Optional<Motion> motion(JdbcClient jdbc, long id) {
		return jdbc.sql("select alliance_id, meeting_id, result_visibility from motion where id = ?")
			.param(id)
			.query((rs, i) -> new Motion(id, rs.getLong(1), (Long) rs.getObject(2), rs.getString(3)))
			.optional();
	}

	static boolean takesPart(JdbcClient jdbc, long meetingId, Set<Long> organizations) {
		return !organizations.isEmpty() && jdbc
			.sql("select exists(select 1 from participant where meeting_id = ? and organization_id = any(?))")
			.params(meetingId, organizations.toArray(Long[]::new))
			.query(Boolean.class)
			.single();
	}

}
