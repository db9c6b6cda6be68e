package org.alliancehub.governance.web;

import org.alliancehub.governance.internal.Motions;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.alliancehub.content.Visibility;
import org.alliancehub.governance.internal.Ballots;
import org.alliancehub.governance.GovernanceTypes.AgendaKind;
import org.alliancehub.governance.GovernanceTypes.Ballot;
import org.alliancehub.governance.GovernanceTypes.Majority;
import org.alliancehub.governance.GovernanceTypes.MotionType;
import org.alliancehub.governance.GovernanceTypes.MeetingKind;
import org.alliancehub.governance.GovernanceTypes.MeetingMode;
import org.alliancehub.governance.internal.Invitations;
import org.alliancehub.governance.MeetingView;
import org.alliancehub.governance.Meetings;
import org.alliancehub.governance.Minutes;
import org.alliancehub.governance.MinutesDraft;
import org.alliancehub.governance.MotionLine;
import org.alliancehub.governance.NewMeeting;
import org.alliancehub.governance.internal.NewMotion;
import org.alliancehub.governance.Resolutions;
import org.alliancehub.network.Alliance;
import org.alliancehub.network.Alliances;
import org.alliancehub.network.SiteFrames;
import org.alliancehub.shared.Conflict;
import org.alliancehub.shared.Forbidden;
import org.alliancehub.shared.Invalid;
import org.alliancehub.shared.NotFound;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The secretariat's meeting desk in the back office: call a meeting, invite, see the replies, check
 * participants in, put motions to the vote, then draft the resolution and write, approve and publish
 * the minutes. Every form posts to the same services the API uses.
 */
@Controller
class MeetingAdminPages {

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	/** The alliance in the path, and the meeting as an object of its own: both checked by the access policy. */
	static final String MANAGE = "@access.canManage(#slug) and @access.canManage('meeting', #id)";

	private final Meetings meetings;

	private final Motions motions;

	private final Ballots ballots;

	private final Invitations invitations;

	private final Minutes minutes;

	private final Resolutions resolutions;

	private final Alliances alliances;

	private final SiteFrames frames;

	private final Validator validator;

	MeetingAdminPages(Meetings meetings, Ballots ballots, Invitations invitations, Minutes minutes,
			Resolutions resolutions, Alliances alliances, SiteFrames frames, Validator validator, Motions motions) {
		this.motions = motions;
		this.meetings = meetings;
		this.ballots = ballots;
		this.invitations = invitations;
		this.minutes = minutes;
		this.resolutions = resolutions;
		this.alliances = alliances;
		this.frames = frames;
		this.validator = validator;
	}

	@GetMapping("/admin/a/{slug}/meetings")
	@PreAuthorize("@access.canManage(#slug)")
	String list(@PathVariable String slug, Model model) {
		Alliance a = alliances.get(slug);
		model.addAttribute("frame", frames.network());
		model.addAttribute("alliance", a);
		model.addAttribute("meetings", minutes.register(a.id()));
		return "governance/admin-meetings";
	}

	@GetMapping("/admin/a/{slug}/meetings/new")
	@PreAuthorize("@access.canManage(#slug)")
	String newMeeting(@PathVariable String slug, Model model) {
		List<MeetingForm.Row> rows = IntStream.range(0, MeetingForm.AGENDA_ROWS)
			.mapToObj(i -> new MeetingForm.Row("", AgendaKind.MOTION))
			.toList();
		return meetingForm(alliances.get(slug), new MeetingForm(MeetingKind.COUNCIL, "1", "1", "", "",
				MeetingMode.ONSITE, "", "", rows), List.of(), model);
	}

	@PostMapping("/admin/a/{slug}/meetings")
	@PreAuthorize("@access.canManage(#slug)")
	String call(@PathVariable String slug, @RequestParam MeetingKind kind, @RequestParam String term,
			@RequestParam String session, @RequestParam(defaultValue = "") String title,
			@RequestParam(defaultValue = "") String startsAt, @RequestParam MeetingMode mode,
			@RequestParam(defaultValue = "") String location, @RequestParam(defaultValue = "") String onlineUrl,
			@RequestParam(name = "agendaTitle", defaultValue = "") List<String> agendaTitles,
			@RequestParam(name = "agendaKind", defaultValue = "") List<AgendaKind> agendaKinds, Model model) {
		Alliance a = alliances.get(slug);
		List<MeetingForm.Row> rows = IntStream.range(0, MeetingForm.AGENDA_ROWS)
			.mapToObj(i -> new MeetingForm.Row(i < agendaTitles.size() ? agendaTitles.get(i) : "",
					i < agendaKinds.size() ? agendaKinds.get(i) : AgendaKind.MOTION))
			.toList();
		MeetingForm form = new MeetingForm(kind, term, session, title, startsAt, mode, location, onlineUrl, rows);
		List<Invalid.FieldError> errors = new ArrayList<>();
		Integer termNumber = number("term", term, errors);
		Integer sessionNumber = number("session", session, errors);
		java.time.OffsetDateTime when = null;
		try {
			when = LocalDateTime.parse(startsAt).atZone(CHINA).toOffsetDateTime();
		}
		catch (java.time.format.DateTimeParseException e) {
			errors.add(new Invalid.FieldError("startsAt", "a date and time"));
		}
		NewMeeting meeting = new NewMeeting(kind, termNumber, sessionNumber, blankToNull(title), when, mode,
				blankToNull(location), blankToNull(onlineUrl),
				rows.stream().filter(r -> !r.title().isBlank()).map(r -> new NewMeeting.AgendaInput(r.title(), r.kind())).toList());
		for (ConstraintViolation<NewMeeting> v : validator.validate(meeting)) {
			if (errors.stream().noneMatch(e -> e.field().equals(v.getPropertyPath().toString()))) {
				errors.add(new Invalid.FieldError(v.getPropertyPath().toString(), v.getMessage()));
			}
		}
		try {
			if (!errors.isEmpty()) {
				throw new Invalid(errors);
			}
			return "redirect:/admin/a/" + slug + "/meetings/" + meetings.call(slug, meeting).id();
		}
		catch (Invalid e) {
			List<Invalid.FieldError> all = e.errors().stream().sorted(Comparator.comparing(Invalid.FieldError::field)).toList();
			return meetingForm(a, form, all, model);
		}
	}

	@GetMapping("/admin/a/{slug}/meetings/{id}")
	@PreAuthorize(MANAGE)
	String desk(@PathVariable String slug, @PathVariable long id, @RequestParam(required = false) @Nullable String error,
			@RequestParam(required = false) @Nullable String done, Model model) {
		MeetingView m = meetingOf(slug, id);
		model.addAttribute("frame", frames.network());
		model.addAttribute("alliance", alliances.get(slug));
		model.addAttribute("meeting", m);
		model.addAttribute("motions",
				motions.motions(id).stream().map(x -> new MotionLine(x, ballots.result(x.id()))).toList());
		model.addAttribute("publications", ballots.publications(id));
		model.addAttribute("resolution", resolutions.get(id));
		model.addAttribute("minutes", minutes.draftOf(id).orElse(null));
		model.addAttribute("error", error);
		model.addAttribute("done", done);
		return "governance/admin-meeting";
	}

	@PostMapping("/admin/a/{slug}/meetings/{id}/invitations")
	@PreAuthorize(MANAGE)
	String invite(@PathVariable String slug, @PathVariable long id, RedirectAttributes redirect) {
		return act(slug, id, "invited", redirect, () -> {
			Invitations.Sent sent = invitations.send(id, null);
			redirect.addAttribute("sent", sent.emails());
			redirect.addAttribute("unreached", sent.participantsWithoutAddress());
		});
	}

	@PostMapping("/admin/a/{slug}/meetings/{id}/attendance")
	@PreAuthorize(MANAGE)
	String attendance(@PathVariable String slug, @PathVariable long id, @RequestParam long organizationId,
			@RequestParam boolean present, RedirectAttributes redirect) {
		return act(slug, id, "attendance", redirect, () -> meetings.attendance(id, organizationId, present));
	}

	@PostMapping("/admin/a/{slug}/meetings/{id}/motions")
	@PreAuthorize(MANAGE)
	String propose(@PathVariable String slug, @PathVariable long id, @RequestParam(defaultValue = "") String title,
			@RequestParam(defaultValue = "") String text, @RequestParam(defaultValue = "ORDINARY") MotionType type,
			@RequestParam Ballot ballot, @RequestParam(required = false) @Nullable Majority majority,
			@RequestParam(defaultValue = "") String quorum, @RequestParam(required = false) @Nullable List<Long> drafting,
			RedirectAttributes redirect) {
		return act(slug, id, "proposed", redirect, () -> {
			// left blank, majority and quorum are what the alliance's charter sets for the motion's type
			BigDecimal q = null;
			if (!quorum.isBlank()) {
				try {
					q = new BigDecimal(quorum.strip());
				}
				catch (NumberFormatException e) {
					throw Invalid.field("quorum", "a fraction between 0 and 1");
				}
			}
			NewMotion motion = new NewMotion(title.strip(), blankToNull(text), ballot, majority, q, null, type,
					drafting == null || drafting.isEmpty() ? null : drafting);
			List<Invalid.FieldError> errors = validator.validate(motion)
				.stream()
				.map(v -> new Invalid.FieldError(v.getPropertyPath().toString(), v.getMessage()))
				.sorted(Comparator.comparing(Invalid.FieldError::field))
				.toList();
			if (!errors.isEmpty()) {
				throw new Invalid(errors);
			}
			motions.propose(id, motion);
		});
	}

	@PostMapping("/admin/a/{slug}/meetings/{id}/motions/{motion}/{action:open|close}")
	@PreAuthorize(MANAGE)
	String vote(@PathVariable String slug, @PathVariable long id, @PathVariable long motion,
			@PathVariable String action, RedirectAttributes redirect) {
		return act(slug, id, action.equals("open") ? "opened" : "closed", redirect, () -> {
			// a correspondence vote has no meeting (its meetingId is null): it is not on this desk
			if (!java.util.Objects.equals(motions.motion(motion).meetingId(), id)) {
				throw new NotFound("motion " + motion);
			}
			if (action.equals("open")) {
				ballots.open(motion);
			}
			else {
				ballots.close(motion);
			}
		});
	}

	@PostMapping("/admin/a/{slug}/meetings/{id}/motions/{motion}/result/publication")
	@PreAuthorize(MANAGE + " and @access.canManage('motion', #motion)")
	String publishResult(@PathVariable String slug, @PathVariable long id, @PathVariable long motion,
			@RequestParam(defaultValue = "PUBLIC") Visibility visibility, RedirectAttributes redirect) {
		return act(slug, id, "resultPublished", redirect, () -> {
			if (!java.util.Objects.equals(motions.motion(motion).meetingId(), id)) {
				throw new NotFound("motion " + motion);
			}
			ballots.publishResult(motion, visibility);
		});
	}

	@PostMapping("/admin/a/{slug}/meetings/{id}/resolution")
	@PreAuthorize(MANAGE)
	String resolution(@PathVariable String slug, @PathVariable long id, @RequestParam(defaultValue = "") String text,
			@RequestParam long version, RedirectAttributes redirect) {
		return act(slug, id, "resolutionSaved", redirect, () -> resolutions.edit(id, text, version));
	}

	@PostMapping("/admin/a/{slug}/meetings/{id}/resolution/draft")
	@PreAuthorize(MANAGE)
	String redraft(@PathVariable String slug, @PathVariable long id, @RequestParam long version,
			RedirectAttributes redirect) {
		return act(slug, id, "resolutionDrafted", redirect, () -> resolutions.redraft(id, version));
	}

	@PostMapping("/admin/a/{slug}/meetings/{id}/minutes")
	@PreAuthorize(MANAGE)
	String writeMinutes(@PathVariable String slug, @PathVariable long id, @RequestParam(defaultValue = "") String body,
			@RequestParam Visibility visibility, @RequestParam long version, RedirectAttributes redirect) {
		return act(slug, id, "minutesSaved", redirect, () -> minutes.write(id, new MinutesDraft(body, visibility, version)));
	}

	@PostMapping("/admin/a/{slug}/meetings/{id}/minutes/{step:approve|publish|reopen}")
	@PreAuthorize(MANAGE)
	String minutesStep(@PathVariable String slug, @PathVariable long id, @PathVariable String step,
			@RequestParam long version, RedirectAttributes redirect) {
		return act(slug, id, "minutes." + step, redirect, () -> {
			switch (step) {
				case "approve" -> minutes.approve(id, version);
				case "publish" -> minutes.publish(id, version);
				default -> minutes.reopen(id, version);
			}
		});
	}

	/** Runs an action on a meeting of this alliance; a refusal comes back to the desk as a message. */
	private String act(String slug, long id, String done, RedirectAttributes redirect, Runnable action) {
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
	private MeetingView meetingOf(String slug, long id) {
		MeetingView m = meetings.get(id);
		if (!m.alliance().equals(slug)) {
			throw new NotFound("meeting " + id);
		}
		return m;
	}

	private String meetingForm(Alliance a, MeetingForm form, List<Invalid.FieldError> errors, Model model) {
		model.addAttribute("frame", frames.network());
		model.addAttribute("alliance", a);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		return "governance/admin-meeting-form";
	}

	private static @Nullable Integer number(String field, String value, List<Invalid.FieldError> errors) {
		try {
			return Integer.valueOf(value.strip());
		}
		catch (NumberFormatException e) {
			errors.add(new Invalid.FieldError(field, "a number"));
			return null;
		}
	}

	private static @Nullable String blankToNull(String s) {
		return s.isBlank() ? null : s.strip();
	}
}
