package org.alliancehub.collaboration.internal;

import java.util.Set;

import org.alliancehub.identity.OwnedObjects;
import org.alliancehub.identity.Owner;
import org.alliancehub.membership.Memberships;
import org.alliancehub.platform.Uploads;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Who owns and who reads the collaboration objects addressed by an id, for {@code @access.canRead(kind, id)} and
 * {@code @access.canManage(kind, id)}:
 * <ul>
 * <li>{@code project}: a project with its participants, milestones, deliverables and reports: its alliance's
 * secretariat; then everyone (public), the alliance's members and the organisations invited or taking part
 * (members-only), or only those invited or taking part (participants' workspace);</li>
 * <li>{@code agreement}: everyone, or the alliance's members;</li>
 * <li>{@code base}: everyone;</li>
 * <li>{@code resource}: everyone, or the alliance's members; the owning organisation too;</li>
 * <li>{@code resource-request}: the requesting and the owning organisation, and the alliance's secretariat.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class CollaborationOwners {

	@Bean
	OwnedObjects projectOwners(JdbcClient jdbc, Memberships memberships) {
		record Row(long allianceId, String visibility) {
		}
		return OwnedObjects.of("project", id -> jdbc.sql("select alliance_id, visibility from collab_project where id = ?")
			.param(id)
			.query((rs, i) -> new Row(rs.getLong(1), rs.getString(2)))
			.optional()
			.map(r -> switch (r.visibility()) {
				case "PUBLIC" -> Owner.publicly(r.allianceId());
				case "MEMBERS" -> Owner.participants(r.allianceId(), orgs -> takesPart(jdbc, id, orgs)
						|| orgs.stream().anyMatch(o -> memberships.isActiveMember(r.allianceId(), o)));
				default -> Owner.participants(r.allianceId(), orgs -> takesPart(jdbc, id, orgs));
			}));
	}

	@Bean
	OwnedObjects agreementOwners(JdbcClient jdbc) {
		return OwnedObjects.of("agreement", id -> publicOrMembers(jdbc, "collab_agreement", id));
	}

	@Bean
	OwnedObjects baseOwners(JdbcClient jdbc) {
		return OwnedObjects.of("base", id -> jdbc.sql("select alliance_id from collab_base where id = ?")
			.param(id)
			.query(Long.class)
			.optional()
			.map(Owner::publicly));
	}

	@Bean
	OwnedObjects resourceOwners(JdbcClient jdbc, Memberships memberships) {
		record Row(long allianceId, long org, String visibility) {
		}
		return OwnedObjects.of("resource", id -> jdbc
			.sql("select alliance_id, organization_id, visibility from collab_resource where id = ?")
			.param(id)
			.query((rs, i) -> new Row(rs.getLong(1), rs.getLong(2), rs.getString(3)))
			.optional()
			.map(r -> "PUBLIC".equals(r.visibility()) ? Owner.publicly(r.allianceId())
					: Owner.participants(r.allianceId(), orgs -> orgs.contains(r.org())
							|| orgs.stream().anyMatch(o -> memberships.isActiveMember(r.allianceId(), o)))));
	}

	@Bean
	OwnedObjects resourceRequestOwners(JdbcClient jdbc) {
		record Row(long allianceId, long owner, long requester) {
		}
		return OwnedObjects.of("resource-request", id -> jdbc.sql("""
				select r.alliance_id, r.organization_id, q.organization_id from collab_resource_request q
				join collab_resource r on r.id = q.resource_id where q.id = ?""")
			.param(id)
			.query((rs, i) -> new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
			.optional()
			.map(r -> Owner.participants(r.allianceId(), orgs -> orgs.contains(r.owner()) || orgs.contains(r.requester()))));
	}

	/** The files collaboration keeps: milestone deliverables and signed agreements. */
	@Bean
	Uploads.Holder collaborationFiles(JdbcClient jdbc) {
		return sha -> jdbc.sql("""
				select exists(select 1 from collab_milestone where deliverable_sha256 = ?)
				    or exists(select 1 from collab_agreement where document_sha256 = ?)""")
			.params(sha, sha)
			.query(Boolean.class)
			.single();
	}

	private static java.util.Optional<Owner> publicOrMembers(JdbcClient jdbc, String table, long id) {
		record Row(long allianceId, String visibility) {
		}
		return jdbc.sql("select alliance_id, visibility from " + table + " where id = ?")
			.param(id)
			.query((rs, i) -> new Row(rs.getLong(1), rs.getString(2)))
			.optional()
			.map(r -> "PUBLIC".equals(r.visibility()) ? Owner.publicly(r.allianceId()) : Owner.members(r.allianceId()));
	}

	/** Invited or taking part: an invited organisation's representative reads what it is asked to join. */
	static boolean takesPart(JdbcClient jdbc, long projectId, Set<Long> organizations) {
		return !organizations.isEmpty() && jdbc.sql("""
				select exists(select 1 from collab_project_participant where project_id = ? and status <> 'DECLINED'
				  and organization_id = any(?))""")
			.params(projectId, organizations.toArray(Long[]::new))
			.query(Boolean.class)
			.single();
	}
}
