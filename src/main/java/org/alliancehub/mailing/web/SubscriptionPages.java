package org.alliancehub.mailing.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.alliancehub.mailing.Subscriptions;
import org.alliancehub.network.Alliances;
import org.alliancehub.shared.Invalid;
import org.alliancehub.shared.NotFound;
import org.alliancehub.shared.TooManyRequests;
import org.alliancehub.web.Site;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The visitor's side of briefings by e-mail, signed out: the subscribe form's answer, the confirmation link and
 * the unsubscribe link. The unsubscribe address takes a POST without a CSRF token (RFC 8058 one-click, sent by
 * the mail program from the {@code List-Unsubscribe} header): the signed token in the address is its proof.
 * Opening the link (GET) only shows the button, so link checkers in mail filters unsubscribe nobody.
 */
@Controller
class SubscriptionPages {

	private final Subscriptions subscriptions;

	private final Alliances alliances;

	SubscriptionPages(Subscriptions subscriptions, Alliances alliances) {
		this.subscriptions = subscriptions;
		this.alliances = alliances;
	}

	@PreAuthorize("permitAll()")
	@PostMapping("/a/{slug}/subscribe")
	String subscribe(Site site, @RequestParam(defaultValue = "") String email, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		String outcome = "sent";
		try {
			subscriptions.subscribe(alliances.get(site.id()), email, request.getRemoteAddr(),
					LocaleContextHolder.getLocale());
		}
		catch (Invalid e) {
			response.setStatus(400);
			outcome = "invalid";
		}
		catch (TooManyRequests e) {
			response.setStatus(429);
			outcome = "tooMany";
		}
		model.addAttribute("outcome", outcome);
		return "mailing/subscribed";
	}

	@PreAuthorize("permitAll()")
	@GetMapping("/a/{slug}/subscriptions/confirm/{token}")
	String confirm(Site site, @PathVariable String token, Model model) {
		String email = subscriptions.confirm(site.id(), token)
			.orElseThrow(() -> new NotFound("confirmation link"));
		model.addAttribute("email", email);
		return "mailing/confirmed";
	}

	@PreAuthorize("permitAll()")
	@GetMapping("/a/{slug}/unsubscribe/{token}")
	String unsubscribePage(Site site, @PathVariable String token, Model model) {
		String email = subscriptions.addressOf(site.id(), token).orElseThrow(() -> new NotFound("unsubscribe link"));
		model.addAttribute("email", email);
		model.addAttribute("token", token);
		model.addAttribute("done", false);
		return "mailing/unsubscribe";
	}

	/** One click: from the form of the page above, or straight from the mail program (RFC 8058). */
	@PreAuthorize("permitAll()")
	@PostMapping("/a/{slug}/unsubscribe/{token}")
	@Nullable String unsubscribe(Site site, @PathVariable String token,
			@RequestParam(name = "List-Unsubscribe", required = false) @Nullable String oneClick,
			HttpServletResponse response, Model model) throws java.io.IOException {
		if (!subscriptions.unsubscribe(site.id(), token)) {
			throw new NotFound("unsubscribe link");
		}
		if ("One-Click".equals(oneClick)) {
			response.setContentType(MediaType.TEXT_PLAIN_VALUE);
			response.getWriter().write("unsubscribed");
			return null;
		}
		model.addAttribute("email", subscriptions.addressOf(site.id(), token).orElse(""));
		model.addAttribute("token", token);
		model.addAttribute("done", true);
		return "mailing/unsubscribe";
	}
}
