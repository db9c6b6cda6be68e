package org.alliancehub.funding.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.alliancehub.funding.FundingPlans;
import org.alliancehub.identity.Access;
import org.alliancehub.shared.Conflict;
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
 * The funding pages of the back office: the network's plans, a plan with its payers, the motion to link and the
 * form for a payment received, the execution with its chart and workbook; and the payers' statements. Every form
 * posts to the same service the API uses; an invalid form saves nothing and names its fields.
 */
@Controller
class FundingPages {

	private final FundingPlans plans;

	private final FundingApi api;

	private final Access access;

	private final Validator validator;

	FundingPages(FundingPlans plans, FundingApi api, Access access, Validator validator) {
		this.plans = plans;
		this.api = api;
		this.access = access;
		this.validator = validator;
	}

	@GetMapping("/admin/funding")
	@PreAuthorize("@fundingPlans.canPlan()")
	String list(Model model) {
		model.addAttribute("plans", plans.list());
		return "funding/plans";
	}

	@GetMapping("/admin/funding/plans/{id}")
	@PreAuthorize("@access.canManage('funding-plan', #id)")
	String plan(@PathVariable long id, @RequestParam(required = false) @Nullable String error,
			@RequestParam(required = false) @Nullable String done, Model model) {
		model.addAttribute("plan", plans.view(id));
		model.addAttribute("execution", plans.execution(id));
		model.addAttribute("today", plans.today().toString());
		model.addAttribute("error", error);
		model.addAttribute("done", done);
		return "funding/plan";
	}

	@PostMapping("/admin/funding/plans/{id}/motion")
	@PreAuthorize("@access.canManage('funding-plan', #id)")
	String linkMotion(@PathVariable long id, @RequestParam(defaultValue = "") String motionId, RedirectAttributes redirect) {
		return act(id, redirect, () -> {
			List<Invalid.FieldError> errors = new ArrayList<>();
			Long motion = number(motionId, "motionId", errors);
			if (!errors.isEmpty()) {
				throw new Invalid(errors);
			}
			plans.linkMotion(id, motion);
		});
	}

	@PostMapping("/admin/funding/plans/{id}/payments")
	@PreAuthorize("@access.canManage('funding-plan', #id)")
	String pay(@PathVariable long id, @RequestParam(defaultValue = "") String contributionId,
			@RequestParam(defaultValue = "") String amount, @RequestParam(defaultValue = "") String paidOn,
			@RequestParam(defaultValue = "") String reference, @RequestParam(defaultValue = "") String note,
			RedirectAttributes redirect) {
		return act(id, redirect, () -> {
			List<Invalid.FieldError> errors = new ArrayList<>();
			Long contribution = number(contributionId, "contributionId", errors);
			BigDecimal sum = null;
			try {
				sum = new BigDecimal(amount.strip());
			}
			catch (NumberFormatException e) {
				errors.add(new Invalid.FieldError("amount", "a number of 万元"));
			}
			LocalDate date = null;
			try {
				date = LocalDate.parse(paidOn.strip());
			}
			catch (DateTimeParseException e) {
				errors.add(new Invalid.FieldError("paidOn", "a date YYYY-MM-DD"));
			}
			var payment = new FundingPlans.NewPayment(null, null, sum, date, reference, note.isBlank() ? null : note);
			for (ConstraintViolation<FundingPlans.NewPayment> v : validator.validate(payment)) {
				String field = v.getPropertyPath().toString();
				if (errors.stream().noneMatch(e -> e.field().equals(field))) {
					errors.add(new Invalid.FieldError(field, v.getMessage()));
				}
			}
			plans.recordPayment(id, contribution, payment, errors);
		});
	}

	@GetMapping("/admin/funding/plans/{id}/execution")
	@PreAuthorize("@access.canManage('funding-plan', #id)")
	String execution(@PathVariable long id, Model model) {
		model.addAttribute("plan", plans.view(id));
		model.addAttribute("execution", plans.execution(id));
		return "funding/execution";
	}

	@GetMapping("/admin/funding/plans/{id}/execution.xlsx")
	@PreAuthorize("@access.canManage('funding-plan', #id)")
	void executionXlsx(@PathVariable long id, HttpServletResponse response) throws IOException {
		api.writeXlsx(plans.execution(id), response);
	}

	@GetMapping("/admin/funding/statements")
	@PreAuthorize("isAuthenticated()")
	String statements(Model model) {
		model.addAttribute("statements", plans.statementsOf(access.organizationsActedFor()));
		return "funding/statements";
	}

	@GetMapping("/admin/funding/statements/{id}")
	@PreAuthorize("@access.canRead('funding-statement', #id)")
	String statement(@PathVariable long id, Model model) {
		model.addAttribute("s", plans.statement(id));
		return "funding/statement";
	}

	private String act(long id, RedirectAttributes redirect, Runnable action) {
		try {
			action.run();
			redirect.addAttribute("done", "1");
		}
		catch (Invalid e) {
			redirect.addAttribute("error", describe(e));
		}
		catch (Conflict e) {
			redirect.addAttribute("error", e.getMessage());
		}
		return "redirect:/admin/funding/plans/" + id;
	}

	static String describe(Invalid e) {
		return e.errors().stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
	}

	private static @Nullable Long number(String text, String field, List<Invalid.FieldError> errors) {
		try {
			return Long.parseLong(text.strip());
		}
		catch (NumberFormatException e) {
			errors.add(new Invalid.FieldError(field, "a number"));
			return null;
		}
	}
}
