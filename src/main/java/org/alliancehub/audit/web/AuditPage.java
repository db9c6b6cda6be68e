package org.alliancehub.audit.web;

import java.util.List;
import org.alliancehub.audit.AuditLog;
import org.alliancehub.identity.Access;
import org.alliancehub.network.Alliance;
import org.alliancehub.shared.Paging;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit log in the back office (/admin/audit): everything for the administrator, a secretariat's own alliances otherwise. */
@Controller
class AuditPage {

	private final Access access;

	private final AuditLog audit;

	AuditPage(Access access, AuditLog audit) {
		this.access = access;
		this.audit = audit;
	}

	@GetMapping("/admin/audit")
	@PreAuthorize("@access.canManageAny()")
	String audit(@RequestParam(defaultValue = "0") int page, Model model) {
		List<Long> scope = access.isNetworkAdmin() ? null
				: access.managedAlliances().stream().map(Alliance::id).toList();
		model.addAttribute("entries", audit.entries(scope, new Paging(Math.max(0, page), 50)));
		return "audit/admin-audit";
	}
}
