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
import org.alliancehub.funding.FundingTypes;
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

	private final org.alliancehub.network.Alliances alliances;

	FundingPages(FundingPlans plans, FundingApi api, Access access, Validator validator,
			org.alliancehub.network.Alliances alliances) {
		this.alliances = alliances;
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

	@GetMapping("/admin/funding/plans/new")
	@PreAuthorize("@fundingPlans.canPlan()")
	String newPlan(Model model) {
		return planForm(new PlanForm(java.util.Map.of("year", String.valueOf(plans.today().getYear() + 1))), null, model);
	}

	/**
	 * Drafts a plan from the form: the rows filled in become its sources and contributions, in order. A wrong
	 * form saves nothing and comes back as typed, each wrong field named by its row ({@code contributions[2].amount}).
	 */
	@PostMapping("/admin/funding/plans")
	@PreAuthorize("@fundingPlans.canPlan()")
	String create(@RequestParam java.util.Map<String, String> params, Model model) {
		PlanForm form = new PlanForm(params);
		List<Invalid.FieldError> errors = new ArrayList<>();
		Integer year = null;
		try {
			year = Integer.valueOf(form.v("year").strip());
		}
		catch (NumberFormatException e) {
			errors.add(new Invalid.FieldError("year", "a number"));
		}
		List<Integer> sourceRows = new ArrayList<>();
		List<FundingPlans.SourceInput> sources = new ArrayList<>();
		for (int i = 0; i < PlanForm.SOURCE_ROWS; i++) {
			if (form.v("kind", i).isBlank() && form.v("planned", i).isBlank()) {
				continue;
			}
			String at = "sources[" + i + "].";
			sourceRows.add(i);
			sources.add(new FundingPlans.SourceInput(kind(form.v("kind", i), at + "kind", errors),
					decimal(form.v("planned", i), at + "planned", errors), blank(form.v("sourceNote", i))));
		}
		List<Integer> contributionRows = new ArrayList<>();
		List<FundingPlans.ContributionInput> contributions = new ArrayList<>();
		for (int i = 0; i < PlanForm.CONTRIBUTION_ROWS; i++) {
			if (form.v("alliance", i).isBlank() && form.v("organizationId", i).isBlank() && form.v("amount", i).isBlank()) {
				continue;
			}
			String at = "contributions[" + i + "].";
			contributionRows.add(i);
			Long organization = form.v("organizationId", i).isBlank() ? null : number(form.v("organizationId", i), at + "organizationId", errors);
			LocalDate due = null;
			try {
				due = LocalDate.parse(form.v("dueOn", i).strip());
			}
			catch (DateTimeParseException e) {
				errors.add(new Invalid.FieldError(at + "dueOn", "a date YYYY-MM-DD"));
			}
			contributions.add(new FundingPlans.ContributionInput(blank(form.v("alliance", i)), organization,
					kind(form.v("source", i), at + "source", errors), decimal(form.v("amount", i), at + "amount", errors), due));
		}
		try {
			var plan = new FundingPlans.NewPlan(year, form.v("title").strip(), sources, contributions);
			for (ConstraintViolation<FundingPlans.NewPlan> v : validator.validate(plan)) {
				String field = rows(v.getPropertyPath().toString(), sourceRows, contributionRows);
				if (errors.stream().noneMatch(e -> e.field().equals(field))) {
					errors.add(new Invalid.FieldError(field, v.getMessage()));
				}
			}
			org.alliancehub.web.FormErrors.check(errors);
			long id;
			try {
				id = plans.create(plan).id();
			}
			catch (Invalid e) {
				throw new Invalid(e.errors().stream()
					.map(f -> new Invalid.FieldError(rows(f.field(), sourceRows, contributionRows), f.message()))
					.toList());
			}
			return "redirect:/admin/funding/plans/" + id + "?done=1";
		}
		catch (Invalid e) {
			return planForm(form, org.alliancehub.web.FormErrors.describe(e), model);
		}
		catch (Conflict e) {
			return planForm(form, e.getMessage(), model);
		}
	}

	/** A field of the plan's lists ({@code contributions[1].amount}) named by the row of the form it came from. */
	private static String rows(String field, List<Integer> sourceRows, List<Integer> contributionRows) {
		var m = java.util.regex.Pattern.compile("(sources|contributions)\\[(\\d+)](.*)").matcher(field);
		if (!m.matches()) {
			return field;
		}
		List<Integer> rows = m.group(1).equals("sources") ? sourceRows : contributionRows;
		int index = Integer.parseInt(m.group(2));
		return index < rows.size() ? m.group(1) + "[" + rows.get(index) + "]" + m.group(3) : field;
	}

	private static FundingTypes.@Nullable SourceKind kind(String text, String field, List<Invalid.FieldError> errors) {
		try {
			return FundingTypes.SourceKind.valueOf(text.strip());
		}
		catch (IllegalArgumentException e) {
			errors.add(new Invalid.FieldError(field, "choose a source"));
			return null;
		}
	}

	private static @Nullable BigDecimal decimal(String text, String field, List<Invalid.FieldError> errors) {
		try {
			return new BigDecimal(text.strip());
		}
		catch (NumberFormatException e) {
			errors.add(new Invalid.FieldError(field, "a number of 万元"));
			return null;
		}
	}

	private static @Nullable String blank(String s) {
		return s.isBlank() ? null : s.strip();
	}

	private String planForm(PlanForm form, @Nullable String error, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("error", error);
		model.addAttribute("kinds", List.of(FundingTypes.SourceKind.values()));
		model.addAttribute("alliances", alliances.list().stream().map(a -> new PlanForm.AllianceChoice(a.slug(), a.name())).toList());
		return "funding/plan-form";
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
