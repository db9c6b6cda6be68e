package org.alliancehub.governance.web;

import org.alliancehub.shared.Strings;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.alliancehub.governance.internal.Ballots;
import org.alliancehub.governance.GovernanceTypes.AgendaKind;
import org.alliancehub.governance.GovernanceTypes.MeetingKind;
import org.alliancehub.governance.GovernanceTypes.MeetingMode;
import org.alliancehub.governance.internal.Invitations;
import org.alliancehub.governance.MeetingView;
import org.alliancehub.governance.Meetings;
import org.alliancehub.governance.internal.Motions;
import org.alliancehub.governance.Minutes;
import org.alliancehub.governance.MotionLine;
import org.alliancehub.governance.NewMeeting;
import org.alliancehub.governance.Resolutions;
import org.alliancehub.web.Site;
import org.alliancehub.shared.Invalid;
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
 * The secretariat's meeting desk in the back office: the register, calling a meeting, the desk page of one
 * meeting, invitations and checking participants in. Its motions are on {@link MotionDesk}, its resolution
 * and minutes on {@link MeetingRecordDesk}. Every form posts to the same services the API uses.
 */
@Controller
class MeetingDesk {

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private final DeskActions desk;

	private final Meetings meetings;

	private final Motions motions;

	private final Ballots ballots;

	private final Invitations invitations;

	private final Minutes minutes;

	private final Resolutions resolutions;

	private final Validator validator;

	MeetingDesk(DeskActions desk, Meetings meetings, Ballots ballots, Invitations invitations, Minutes minutes,
			Resolutions resolutions, Validator validator, Motions motions) {
		this.desk = desk;
		this.meetings = meetings;
		this.motions = motions;
		this.ballots = ballots;
		this.invitations = invitations;
		this.minutes = minutes;
		this.resolutions = resolutions;
		this.validator = validator;
	}

	@GetMapping("/admin/a/{slug}/meetings")
	@PreAuthorize("@access.canManage(#site.id())")
	String list(Site site, Model model) {
		model.addAttribute("meetings", minutes.register(site.id()));
		return "governance/admin-meetings";
	}

	@GetMapping("/admin/a/{slug}/meetings/new")
	@PreAuthorize("@access.canManage(#site.id())")
	String newMeeting(Site site, Model model) {
		List<MeetingForm.Row> rows = IntStream.range(0, MeetingForm.AGENDA_ROWS)
			.mapToObj(i -> new MeetingForm.Row("", AgendaKind.MOTION))
			.toList();
		return meetingForm(new MeetingForm(MeetingKind.COUNCIL, "1", "1", "", "",
				MeetingMode.ONSITE, "", "", rows), List.of(), model);
	}

	@PostMapping("/admin/a/{slug}/meetings")
	@PreAuthorize("@access.canManage(#site.id())")
	String call(Site site, @RequestParam MeetingKind kind, @RequestParam String term,
			@RequestParam String session, @RequestParam(defaultValue = "") String title,
			@RequestParam(defaultValue = "") String startsAt, @RequestParam MeetingMode mode,
			@RequestParam(defaultValue = "") String location, @RequestParam(defaultValue = "") String onlineUrl,
			@RequestParam(name = "agendaTitle", defaultValue = "") List<String> agendaTitles,
			@RequestParam(name = "agendaKind", defaultValue = "") List<AgendaKind> agendaKinds, Model model) {
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
		NewMeeting meeting = new NewMeeting(kind, termNumber, sessionNumber, Strings.blankToNull(title), when, mode,
				Strings.blankToNull(location), Strings.blankToNull(onlineUrl),
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
			return "redirect:/admin/a/" + site.slug() + "/meetings/" + meetings.call(site.slug(), meeting).id();
		}
		catch (Invalid e) {
			List<Invalid.FieldError> all = e.errors().stream().sorted(Comparator.comparing(Invalid.FieldError::field)).toList();
			return meetingForm(form, all, model);
		}
	}

	@GetMapping("/admin/a/{slug}/meetings/{id}")
	@PreAuthorize("@access.canManage(#site.id()) and @access.canManage('meeting', #id)")
	String desk(Site site, @PathVariable long id, @RequestParam(required = false) @Nullable String error,
			@RequestParam(required = false) @Nullable String done, Model model) {
		MeetingView m = desk.meetingOf(site.slug(), id);
		model.addAttribute("meeting", m);
		model.addAttribute("motions",
				motions.motions(id).stream().map(x -> new MotionLine(x, ballots.result(x.id()))).toList());
		model.addAttribute("publications", ballots.publications(id)
			.entrySet()
			.stream()
			.collect(java.util.stream.Collectors.toMap(java.util.Map.Entry::getKey, e -> PublishedResult.of(e.getValue()))));
		model.addAttribute("resolution", resolutions.get(id));
		model.addAttribute("minutes", minutes.draftOf(id).orElse(null));
		model.addAttribute("error", error);
		model.addAttribute("done", done);
		return "governance/admin-meeting";
	}

	@PostMapping("/admin/a/{slug}/meetings/{id}/invitations")
	@PreAuthorize(DeskActions.MANAGE)
	String invite(@PathVariable String slug, @PathVariable long id, RedirectAttributes redirect) {
		return desk.act(slug, id, "invited", redirect, () -> {
			Invitations.Sent sent = invitations.send(id, null);
			redirect.addAttribute("sent", sent.emails());
			redirect.addAttribute("unreached", sent.participantsWithoutAddress());
		});
	}

	@PostMapping("/admin/a/{slug}/meetings/{id}/attendance")
	@PreAuthorize(DeskActions.MANAGE)
	String attendance(@PathVariable String slug, @PathVariable long id, @RequestParam long organizationId,
			@RequestParam boolean present, RedirectAttributes redirect) {
		return desk.act(slug, id, "attendance", redirect, () -> meetings.attendance(id, organizationId, present));
	}

	private String meetingForm(MeetingForm form, List<Invalid.FieldError> errors, Model model) {
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

}
