package org.alliancehub.identity.web;

import org.alliancehub.network.SiteFrames;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginPage {

	private final SiteFrames frames;

	LoginPage(SiteFrames frames) {
		this.frames = frames;
	}

	@GetMapping("/login")
	@PreAuthorize("permitAll()")
	String login(Model model) {
		model.addAttribute("frame", frames.network());
		return "identity/login";
	}
}
