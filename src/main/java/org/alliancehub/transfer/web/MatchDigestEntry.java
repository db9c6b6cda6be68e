package org.alliancehub.transfer.web;

import java.util.List;

import org.alliancehub.identity.Access;
import org.alliancehub.identity.Role;
import org.alliancehub.web.BackOfficeEntries;
import org.alliancehub.web.BackOfficeEntry;
import org.alliancehub.web.Site;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The back-office entry of the match digest's switch, for the representatives of organisations. */
@Component
class MatchDigestEntry implements BackOfficeEntries {

	private final Access access;

	MatchDigestEntry(Access access) {
		this.access = access;
	}

	@Override
	public List<BackOfficeEntry> entries(@Nullable Site alliance) {
		boolean representative = access.currentUser().map(u -> u.has(Role.MEMBER_REP)).orElse(false);
		return alliance == null && representative
				? List.of(new BackOfficeEntry("transfer.digest.nav", "/admin/match-digest", 27, "nav-match-digest", false))
				: List.of();
	}
}
