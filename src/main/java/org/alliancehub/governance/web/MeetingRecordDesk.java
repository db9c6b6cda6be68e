package org.alliancehub.governance.web;

import org.alliancehub.content.Visibility;
import org.alliancehub.governance.Minutes;
import org.alliancehub.governance.MinutesDraft;
import org.alliancehub.governance.Resolutions;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** What a meeting leaves on record, on the secretariat's desk: the resolution and the minutes (write, approve, publish, reopen). */
@Controller
class MeetingRecordDesk {

	private final DeskActions desk;

	private final Minutes minutes;

	private final Resolutions resolutions;

	MeetingRecordDesk(DeskActions desk, Minutes minutes, Resolutions resolutions) {
		this.desk = desk;
		this.minutes = minutes;
		this.resolutions = resolutions;
	}

	@PostMapping("/admin/a/{slug}/meetings/{id}/resolution")
	@PreAuthorize(DeskActions.MANAGE)
	String resolution(@PathVariable String slug, @PathVariable long id, @RequestParam(defaultValue = "") String text,
			@RequestParam long version, RedirectAttributes redirect) {
		return desk.act(slug, id, "resolutionSaved", redirect, () -> resolutions.edit(id, text, version));
	}

	@PostMapping("/admin/a/{slug}/meetings/{id}/resolution/draft")
	@PreAuthorize(DeskActions.MANAGE)
	String redraft(@PathVariable String slug, @PathVariable long id, @RequestParam long version,
			RedirectAttributes redirect) {
		return desk.act(slug, id, "resolutionDrafted", redirect, () -> resolutions.redraft(id, version));
	}

	@PostMapping("/admin/a/{slug}/meetings/{id}/minutes")
	@PreAuthorize(DeskActions.MANAGE)
	String writeMinutes(@PathVariable String slug, @PathVariable long id, @RequestParam(defaultValue = "") String body,
			@RequestParam Visibility visibility, @RequestParam long version, RedirectAttributes redirect) {
		return desk.act(slug, id, "minutesSaved", redirect, () -> minutes.write(id, new MinutesDraft(body, visibility, version)));
	}

	@PostMapping("/admin/a/{slug}/meetings/{id}/minutes/{step:approve|publish|reopen}")
	@PreAuthorize(DeskActions.MANAGE)
	String minutesStep(@PathVariable String slug, @PathVariable long id, @PathVariable String step,
			@RequestParam long version, RedirectAttributes redirect) {
		return desk.act(slug, id, "minutes." + step, redirect, () -> {
			switch (step) {
				case "approve" -> minutes.approve(id, version);
				case "publish" -> minutes.publish(id, version);
				default -> minutes.reopen(id, version);
			}
		});
	}
}
