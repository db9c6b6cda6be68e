package org.alliancehub.governance.web;

import org.alliancehub.shared.Strings;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import jakarta.validation.Validator;
import org.alliancehub.content.Visibility;
import org.alliancehub.governance.internal.Ballots;
import org.alliancehub.governance.GovernanceTypes.Ballot;
import org.alliancehub.governance.GovernanceTypes.Majority;
import org.alliancehub.governance.GovernanceTypes.MotionType;
import org.alliancehub.governance.internal.Motions;
import org.alliancehub.governance.internal.NewMotion;
import org.alliancehub.shared.Invalid;
import org.alliancehub.shared.NotFound;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The motions of a meeting on the secretariat's desk: propose one, open and close its vote, publish its result. */
@Controller
class MotionDesk {

	private final DeskActions desk;

	private final Motions motions;

	private final Ballots ballots;

	private final Validator validator;

	MotionDesk(DeskActions desk, Motions motions, Ballots ballots, Validator validator) {
		this.desk = desk;
		this.motions = motions;
		this.ballots = ballots;
		this.validator = validator;
	}

	@PostMapping("/admin/a/{slug}/meetings/{id}/motions")
	@PreAuthorize(DeskActions.MANAGE)
	String propose(@PathVariable String slug, @PathVariable long id, @RequestParam(defaultValue = "") String title,
			@RequestParam(defaultValue = "") String text, @RequestParam(defaultValue = "ORDINARY") MotionType type,
			@RequestParam Ballot ballot, @RequestParam(required = false) @Nullable Majority majority,
			@RequestParam(defaultValue = "") String quorum, @RequestParam(required = false) @Nullable List<Long> drafting,
			RedirectAttributes redirect) {
		return desk.act(slug, id, "proposed", redirect, () -> {
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
			NewMotion motion = new NewMotion(title.strip(), Strings.blankToNull(text), ballot, majority, q, null, type,
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
	@PreAuthorize(DeskActions.MANAGE)
	String vote(@PathVariable String slug, @PathVariable long id, @PathVariable long motion,
			@PathVariable String action, RedirectAttributes redirect) {
		return desk.act(slug, id, action.equals("open") ? "opened" : "closed", redirect, () -> {
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
	@PreAuthorize(DeskActions.MANAGE + " and @access.canManage('motion', #motion)")
	String publishResult(@PathVariable String slug, @PathVariable long id, @PathVariable long motion,
			@RequestParam(defaultValue = "PUBLIC") Visibility visibility, RedirectAttributes redirect) {
		return desk.act(slug, id, "resultPublished", redirect, () -> {
			if (!java.util.Objects.equals(motions.motion(motion).meetingId(), id)) {
				throw new NotFound("motion " + motion);
			}
			ballots.publishResult(motion, visibility);
		});
	}

}
