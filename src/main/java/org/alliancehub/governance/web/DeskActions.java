package org.alliancehub.governance.web;

import org.alliancehub.governance.MeetingView;
import org.alliancehub.governance.Meetings;
import org.alliancehub.shared.Conflict;
import org.alliancehub.shared.Forbidden;
import org.alliancehub.shared.Invalid;
import org.alliancehub.shared.NotFound;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.stereotype.Component;

/** What every form of the meeting desk shares: the access rule, the meeting checked against the path, the redirect back. */
@Component
class DeskActions {

	/** The alliance in the path, and the meeting as an object of its own: both checked by the access policy. */
	static final String MANAGE = "@access.canManage(#slug) and @access.canManage('meeting', #id)";

	private final Meetings meetings;

	DeskActions(Meetings meetings) {
		this.meetings = meetings;
	}

	/** Runs an action on a meeting of this alliance; a refusal comes back to the desk as a message. */
	String act(String slug, long id, String done, RedirectAttributes redirect, Runnable action) {
		meetingOf(slug, id);
		try {
			action.run();
			redirect.addAttribute("done", done);
		}
		catch (Invalid e) {
			redirect.addAttribute("error", e.errors()
				.stream()
				.map(f -> f.field() + ": " + f.message())
				.reduce((x, y) -> x + "; " + y)
				.orElse(e.getMessage()));
		}
		catch (Conflict | Forbidden e) {
			redirect.addAttribute("error", e.getMessage());
		}
		return "redirect:/admin/a/" + slug + "/meetings/" + id;
	}

	/** A meeting addressed under another alliance's path does not exist there. */
	MeetingView meetingOf(String slug, long id) {
		MeetingView m = meetings.get(id);
		if (!m.alliance().equals(slug)) {
			throw new NotFound("meeting " + id);
		}
		return m;
	}
}
