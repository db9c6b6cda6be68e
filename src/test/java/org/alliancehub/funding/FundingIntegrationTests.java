package org.alliancehub.funding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import org.alliancehub.FormSession;
import org.alliancehub.IntegrationTest;
import org.alliancehub.TestClient;
import org.alliancehub.TestClock;
import org.alliancehub.funding.internal.FundingReminders;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The network's funding plan: approved only by an adopted BUDGET motion of the network, payments recorded by the
 * network with every invalid field named, execution computed from the payments, each payer reading only its own
 * statement, and reminders once per round to those who have not paid in full.
 */
class FundingIntegrationTests extends IntegrationTest {

	static final String NETWORK = "lmxfw";

	static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

	@Autowired
	FundingReminders reminders;

	@Autowired
	TestClock clock;

	TestClient admin;

	TestClient anonymous;

	String slugA;

	String slugB;

	TestClient secA;

	TestClient secB;

	String secAMail;

	String secAName;

	String contactB;

	long org;

	TestClient rep;

	String repMail;

	@BeforeEach
	void payers() {
		admin = admin();
		anonymous = client();
		String u = UUID.randomUUID().toString().substring(0, 6);
		slugA = "fund-a-" + u;
		slugB = "fund-b-" + u;
		contactB = "contact-" + u + "@example.org";
		assertThat(admin.post("/api/v1/alliances", Map.of("slug", slugA, "name", "经费甲联盟" + u)).status()).isEqualTo(201);
		assertThat(admin.post("/api/v1/alliances", Map.of("slug", slugB, "name", "经费乙联盟" + u, "contact",
				Map.of("email", contactB))).status()).isEqualTo(201);
		secAMail = "seca-" + u + "@example.org";
		secAName = "seca" + u;
		secA = user(secAName, secAMail, Map.of("role", "SECRETARIAT", "alliance", slugA));
		secB = user("secb" + u, "secb-" + u + "@example.org", Map.of("role", "SECRETARIAT", "alliance", slugB));
		org = admin.post("/api/v1/organizations", Map.of("name", "经费单位" + u, "type", "ENTERPRISE")).json().get("id").asLong();
		repMail = "rep-" + u + "@example.org";
		rep = user("rep" + u, repMail, Map.of("role", "MEMBER_REP", "organizationId", org));
	}

	private TestClient user(String username, String email, Map<String, Object> role) {
		var r = admin.post("/api/v1/users", Map.of("username", username, "displayName", "经费用户", "email", email, "password",
				"password-" + username, "roles", List.of(role)));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return anonymous.login(username, "password-" + username);
	}

	private Map<String, Object> planBody(LocalDate due) {
		return Map.of("year", 2027, "title", "2027年度经费预算", "sources", List.of(
				Map.of("kind", "MEMBERSHIP_FEES", "planned", "100.00"), Map.of("kind", "GOVERNMENT_GRANT", "planned", 50)),
				"contributions", List.of(
						Map.of("alliance", slugA, "source", "MEMBERSHIP_FEES", "amount", "50.00", "dueOn", due.toString()),
						Map.of("alliance", slugB, "source", "MEMBERSHIP_FEES", "amount", 30, "dueOn", due.toString()),
						Map.of("organizationId", org, "source", "GOVERNMENT_GRANT", "amount", "20.5", "dueOn", due.toString())));
	}

	private long draft(LocalDate due) {
		var r = admin.post("/api/v1/funding-plans", planBody(due));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		assertThat(r.header("Location")).endsWith("/api/v1/funding-plans/" + r.json().get("id").asLong());
		assertThat(r.json().get("status").asString()).isEqualTo("DRAFT");
		return r.json().get("id").asLong();
	}

	/** A correspondence vote of the network's council (or an alliance's) of the given type, open. */
	private long motion(String slug, String type) {
		var r = admin.post("/api/v1/alliances/" + slug + "/motions", Map.of("title", "关于年度经费预算的通讯表决", "type", type,
				"ballot", "OPEN", "electorate", "COUNCIL", "deadline", OffsetDateTime.now().plusDays(30).toString()));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.json().get("id").asLong();
	}

	/** A representative of each voting organisation, made once for the whole class. */
	static final Map<Long, TestClient> VOTERS = new java.util.concurrent.ConcurrentHashMap<>();

	/** Every voter votes {@code choice} through its representative, then the vote is closed. */
	private void decide(long motion, String choice) {
		var voters = admin.get("/api/v1/motions/" + motion + "/voters");
		assertThat(voters.status()).as(voters.body()).isEqualTo(200);
		for (JsonNode v : voters.json()) {
			TestClient voter = VOTERS.computeIfAbsent(v.asLong(), o -> {
				String u = "fvote" + UUID.randomUUID().toString().substring(0, 8);
				return user(u, u + "@example.org", Map.of("role", "MEMBER_REP", "organizationId", o));
			});
			var vote = voter.post("/api/v1/motions/" + motion + "/votes", Map.of("choice", choice, "organizationId", v.asLong()));
			assertThat(vote.status()).as(vote.body()).isEqualTo(201);
		}
		var c = admin.post("/api/v1/motions/" + motion + "/close", Map.of());
		assertThat(c.status()).as(c.body()).isEqualTo(200);
	}

	private JsonNode plan(long id) {
		var r = admin.get("/api/v1/funding-plans/" + id);
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		return r.json();
	}

	private long approved(LocalDate due) {
		long id = draft(due);
		long m = motion(NETWORK, "BUDGET");
		assertThat(admin.post("/api/v1/funding-plans/" + id + "/motion", Map.of("motionId", m)).status()).isEqualTo(200);
		decide(m, "YES");
		await().atMost(Duration.ofSeconds(10)).until(() -> plan(id).get("status").asString().equals("APPROVED"));
		return id;
	}

	private long contribution(long plan, String payerName) {
		for (JsonNode c : plan(plan).get("contributions")) {
			if (payerName.equals(c.get("payer").path("alliance").asString(null))
					|| payerName.equals(String.valueOf(c.get("payer").get("organizationId").asLong())) && c.get("payer").path("alliance").isNull()) {
				return c.get("id").asLong();
			}
		}
		throw new AssertionError("no contribution of " + payerName);
	}

	private TestClient.Response pay(long plan, Map<String, Object> payer, Object amount, LocalDate on, String reference) {
		Map<String, Object> body = new HashMap<>(payer);
		body.put("amount", amount);
		body.put("paidOn", on.toString());
		body.put("reference", reference);
		return admin.post("/api/v1/funding-plans/" + plan + "/payments", body);
	}

	// ---- approval

	@Test
	void planIsApprovedOnlyByAnAdoptedBudgetMotionOfTheNetwork() {
		long id = draft(TODAY.plusDays(30));
		var ordinary = admin.post("/api/v1/funding-plans/" + id + "/motion", Map.of("motionId", motion(NETWORK, "ORDINARY")));
		assertThat(ordinary.status()).isEqualTo(400);
		assertThat(ordinary.invalidFields()).containsExactly("motionId");
		var ofAlliance = admin.post("/api/v1/funding-plans/" + id + "/motion", Map.of("motionId", motion("hebei-zhajiangbeng", "BUDGET")));
		assertThat(ofAlliance.status()).isEqualTo(400);
		assertThat(ofAlliance.invalidFields()).containsExactly("motionId");
		assertThat(admin.post("/api/v1/funding-plans/" + id + "/motion", Map.of("motionId", 0)).status()).isEqualTo(400);
		assertThat(plan(id).get("motionId").isNull()).isTrue();

		long budget = motion(NETWORK, "BUDGET");
		var linked = admin.post("/api/v1/funding-plans/" + id + "/motion", Map.of("motionId", budget));
		assertThat(linked.status()).as(linked.body()).isEqualTo(200);
		assertThat(linked.json().get("status").asString()).isEqualTo("DRAFT");
		// the linked motion's vote is open: another one does not replace it
		assertThat(admin.post("/api/v1/funding-plans/" + id + "/motion", Map.of("motionId", motion(NETWORK, "BUDGET"))).status())
			.isEqualTo(409);
		decide(budget, "YES");
		await().atMost(Duration.ofSeconds(10)).until(() -> plan(id).get("status").asString().equals("APPROVED"));
		JsonNode p = plan(id);
		assertThat(p.get("decisions").get(0).get("outcome").asString()).isEqualTo("ADOPTED");
		assertThat(p.get("approvedAt").isNull()).isFalse();

		// an approved plan is not edited
		var patch = admin.patch("/api/v1/funding-plans/" + id, Map.of("title", "改写", "version", p.get("version").asLong()));
		assertThat(patch.status()).isEqualTo(409);
		assertThat(admin.post("/api/v1/funding-plans/" + id + "/motion", Map.of("motionId", motion(NETWORK, "BUDGET"))).status())
			.isEqualTo(409);
		assertThat(plan(id).get("title").asString()).isEqualTo("2027年度经费预算");
	}

	@Test
	void aRejectedBudgetMotionLeavesThePlanADraftAndIsRecorded() {
		long id = draft(TODAY.plusDays(30));
		long budget = motion(NETWORK, "BUDGET");
		admin.post("/api/v1/funding-plans/" + id + "/motion", Map.of("motionId", budget));
		decide(budget, "NO");
		await().atMost(Duration.ofSeconds(10)).until(() -> plan(id).get("decisions").size() == 1);
		JsonNode p = plan(id);
		assertThat(p.get("status").asString()).isEqualTo("DRAFT");
		assertThat(p.get("decisions").get(0).get("outcome").asString()).isEqualTo("REJECTED");
		// no payment on a draft
		assertThat(pay(id, Map.of("alliance", slugA), 10, TODAY, "R-" + UUID.randomUUID()).status()).isEqualTo(409);
		// the draft is still edited (with its version), and a new motion may be linked after the rejection
		var patch = admin.patch("/api/v1/funding-plans/" + id, Map.of("title", "2027年度经费预算（修订）", "version",
				p.get("version").asLong()));
		assertThat(patch.status()).as(patch.body()).isEqualTo(200);
		assertThat(admin.patch("/api/v1/funding-plans/" + id, Map.of("title", "过期", "version", p.get("version").asLong()))
			.status()).isEqualTo(409);
		assertThat(admin.post("/api/v1/funding-plans/" + id + "/motion", Map.of("motionId", motion(NETWORK, "BUDGET"))).status())
			.isEqualTo(200);
	}

	// ---- payments and execution

	@Test
	void paymentsAreRecordedAndExecutionIsComputedFromThem() throws Exception {
		long id = approved(TODAY.plusDays(30));
		var first = pay(id, Map.of("alliance", slugA), "30", TODAY.minusDays(2), "TR-A-1-" + id);
		assertThat(first.status()).as(first.body()).isEqualTo(201);
		assertThat(first.json().get("outstanding").decimalValue()).isEqualByComparingTo("20.00");
		var second = pay(id, Map.of("alliance", slugA), "25.00", TODAY, "TR-A-2-" + id);
		assertThat(second.json().get("paid").decimalValue()).isEqualByComparingTo("55.00");
		assertThat(second.json().get("outstanding").decimalValue()).isEqualByComparingTo("0");
		assertThat(second.json().get("overpaid").decimalValue()).isEqualByComparingTo("5.00");
		assertThat(pay(id, Map.of("organizationId", org), "10.25", TODAY, "TR-O-1-" + id).status()).isEqualTo(201);

		JsonNode e = admin.get("/api/v1/funding-plans/" + id + "/execution").json();
		assertThat(e.get("planned").decimalValue()).isEqualByComparingTo("150.00");
		assertThat(e.get("due").decimalValue()).isEqualByComparingTo("100.50");
		assertThat(e.get("received").decimalValue()).isEqualByComparingTo("65.25");
		assertThat(e.get("rate").decimalValue()).isEqualByComparingTo("43.5");
		JsonNode fees = e.get("bySource").get(0);
		assertThat(fees.get("source").asString()).isEqualTo("MEMBERSHIP_FEES");
		assertThat(fees.get("planned").decimalValue()).isEqualByComparingTo("100");
		assertThat(fees.get("due").decimalValue()).isEqualByComparingTo("80");
		assertThat(fees.get("received").decimalValue()).isEqualByComparingTo("55");
		assertThat(fees.get("rate").decimalValue()).isEqualByComparingTo("55.0");
		JsonNode grant = e.get("bySource").get(1);
		assertThat(grant.get("received").decimalValue()).isEqualByComparingTo("10.25");
		assertThat(grant.get("rate").decimalValue()).isEqualByComparingTo("20.5");
		JsonNode b = e.get("byPayer").get(1);
		assertThat(b.get("payer").get("alliance").asString()).isEqualTo(slugB);
		assertThat(b.get("received").decimalValue()).isEqualByComparingTo("0");
		assertThat(b.get("outstanding").decimalValue()).isEqualByComparingTo("30");

		var xlsx = admin.getBytes("/api/v1/funding-plans/" + id + "/execution.xlsx");
		assertThat(xlsx.status()).isEqualTo(200);
		try (var book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.bytes()))) {
			var sources = book.getSheetAt(0);
			assertThat(sources.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(100.0);
			assertThat(sources.getRow(1).getCell(3).getNumericCellValue()).isEqualTo(55.0);
			assertThat(sources.getRow(3).getCell(3).getNumericCellValue()).isEqualTo(65.25);
			assertThat(book.getSheetAt(1).getRow(1).getCell(6).getNumericCellValue()).isEqualTo(5.0);
		}
		// the back office: a payment through the form, then the execution page with its chart
		var browser = FormSession.signIn(port, "admin", ADMIN_PASSWORD);
		String planPage = "/admin/funding/plans/" + id;
		var form = browser.post(planPage, planPage + "/payments", "contributionId=" + contribution(id, slugB)
				+ "&amount=1.75&paidOn=" + TODAY + "&reference=FORM-" + id);
		assertThat(form.statusCode()).isEqualTo(302);
		assertThat(form.headers().firstValue("Location").orElse("")).contains("done=1");
		var refused = browser.post(planPage, planPage + "/payments", "contributionId=" + contribution(id, slugB)
				+ "&amount=x&paidOn=" + TODAY.plusDays(3) + "&reference=");
		assertThat(java.net.URLDecoder.decode(refused.headers().firstValue("Location").orElse(""), java.nio.charset.StandardCharsets.UTF_8))
			.contains("amount", "paidOn", "reference");
		var page = browser.get(planPage + "/execution");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("funding-chart", "echarts.min.js", "67");
		assertThat(browser.get(planPage).body()).contains("1.75");
	}

	@Test
	void invalidPaymentsAreRefusedNamingEveryField() {
		long id = approved(TODAY.plusDays(30));
		var empty = admin.post("/api/v1/funding-plans/" + id + "/payments", Map.of());
		assertThat(empty.status()).isEqualTo(400);
		assertThat(empty.invalidFields()).contains("amount", "paidOn", "reference");
		var bad = pay(id, Map.of("alliance", "no-such-alliance"), 0, TODAY.plusDays(1), " ");
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.invalidFields()).contains("amount", "reference");
		var future = pay(id, Map.of("alliance", "no-such-alliance"), 5, TODAY.plusDays(1), "X-" + id);
		assertThat(future.status()).isEqualTo(400);
		assertThat(future.invalidFields()).containsExactlyInAnyOrder("alliance", "paidOn");
		var both = pay(id, Map.of("alliance", slugA, "organizationId", org), 5, TODAY, "Y-" + id);
		assertThat(both.invalidFields()).containsExactly("alliance");
		assertThat(pay(id, Map.of("alliance", slugA), 5, TODAY, "DUP-" + id).status()).isEqualTo(201);
		assertThat(pay(id, Map.of("alliance", slugB), 5, TODAY, "DUP-" + id).status()).isEqualTo(409);
		assertThat(admin.get("/api/v1/funding-statements/" + contribution(id, slugB)).json().get("paid").decimalValue())
			.isEqualByComparingTo("0");
	}

	@Test
	void invalidPlansAreRefusedNamingEveryField() {
		var empty = admin.post("/api/v1/funding-plans", Map.of());
		assertThat(empty.status()).isEqualTo(400);
		assertThat(empty.invalidFields()).contains("year", "title", "sources", "contributions");
		var bad = admin.post("/api/v1/funding-plans", Map.of("year", 2027, "title", "预算", "sources", List.of(
				Map.of("kind", "MEMBERSHIP_FEES", "planned", 10), Map.of("kind", "MEMBERSHIP_FEES", "planned", 5)),
				"contributions", List.of(
						Map.of("alliance", "no-such-alliance", "source", "SPONSORSHIP", "amount", 5, "dueOn", "2027-03-31"),
						Map.of("alliance", slugA, "source", "MEMBERSHIP_FEES", "amount", 5, "dueOn", "2027-03-31"),
						Map.of("alliance", slugA, "source", "MEMBERSHIP_FEES", "amount", 5, "dueOn", "2027-03-31"),
						Map.of("alliance", NETWORK, "source", "MEMBERSHIP_FEES", "amount", 5, "dueOn", "2027-03-31"))));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.invalidFields()).contains("sources[1].kind", "contributions[0].source", "contributions[0].alliance",
				"contributions[2].alliance", "contributions[3].alliance");
		var amounts = admin.post("/api/v1/funding-plans", Map.of("year", 1999, "title", "预算", "sources", List.of(
				Map.of("kind", "OTHER", "planned", "1.234")), "contributions", List.of(
						Map.of("organizationId", org, "source", "OTHER", "amount", -1, "dueOn", "2027-03-31"))));
		assertThat(amounts.status()).isEqualTo(400);
		assertThat(amounts.invalidFields()).contains("year", "sources[0].planned", "contributions[0].amount");
		// only the network plans: a secretariat of an alliance is refused, a visitor asked to sign in
		assertThat(secA.post("/api/v1/funding-plans", planBody(TODAY)).status()).isEqualTo(403);
		assertThat(anonymous.post("/api/v1/funding-plans", planBody(TODAY)).status()).isEqualTo(401);
	}

	// ---- the back-office form for a new plan

	private static String form(Map<String, String> fields) {
		return fields.entrySet().stream()
			.map(e -> e.getKey() + "=" + java.net.URLEncoder.encode(e.getValue(), java.nio.charset.StandardCharsets.UTF_8))
			.collect(java.util.stream.Collectors.joining("&"));
	}

	@Test
	void aPlanIsDraftedThroughTheBackOfficeFormAndAWrongFormSavesNothingAndComesBackAsTyped() {
		var browser = FormSession.signIn(port, "admin", ADMIN_PASSWORD);
		assertThat(browser.get("/admin/funding").body()).contains("/admin/funding/plans/new");
		var page = browser.get("/admin/funding/plans/new");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("name=\"kind-0\"", "name=\"amount-9\"", slugA);
		String title = "表单预算" + slugA;
		int plans = admin.get("/api/v1/funding-plans").json().size();

		// wrong numbers, a date and a blank source: every field named by its row, the form as typed
		Map<String, String> wrong = new java.util.LinkedHashMap<>();
		wrong.put("year", "二〇二七");
		wrong.put("title", title);
		wrong.put("kind-0", "MEMBERSHIP_FEES");
		wrong.put("planned-0", "一百");
		wrong.put("sourceNote-0", "按会费标准");
		wrong.put("alliance-2", slugA);
		wrong.put("source-2", "");
		wrong.put("amount-2", "-5");
		wrong.put("dueOn-2", "明年三月");
		var refused = browser.post("/admin/funding/plans/new", "/admin/funding/plans", form(wrong));
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("id=\"plan-error\"", "year", "sources[0].planned", "contributions[2].source",
				"contributions[2].amount", "contributions[2].dueOn")
			.contains("value=\"二〇二七\"", "value=\"" + title + "\"", "value=\"一百\"", "value=\"按会费标准\"",
					"value=\"-5\"", "value=\"明年三月\"", "value=\"" + slugA + "\"");
		assertThat(refused.body()).containsPattern("<option value=\"MEMBERSHIP_FEES\" selected");

		// what only the service knows (an unknown alliance, a payer twice) is named by the row too
		Map<String, String> unknown = new java.util.LinkedHashMap<>();
		unknown.put("year", "2027");
		unknown.put("title", title);
		unknown.put("kind-1", "MEMBERSHIP_FEES");
		unknown.put("planned-1", "80");
		unknown.put("alliance-1", "no-such-alliance-" + slugA);
		unknown.put("source-1", "MEMBERSHIP_FEES");
		unknown.put("amount-1", "10");
		unknown.put("dueOn-1", "2027-03-31");
		var stranger = browser.post("/admin/funding/plans/new", "/admin/funding/plans", form(unknown));
		assertThat(stranger.statusCode()).isEqualTo(200);
		assertThat(stranger.body()).contains("contributions[1].alliance").doesNotContain("contributions[0]");
		// without the CSRF token, or by a secretariat of an alliance: refused
		assertThat(browser.post("/admin/funding/plans", Map.of("year", "2027", "title", title, "kind-0", "OTHER",
				"planned-0", "1")).statusCode()).isEqualTo(403);
		var secretariat = FormSession.signIn(port, secAName, "password-" + secAName);
		assertThat(secretariat.get("/admin/funding/plans/new").statusCode()).isEqualTo(403);
		assertThat(admin.get("/api/v1/funding-plans").json().size()).isEqualTo(plans);

		// the right form: the rows filled in, in order, become the plan
		Map<String, String> right = new java.util.LinkedHashMap<>();
		right.put("year", "2027");
		right.put("title", title);
		right.put("kind-0", "MEMBERSHIP_FEES");
		right.put("planned-0", "100.00");
		right.put("kind-2", "GOVERNMENT_GRANT");
		right.put("planned-2", "50");
		right.put("sourceNote-2", "市工信局");
		right.put("alliance-0", slugA);
		right.put("source-0", "MEMBERSHIP_FEES");
		right.put("amount-0", "50");
		right.put("dueOn-0", TODAY.plusDays(30).toString());
		right.put("organizationId-3", String.valueOf(org));
		right.put("source-3", "GOVERNMENT_GRANT");
		right.put("amount-3", "20.5");
		right.put("dueOn-3", TODAY.plusDays(30).toString());
		var created = browser.post("/admin/funding/plans/new", "/admin/funding/plans", form(right));
		assertThat(created.statusCode()).isEqualTo(302);
		String location = created.headers().firstValue("Location").orElse("");
		assertThat(location).matches(".*/admin/funding/plans/\\d+\\?done=1");
		long id = Long.parseLong(location.replaceAll(".*/plans/(\\d+).*", "$1"));
		JsonNode plan = plan(id);
		assertThat(plan.get("title").asString()).isEqualTo(title);
		assertThat(plan.get("status").asString()).isEqualTo("DRAFT");
		assertThat(plan.get("sources")).hasSize(2);
		assertThat(plan.get("sources").get(1).get("note").asString()).isEqualTo("市工信局");
		assertThat(plan.get("contributions")).hasSize(2);
		assertThat(contribution(id, slugA)).isPositive();
		assertThat(contribution(id, String.valueOf(org))).isPositive();
		assertThat(browser.get(location.replaceAll("^https?://[^/]+", "")).body()).contains(title);
		assertThat(admin.get("/api/v1/funding-plans").json().size()).isEqualTo(plans + 1);
	}

	// ---- statements

	@Test
	void aSecretariatSeesOnlyItsOwnStatement() {
		long id = approved(TODAY.plusDays(30));
		long a = contribution(id, slugA);
		long b = contribution(id, slugB);
		long o = contribution(id, String.valueOf(org));
		pay(id, Map.of("alliance", slugA), 12, TODAY, "S-" + id);

		var own = secA.get("/api/v1/funding-statements/" + a);
		assertThat(own.status()).as(own.body()).isEqualTo(200);
		assertThat(own.json().get("paid").decimalValue()).isEqualByComparingTo("12");
		assertThat(own.json().get("outstanding").decimalValue()).isEqualByComparingTo("38");
		assertThat(secA.get("/api/v1/funding-statements/" + b).status()).isEqualTo(404);
		assertThat(secA.get("/api/v1/funding-statements/" + o).status()).isEqualTo(404);
		assertThat(secB.get("/api/v1/funding-statements/" + b).status()).isEqualTo(200);
		assertThat(rep.get("/api/v1/funding-statements/" + o).status()).isEqualTo(200);
		assertThat(rep.get("/api/v1/funding-statements/" + a).status()).isEqualTo(404);
		assertThat(anonymous.get("/api/v1/funding-statements/" + a).status()).isEqualTo(404);
		assertThat(admin.get("/api/v1/funding-statements/" + b).status()).isEqualTo(200);
		var mine = secA.get("/api/v1/funding-statements").json();
		assertThat(mine).hasSize(1);
		assertThat(mine.get(0).get("id").asLong()).isEqualTo(a);
		// the plan, its execution and its payments are the network's
		assertThat(secA.get("/api/v1/funding-plans/" + id).status()).isEqualTo(404);
		assertThat(secA.get("/api/v1/funding-plans/" + id + "/execution").status()).isEqualTo(404);
		assertThat(rep.get("/api/v1/funding-plans/" + id + "/execution.xlsx").status()).isEqualTo(404);
		assertThat(secA.post("/api/v1/funding-plans/" + id + "/payments", Map.of("alliance", slugA, "amount", 1, "paidOn",
				TODAY.toString(), "reference", "SELF-" + id)).status()).isEqualTo(404);
		assertThat(secA.get("/api/v1/funding-plans").status()).isEqualTo(403);
		// the pages say the same
		var browser = FormSession.signIn(port, secAName, "password-" + secAName);
		assertThat(browser.get("/admin/funding/statements/" + a).statusCode()).isEqualTo(200);
		assertThat(browser.get("/admin/funding/statements/" + b).statusCode()).isEqualTo(404);
		assertThat(browser.get("/admin/funding/plans/" + id).statusCode()).isEqualTo(404);
		assertThat(browser.get("/admin/funding/statements").body()).contains("/admin/funding/statements/" + a + "\"")
			.doesNotContain("/admin/funding/statements/" + b + "\"");
	}

	@Test
	void theDemoNetworkHasADraftFundingPlanMarkedAsDemoData() {
		JsonNode demo = null;
		for (JsonNode p : admin.get("/api/v1/funding-plans").json()) {
			if (p.get("demo").asBoolean()) {
				demo = p;
			}
		}
		assertThat(demo).as("the demo plan").isNotNull();
		assertThat(demo.get("status").asString()).isEqualTo("DRAFT");
		var browser = FormSession.signIn(port, "admin", ADMIN_PASSWORD);
		assertThat(browser.get("/admin/funding").body()).contains("/admin/funding/plans/" + demo.get("id").asLong());
		assertThat(browser.get("/admin/funding/plans/" + demo.get("id").asLong()).body()).contains("id=\"demo-data\"");
	}

	// ---- reminders

	@Test
	void remindersGoOncePerRoundAndNotToThoseWhoPaid() throws Exception {
		long id = approved(TODAY.minusDays(1));
		pay(id, Map.of("alliance", slugB), 30, TODAY, "PAID-B-" + id); // B has paid in full
		pay(id, Map.of("organizationId", org), 20, TODAY, "PART-O-" + id); // O still owes 0.50
		long a = contribution(id, slugA);
		try {
			reminders.remindPayers();
			reminders.remindPayers(); // the same round again: nothing more
			assertThat(mailsTo(secAMail)).isEqualTo(1);
			assertThat(mailsTo(repMail)).isEqualTo(1);
			assertThat(mailsTo(contactB)).isZero();
			assertThat(secA.get("/api/v1/funding-statements/" + a).json().get("reminders")).hasSize(1);
			// the next round, two weeks on
			clock.moveTo(java.time.Instant.now().plus(Duration.ofDays(15)));
			reminders.remindPayers();
			reminders.remindPayers();
			assertThat(mailsTo(secAMail)).isEqualTo(2);
			assertThat(mailsTo(repMail)).isEqualTo(2);
			assertThat(mailsTo(contactB)).isZero();
			MimeMessage m = lastTo(secAMail);
			assertThat(m.getSubject()).contains("2027");
			assertThat(plainText(m)).contains("50.00", "/admin/funding/statements/" + a);
		}
		finally {
			clock.reset();
		}
	}

	private static long mailsTo(String address) {
		return java.util.Arrays.stream(MAIL.getReceivedMessages()).filter(m -> {
			try {
				return java.util.Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equals(address));
			}
			catch (jakarta.mail.MessagingException e) {
				return false;
			}
		}).count();
	}

	private static MimeMessage lastTo(String address) throws Exception {
		List<MimeMessage> to = new ArrayList<>();
		for (MimeMessage m : MAIL.getReceivedMessages()) {
			if (java.util.Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equals(address))) {
				to.add(m);
			}
		}
		return to.get(to.size() - 1);
	}
}
