package org.alliancehub.governance.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.alliancehub.governance.internal.Charter;
import org.alliancehub.governance.internal.Charters;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** An alliance's charter rules: quorum per meeting kind, majority per motion type, proxies per holder. */
@RestController
@Tag(name = "governance")
class CharterApi {

	private final Charters charters;

	CharterApi(Charters charters) {
		this.charters = charters;
	}

	@GetMapping("/api/v1/alliances/{slug}/charter")
	@PreAuthorize("permitAll()")
	@Operation(summary = "The alliance's voting rules: the built-in ones (builtIn true) until its secretariat writes its own")
	Charter get(@PathVariable String slug) {
		return charters.get(slug);
	}

	@PutMapping("/api/v1/alliances/{slug}/charter")
	@PreAuthorize("@access.canManage(#slug)")
	@Operation(summary = "Replace the alliance's voting rules (quorum per meeting kind, majority per motion type, "
			+ "maxProxiesPerHolder); entries left out keep the built-in rule; a stale version answers 409")
	Charter put(@PathVariable String slug, @RequestBody Charters.CharterInput charter) {
		return charters.put(slug, charter);
	}
}
