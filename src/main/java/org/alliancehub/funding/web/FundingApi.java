package org.alliancehub.funding.web;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.alliancehub.funding.ExecutionView;
import org.alliancehub.funding.FundingPlanView;
import org.alliancehub.funding.FundingPlans;
import org.alliancehub.funding.StatementView;
import org.alliancehub.funding.internal.ExecutionWorkbook;
import org.alliancehub.identity.Access;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The network's funding plans: drafted and edited by the network, approved by a BUDGET motion of the network,
 * payments recorded by the network; each payer reads its own statement.
 */
@RestController
@Tag(name = "funding")
class FundingApi {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final FundingPlans plans;

	private final ExecutionWorkbook workbook;

	private final Access access;

	FundingApi(FundingPlans plans, ExecutionWorkbook workbook, Access access) {
		this.plans = plans;
		this.workbook = workbook;
		this.access = access;
	}

	@PostMapping("/api/v1/funding-plans")
	@PreAuthorize("@fundingPlans.canPlan()")
	@Operation(summary = "Draft the network's funding plan for a year: sources with planned amounts (万元) and contributions per payer (alliance or organizationId)")
	ResponseEntity<FundingPlanView> create(@Valid @RequestBody FundingPlans.NewPlan body) {
		FundingPlanView p = plans.create(body);
		return ResponseEntity.created(URI.create("/api/v1/funding-plans/" + p.id())).body(p);
	}

	@GetMapping("/api/v1/funding-plans")
	@PreAuthorize("@fundingPlans.canPlan()")
	@Operation(summary = "The network's funding plans, newest year first")
	List<FundingPlans.PlanLine> list() {
		return plans.list();
	}

	@GetMapping("/api/v1/funding-plans/{id}")
	@PreAuthorize("@access.canRead('funding-plan', #id)")
	@Operation(summary = "A funding plan with its sources, contributions, motion and the decisions on it")
	FundingPlanView get(@PathVariable long id) {
		return plans.view(id);
	}

	@PatchMapping("/api/v1/funding-plans/{id}")
	@PreAuthorize("@access.canManage('funding-plan', #id)")
	@Operation(summary = "Change a draft plan (title, sources, contributions replace the plan's; version required); an approved plan answers 409")
	FundingPlanView update(@PathVariable long id, @Valid @RequestBody FundingPlans.PlanPatch body) {
		return plans.update(id, body);
	}

	@PostMapping("/api/v1/funding-plans/{id}/motion")
	@PreAuthorize("@access.canManage('funding-plan', #id)")
	@Operation(summary = "Link a BUDGET motion of the network: the plan is approved when the motion is adopted")
	FundingPlanView linkMotion(@PathVariable long id, @Valid @RequestBody FundingPlans.MotionLink body) {
		return plans.linkMotion(id, body.motionId());
	}

	@PostMapping("/api/v1/funding-plans/{id}/payments")
	@PreAuthorize("@access.canManage('funding-plan', #id)")
	@Operation(summary = "Record a payment received by bank transfer (payer, amount, paidOn, reference unique per plan); answers the payer's statement")
	ResponseEntity<StatementView> pay(@PathVariable long id, @Valid @RequestBody FundingPlans.NewPayment body) {
		StatementView s = plans.recordPayment(id, body);
		return ResponseEntity.created(URI.create("/api/v1/funding-statements/" + s.id())).body(s);
	}

	@GetMapping("/api/v1/funding-plans/{id}/execution")
	@PreAuthorize("@access.canRead('funding-plan', #id)")
	@Operation(summary = "Planned against received, by source and by payer")
	ExecutionView execution(@PathVariable long id) {
		return plans.execution(id);
	}

	@GetMapping("/api/v1/funding-plans/{id}/execution.xlsx")
	@PreAuthorize("@access.canRead('funding-plan', #id)")
	@Operation(summary = "The plan's execution as a workbook")
	void executionXlsx(@PathVariable long id, HttpServletResponse response) throws IOException {
		writeXlsx(plans.execution(id), response);
	}

	@GetMapping("/api/v1/funding-statements")
	@PreAuthorize("isAuthenticated()")
	@Operation(summary = "The statements of the payers the caller acts for (its organisation, the alliance whose secretariat it is)")
	List<StatementView> mine() {
		return plans.statementsOf(access.organizationsActedFor());
	}

	@GetMapping("/api/v1/funding-statements/{id}")
	@PreAuthorize("@access.canRead('funding-statement', #id)")
	@Operation(summary = "A payer's statement: due, paid, outstanding, overpaid, with payments and reminders")
	StatementView statement(@PathVariable long id) {
		return plans.statement(id);
	}

	void writeXlsx(ExecutionView e, HttpServletResponse response) throws IOException {
		response.setContentType(XLSX);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename("funding-" + e.year() + "-" + e.planId() + ".xlsx").build().toString());
		workbook.write(e, LocaleContextHolder.getLocale(), response.getOutputStream());
	}
}
