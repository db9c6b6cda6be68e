package org.alliancehub.identity.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginPage {

	@GetMapping("/login")
	@PreAuthorize("permitAll()")
	String login() {
		return "identity/login";
	}
}
