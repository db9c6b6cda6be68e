package org.alliancehub.audit.web;

import java.util.List;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.alliancehub.audit.AuditLog;
import org.alliancehub.identity.Access;
import org.alliancehub.network.Alliance;
import org.alliancehub.shared.PageResult;
import org.alliancehub.shared.Paging;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log: everything for the administrator, a secretariat's own alliances for a secretariat. */
@RestController
@Tag(name = "audit")
class AuditApi {

	private final AuditLog log;

	private final Access access;

	AuditApi(AuditLog log, Access access) {
		this.log = log;
		this.access = access;
	}

	@GetMapping("/api/v1/audit")
	@PreAuthorize("@access.canManageAny()")
	PageResult<AuditLog.Entry> entries(@RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		List<Long> scope = access.isNetworkAdmin() ? null
				: access.managedAlliances().stream().map(Alliance::id).toList();
		return log.entries(scope, Paging.of(page, size));
	}
}
