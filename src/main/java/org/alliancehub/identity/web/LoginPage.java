package org.alliancehub.identity.web;

import org.alliancehub.network.SiteFrames;
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
	String login(Model model) {
		model.addAttribute("frame", frames.network());
		return "identity/login";
	}
}
