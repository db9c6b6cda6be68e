package org.alliancehub.collaboration;

import java.util.List;
import java.util.Set;

import org.alliancehub.identity.Access;
import org.alliancehub.network.Alliance;

/**
 * The access policy's read rule for lists, written as SQL so that registers are filtered and counted in the
 * database: the same rule as {@code access.reads(owner)} for one object.
 */
final class Readable {

	private Readable() {
	}

	/** For {@code collab_project p}: public ones, the caller's alliances', members-only ones of its alliances, its own. */
	static void clause(Access access, StringBuilder where, List<Object> params) {
		if (access.isNetworkAdmin()) {
			where.append("true");
			return;
		}
		Set<Long> scope = access.membersOnlyScope();
		where.append("(p.visibility = 'PUBLIC' or p.alliance_id = any(?) or (p.visibility = 'MEMBERS' and p.alliance_id = any(?))")
			.append(" or exists(select 1 from collab_project_participant x where x.project_id = p.id and x.status <> 'DECLINED'")
			.append(" and x.organization_id = any(?)))");
		params.add(managed(access));
		params.add(scope == null ? new Long[0] : scope.toArray(Long[]::new));
		params.add(access.organizationsActedFor().toArray(Long[]::new));
	}

	/** For tables with {@code alliance_id} and a PUBLIC / MEMBERS {@code visibility}, aliased {@code t}. */
	static void publicOrMembers(Access access, StringBuilder where, List<Object> params) {
		if (access.isNetworkAdmin()) {
			where.append("true");
			return;
		}
		Set<Long> scope = access.membersOnlyScope();
		where.append("(t.visibility = 'PUBLIC' or t.alliance_id = any(?) or t.alliance_id = any(?))");
		params.add(managed(access));
		params.add(scope == null ? new Long[0] : scope.toArray(Long[]::new));
	}

	private static Long[] managed(Access access) {
		return access.managedAlliances().stream().map(Alliance::id).toArray(Long[]::new);
	}
}
