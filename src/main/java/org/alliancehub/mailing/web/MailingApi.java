package org.alliancehub.mailing.web;

import java.net.URI;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.alliancehub.identity.Access;
import org.alliancehub.identity.AllianceUser;
import org.alliancehub.mailing.Mailing;
import org.alliancehub.mailing.Mailings;
import org.alliancehub.mailing.Subscriptions;
import org.alliancehub.network.Alliances;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Subscriptions to an alliance's briefings and mailings of a briefing issue. */
@RestController
@Tag(name = "briefings by e-mail")
class MailingApi {

	private final Alliances alliances;

	private final Subscriptions subscriptions;

	private final Mailings mailings;

	private final Access access;

	MailingApi(Alliances alliances, Subscriptions subscriptions, Mailings mailings, Access access) {
		this.alliances = alliances;
		this.subscriptions = subscriptions;
		this.mailings = mailings;
		this.access = access;
	}

	@PreAuthorize("permitAll()")
	@PostMapping("/api/v1/alliances/{slug}/subscriptions")
	@Operation(summary = "Ask to receive the alliance's briefings: a confirmation link is mailed (double opt-in); "
			+ "the answer is the same for every address")
	ResponseEntity<Map<String, String>> subscribe(@PathVariable String slug,
			@Valid @RequestBody Subscriptions.NewSubscription subscription, HttpServletRequest request) {
		subscriptions.subscribe(alliances.get(slug), subscription.email(), request.getRemoteAddr(),
				LocaleContextHolder.getLocale());
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.body(Map.of("status", "CONFIRMATION_SENT", "message",
					"if the address may subscribe, a confirmation link has been mailed to it"));
	}

	@PreAuthorize("@access.canManage('briefing', #id)")
	@PostMapping("/api/v1/briefings/{id}/mailings")
	@Operation(summary = "Mail a briefing issue to its alliance's subscribers and members' representatives")
	ResponseEntity<Mailing> mail(@PathVariable long id) {
		Mailing m = mailings.create(id, access.currentUser().map(AllianceUser::id).orElse(null));
		return ResponseEntity.created(URI.create("/api/v1/mailings/" + m.id())).body(m);
	}

	@PreAuthorize("@access.canRead('mailing', #id)")
	@GetMapping("/api/v1/mailings/{id}")
	@Operation(summary = "A mailing's progress: total, sent, failed, pending, and unconfirmed (sent, "
			+ "the server's acceptance never recorded)")
	Mailing mailing(@PathVariable long id) {
		return mailings.get(id);
	}
}
