package org.alliancehub.transfer.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.alliancehub.identity.Access;
import org.alliancehub.shared.Invalid;
import org.alliancehub.transfer.MatchDigests;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The weekly match digest: the signed-in user's own switch, and a run on demand by the network's administrator. */
@RestController
@Tag(name = "technology transfer")
class MatchDigestApi {

	private final MatchDigests digests;

	private final Access access;

	MatchDigestApi(MatchDigests digests, Access access) {
		this.digests = digests;
		this.access = access;
	}

	/** Whether the weekly e-mail of new matches is on. */
	record Setting(@Nullable Boolean enabled) {
	}

	@GetMapping("/api/v1/users/me/match-digest")
	@PreAuthorize("isAuthenticated()")
	@Operation(summary = "Whether the caller gets the weekly e-mail of new matches")
	Setting setting() {
		return new Setting(digests.enabled(access.requireUser().id()));
	}

	@PutMapping("/api/v1/users/me/match-digest")
	@PreAuthorize("isAuthenticated()")
	@Operation(summary = "Switch the caller's weekly e-mail of new matches on or off")
	Setting change(@RequestBody Setting setting) {
		if (setting.enabled() == null) {
			throw Invalid.field("enabled", "true or false");
		}
		long me = access.requireUser().id();
		digests.switchTo(me, setting.enabled());
		return new Setting(digests.enabled(me));
	}

	@PostMapping("/api/v1/match-digests")
	@PreAuthorize("@access.isNetworkAdmin()")
	@Operation(summary = "Send this week's digests of new matches now (those already sent this week are not sent again)")
	MatchDigests.Run run() {
		return digests.run();
	}
}
