package org.alliancehub.standards;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.alliancehub.IntegrationTest;
import org.alliancehub.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static org.alliancehub.standards.StandardsFixtures.comment;
import static org.alliancehub.standards.StandardsFixtures.period;
import static org.alliancehub.standards.StandardsFixtures.today;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The way of a group standard through the API, and every refusal on it. */
class StandardsIntegrationTests extends IntegrationTest {

	@Autowired
	TestClock clock;

	@Autowired
	Standards standards;

	StandardsFixtures f;

	@BeforeEach
	void alliance() {
		f = new StandardsFixtures(admin(), client());
	}

	@Test
	void aStandardGoesFromProposalThroughPublicCommentAndTwoVotesToPublication() {
		long id = f.started();
		JsonNode started = f.standard(id);
		assertThat(started.get("history").valueStream().map(h -> h.get("event").asString()))
			.contains("proposed", "start-motion-linked", "approved-to-start");

		assertThat(f.secretariat.post("/api/v1/standards/" + id + "/drafting-group", Map.of("organizationId", f.council1)).status())
			.isEqualTo(201);
		assertThat(f.secretariat.post("/api/v1/standards/" + id + "/drafting-group",
				Map.of("expertName", "李教授", "affiliation", "某大学流体机械研究所")).status()).isEqualTo(201);
		var v1 = f.rep(f.council1).post("/api/v1/standards/" + id + "/drafts",
				Map.of("text", "1 范围\n本文件规定了铸件的技术要求。\n\n2 要求\n硬度不低于 HRC58。", "note", "征求意见稿初稿"));
		assertThat(v1.status()).as("a drafting unit's representative drafts: " + v1.body()).isEqualTo(201);
		assertThat(v1.json().get("version").asInt()).isEqualTo(1);
		assertThat(f.stage(id)).isEqualTo("DRAFTING");
		var v2 = f.secretariat.post("/api/v1/standards/" + id + "/drafts",
				Map.of("text", "1 范围\n本文件规定了铸件的技术要求和试验方法。\n\n2 要求\n硬度不低于 HRC58。\n3 试验方法\n按 GB/T 230.1 测定。"));
		assertThat(v2.json().get("version").asInt()).isEqualTo(2);

		JsonNode diff = f.anonymous.get("/api/v1/standards/" + id + "/drafts/2/diff?against=1").json();
		assertThat(diff.get("changed").asInt()).isEqualTo(1);
		assertThat(diff.get("added").asInt()).isEqualTo(2);
		JsonNode changed = diff.get("rows").valueStream().filter(r -> r.get("kind").asString().equals("CHANGE")).findFirst().orElseThrow();
		assertThat(changed.get("after").valueStream().filter(s -> s.get("marked").asBoolean()).map(s -> s.get("text").asString()))
			.containsExactly("和试验方法");

		var opened = f.secretariat.post("/api/v1/standards/" + id + "/comment-period", period(today(), 30));
		assertThat(opened.status()).as(opened.body()).isEqualTo(200);
		assertThat(opened.json().get("stage").asString()).isEqualTo("COMMENT");
		var anonymous = f.anonymous.post("/api/v1/standards/" + id + "/comments", comment("2"));
		assertThat(anonymous.status()).as("anyone comments, signed in or not: " + anonymous.body()).isEqualTo(201);
		long commentId = anonymous.json().get("id").asLong();
		var second = f.rep(f.council3).post("/api/v1/standards/" + id + "/comments", comment("3"));
		assertThat(second.status()).isEqualTo(201);
		assertThat(f.standard(id).get("comments").get(0).get("contact").isNull()).as("the contact is the secretariat's only").isTrue();
		assertThat(f.secretariat.get("/api/v1/standards/" + id).json().get("comments").get(0).get("contact").asString())
			.isEqualTo("zhang@example.org");

		assertThat(f.secretariat.post("/api/v1/standards/" + id + "/stage", Map.of("stage", "REVIEW")).status())
			.as("the comment period runs on").isEqualTo(409);
		clock.moveTo(today().plusDays(31).atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant().plusSeconds(3600));
		try {
			f.signInAgain();
			assertThat(f.anonymous.post("/api/v1/standards/" + id + "/comments", comment("1")).status())
				.as("the period is over").isEqualTo(409);
			assertThat(f.secretariat.post("/api/v1/standards/" + id + "/stage", Map.of("stage", "REVIEW")).status()).isEqualTo(200);
			assertThat(f.secretariat.post("/api/v1/standards/" + id + "/stage", Map.of("stage", "VOTE")).status())
				.as("no expert has reviewed it").isEqualTo(409);
			var review = f.secretariat.post("/api/v1/standards/" + id + "/reviews",
					Map.of("reviewer", "王研究员", "affiliation", "国家泵类产品质量检验检测中心", "conclusion", "PASS_WITH_CHANGES",
							"opinion", "建议补充冲击韧性要求。"));
			assertThat(review.status()).as(review.body()).isEqualTo(201);
			assertThat(f.secretariat.post("/api/v1/standards/" + id + "/stage", Map.of("stage", "VOTE")).status()).isEqualTo(200);

			long approval = f.motion(List.of(f.council1));
			assertThat(f.secretariat.post("/api/v1/standards/" + id + "/motions", Map.of("motionId", approval)).status()).isEqualTo(200);
			f.decide(approval, List.of(f.council1), "YES");
			await().atMost(Duration.ofSeconds(10)).until(() -> f.standard(id).get("approvalAdopted").asBoolean());

			Map<String, Object> publication = Map.of("number", StandardsFixtures.number(today().plusDays(31).getYear()), "issuedOn",
					today().plusDays(31).toString(), "effectiveOn", today().plusDays(61).toString());
			assertThat(f.secretariat.post("/api/v1/standards/" + id + "/publish", publication).status())
				.as("two comments without a disposition").isEqualTo(409);
			var refused = f.secretariat.post("/api/v1/comments/" + commentId + "/disposition", Map.of("disposition", "NOT_ACCEPTED"));
			assertThat(refused.status()).isEqualTo(400);
			assertThat(refused.invalidFields()).containsExactly("reason");
			assertThat(f.secretariat.post("/api/v1/comments/" + commentId + "/disposition",
					Map.of("disposition", "PARTLY_ACCEPTED", "reason", "提高到 HRC59，兼顾韧性。")).status()).isEqualTo(200);
			assertThat(f.secretariat.post("/api/v1/comments/" + second.json().get("id").asLong() + "/disposition",
					Map.of("disposition", "ACCEPTED")).status()).isEqualTo(200);
			assertThat(f.secretariat.post("/api/v1/standards/" + id + "/publish", publication).status())
				.as("no final PDF yet").isEqualTo(409);
			assertThat(f.secretariat.upload("/api/v1/standards/" + id + "/document", "T-CGMA-001.pdf", StandardsFixtures.PDF).status())
				.isEqualTo(200);
			var published = f.secretariat.post("/api/v1/standards/" + id + "/publish", publication);
			assertThat(published.status()).as(published.body()).isEqualTo(200);
			assertThat(published.json().get("stage").asString()).isEqualTo("PUBLISHED");
			assertThat(f.anonymous.getBytes("/api/v1/standards/" + id + "/document").bytes()).isEqualTo(StandardsFixtures.PDF);
			assertThat(f.secretariat.post("/api/v1/comments/" + commentId + "/disposition", Map.of("disposition", "ACCEPTED"))
				.status()).as("the disposition table is final once published").isEqualTo(409);
		}
		finally {
			clock.reset();
		}
		JsonNode done = f.standard(id);
		assertThat(done.get("history").valueStream().map(h -> h.get("to").asString()).distinct())
			.containsExactly("PROPOSED", "APPROVED_TO_START", "DRAFTING", "COMMENT", "REVIEW", "VOTE", "PUBLISHED");
		assertThat(done.get("comments").valueStream().map(c -> c.get("disposition").asString()))
			.containsExactly("PARTLY_ACCEPTED", "ACCEPTED");
		String number = done.get("number").asString();
		assertThat(standards.byNumber(number)).hasValueSatisfying(r -> {
			assertThat(r.id()).isEqualTo(id);
			assertThat(r.alliance()).isEqualTo(f.slug);
			assertThat(r.stage()).isEqualTo(StandardStage.PUBLISHED);
		});
		assertThat(standards.byNumber(number.replace('—', '-'))).isPresent();
		JsonNode register = f.anonymous.get("/api/v1/alliances/" + f.slug + "/standards?stage=PUBLISHED").json();
		assertThat(register.get("items").get(0).get("number").asString()).isEqualTo(number);

		var withdrawn = f.secretariat.post("/api/v1/standards/" + id + "/stage", Map.of("stage", "WITHDRAWN"));
		assertThat(withdrawn.status()).as("withdrawal needs its reason").isEqualTo(400);
		assertThat(withdrawn.invalidFields()).containsExactly("reason");
		assertThat(f.secretariat.post("/api/v1/standards/" + id + "/stage", Map.of("stage", "REVISED", "reason", "依据新版国家标准修订")).status())
			.isEqualTo(200);
		assertThat(f.standard(id).get("history").valueStream().map(h -> h.get("reason").asString()))
			.contains("依据新版国家标准修订");
	}

	@Test
	void aProposalNamesEveryInvalidField() {
		long outsiderOrg = f.organization(null);
		var r = f.secretariat.post("/api/v1/alliances/" + f.slug + "/standards",
				Map.of("title", "", "proposingOrganizationIds", List.of()));
		assertThat(r.status()).isEqualTo(400);
		assertThat(r.invalidFields()).contains("title", "scope", "reasons", "proposingOrganizationIds");
		var notMembers = f.propose(Map.of("proposingOrganizationIds", List.of(f.chair, outsiderOrg), "projectId", 999_999_999));
		assertThat(notMembers.status()).isEqualTo(400);
		assertThat(notMembers.invalidFields()).containsExactlyInAnyOrder("proposingOrganizationIds[1]", "projectId");
	}

	@Test
	void onlyTheAlliancesSecretariatProposesAndManages() {
		assertThat(f.anonymous.post("/api/v1/alliances/" + f.slug + "/standards", Map.of()).status()).isEqualTo(401);
		Map<String, Object> valid = Map.of("title", "标准", "scope", "范围", "reasons", "理由", "proposingOrganizationIds", List.of(f.chair));
		assertThat(f.rep(f.chair).post("/api/v1/alliances/" + f.slug + "/standards", valid).status()).isEqualTo(403);
		assertThat(f.outsider().post("/api/v1/alliances/" + f.slug + "/standards", valid).status()).isEqualTo(403);
		long id = f.proposed();
		assertThat(f.outsider().post("/api/v1/standards/" + id + "/stage", Map.of("stage", "WITHDRAWN", "reason", "x")).status())
			.isEqualTo(403);
		assertThat(f.rep(f.chair).post("/api/v1/standards/" + id + "/drafting-group", Map.of("organizationId", f.chair)).status())
			.isEqualTo(403);
		assertThat(f.anonymous.get("/api/v1/standards/999999999").status()).isEqualTo(404);
		assertThat(f.secretariat.post("/api/v1/comments/999999999/disposition", Map.of("disposition", "ACCEPTED")).status())
			.isEqualTo(404);
	}

	@Test
	void onlyAGroupStandardMotionOfTheAllianceStartsAStandardAndARejectedOneLeavesItProposed() {
		long id = f.proposed();
		var ordinary = f.secretariat.post("/api/v1/alliances/" + f.slug + "/motions", Map.of("title", "普通议案", "type", "ORDINARY",
				"electorate", "COUNCIL", "deadline", java.time.OffsetDateTime.now().plusDays(7).toString()));
		assertThat(ordinary.status()).as(ordinary.body()).isEqualTo(201);
		var wrongType = f.secretariat.post("/api/v1/standards/" + id + "/motions", Map.of("motionId", ordinary.json().get("id").asLong()));
		assertThat(wrongType.status()).isEqualTo(400);
		assertThat(wrongType.invalidFields()).containsExactly("motionId");
		StandardsFixtures other = new StandardsFixtures(admin(), client());
		long foreign = other.motion(List.of(other.chair));
		assertThat(f.secretariat.post("/api/v1/standards/" + id + "/motions", Map.of("motionId", foreign)).invalidFields())
			.as("another alliance's motion").containsExactly("motionId");

		long motion = f.motion(List.of(f.chair));
		assertThat(f.secretariat.post("/api/v1/standards/" + id + "/motions", Map.of("motionId", motion)).status()).isEqualTo(200);
		f.decide(motion, List.of(f.chair), "NO");
		await().atMost(Duration.ofSeconds(10)).until(() -> f.standard(id).get("history").valueStream()
			.anyMatch(h -> h.get("event").asString().equals("start-motion-rejected")));
		assertThat(f.stage(id)).isEqualTo("PROPOSED");
		long again = f.motion(List.of(f.chair));
		assertThat(f.secretariat.post("/api/v1/standards/" + id + "/motions", Map.of("motionId", again)).status())
			.as("after a rejection another vote may be linked").isEqualTo(200);
		assertThat(f.secretariat.post("/api/v1/standards/" + id + "/publish",
				Map.of("number", "T/CGMA 002—2026", "issuedOn", "2026-01-01", "effectiveOn", "2026-02-01")).status())
			.as("no adopted approval vote").isEqualTo(409);
	}

	@Test
	void theApprovalVoteMustLeaveOutEveryDraftingUnit() {
		long id = f.inComment();
		clock.moveTo(today().plusDays(31).atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant().plusSeconds(3600));
		try {
			f.signInAgain();
			assertThat(f.secretariat.post("/api/v1/standards/" + id + "/stage", Map.of("stage", "REVIEW")).status()).isEqualTo(200);
			f.secretariat.post("/api/v1/standards/" + id + "/reviews", Map.of("reviewer", "王研究员", "conclusion", "PASS"));
			assertThat(f.secretariat.post("/api/v1/standards/" + id + "/stage", Map.of("stage", "VOTE")).status()).isEqualTo(200);
			long lettingDraftersVote = f.motion(List.of(f.chair));
			var r = f.secretariat.post("/api/v1/standards/" + id + "/motions", Map.of("motionId", lettingDraftersVote));
			assertThat(r.status()).as("council1 drafted it and would vote").isEqualTo(400);
			assertThat(r.invalidFields()).containsExactly("motionId");
		}
		finally {
			clock.reset();
		}
	}

	@Test
	void publicationIsRefusedUntilEveryConditionHoldsAndItsFieldsAreChecked() {
		long id = f.proposed();
		var invalid = f.secretariat.post("/api/v1/standards/" + id + "/publish",
				Map.of("number", "GB 123", "issuedOn", "2026-05-01", "effectiveOn", "2026-04-01"));
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.invalidFields()).containsExactlyInAnyOrder("number", "effectiveOn");
		var missing = f.secretariat.post("/api/v1/standards/" + id + "/publish", Map.of());
		assertThat(missing.invalidFields()).containsExactlyInAnyOrder("number", "issuedOn", "effectiveOn");
		assertThat(f.secretariat.post("/api/v1/standards/" + id + "/publish",
				Map.of("number", "T/CGMA 001—2026", "issuedOn", "2026-05-01", "effectiveOn", "2026-06-01")).status())
			.as("still a proposal").isEqualTo(409);
	}

	@Test
	void theCommentPeriodLastsAtLeastThirtyDaysAndCommentsNeedNameOrganisationAndContact() {
		long id = f.drafted();
		var past = f.secretariat.post("/api/v1/standards/" + id + "/comment-period", period(today().minusDays(1), 40));
		assertThat(past.invalidFields()).containsExactly("from");
		var shortPeriod = f.secretariat.post("/api/v1/standards/" + id + "/comment-period", period(today(), 29));
		assertThat(shortPeriod.status()).isEqualTo(400);
		assertThat(shortPeriod.invalidFields()).containsExactly("to");
		assertThat(f.anonymous.post("/api/v1/standards/" + id + "/comments", comment("1")).status())
			.as("no comment period yet").isEqualTo(409);
		assertThat(f.secretariat.post("/api/v1/standards/" + id + "/comment-period", period(today(), 30)).status()).isEqualTo(200);
		var empty = f.anonymous.post("/api/v1/standards/" + id + "/comments", Map.of("text", ""));
		assertThat(empty.status()).isEqualTo(400);
		assertThat(empty.invalidFields()).containsExactlyInAnyOrder("clause", "text", "name", "organization", "contact");
		var robot = f.anonymous.post("/api/v1/standards/" + id + "/comments",
				new java.util.HashMap<>(Map.of("clause", "1", "text", "买药", "name", "x", "organization", "x", "contact", "x",
						"website", "http://spam.example")));
		assertThat(robot.status()).as("the honeypot").isEqualTo(400);
		assertThat(robot.invalidFields()).containsExactly("website");
		var tooLong = f.anonymous.post("/api/v1/standards/" + id + "/comments",
				Map.of("clause", "1", "text", "长".repeat(5_001), "name", "x", "organization", "x", "contact", "x"));
		assertThat(tooLong.invalidFields()).containsExactly("text");
		assertThat(f.standard(id).get("comments").size()).isZero();
		assertThat(f.secretariat.post("/api/v1/standards/" + id + "/drafts", Map.of("text", "改")).status())
			.as("the draft under comment stays as it is").isEqualTo(409);
	}

	@Test
	void draftsComeFromTheSecretariatOrADraftingUnitAndTheirDifferenceNeedsText() {
		long id = f.drafted();
		assertThat(f.rep(f.council2).post("/api/v1/standards/" + id + "/drafts", Map.of("text", "外人")).status())
			.as("not a drafting unit").isEqualTo(403);
		assertThat(f.anonymous.post("/api/v1/standards/" + id + "/drafts", Map.of("text", "外人")).status()).isEqualTo(401);
		var file = f.secretariat.upload("/api/v1/standards/" + id + "/drafts", "draft.pdf", StandardsFixtures.PDF);
		assertThat(file.status()).as(file.body()).isEqualTo(201);
		assertThat(f.anonymous.get("/api/v1/standards/" + id + "/drafts/2/diff?against=1").status())
			.as("a PDF has no text to compare").isEqualTo(409);
		assertThat(f.anonymous.get("/api/v1/standards/" + id + "/drafts/9/diff?against=1").status()).isEqualTo(404);
		var text = f.secretariat.upload("/api/v1/standards/" + id + "/drafts", "draft.txt",
				"1 范围\n本文件规定了铸件的技术要求。\n2 要求\n硬度不低于 HRC60。".getBytes(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(text.status()).as(text.body()).isEqualTo(201);
		JsonNode diff = f.anonymous.get("/api/v1/standards/" + id + "/drafts/3/diff?against=1").json();
		assertThat(diff.get("changed").asInt()).isEqualTo(1);
		assertThat(diff.get("added").asInt() + diff.get("removed").asInt()).isZero();
	}

	@Test
	void theDraftingGroupTakesAnOrganisationOrAnExpertButNotBothNorTwice() {
		long id = f.started();
		var both = f.secretariat.post("/api/v1/standards/" + id + "/drafting-group", Map.of("organizationId", f.council1, "expertName", "李"));
		assertThat(both.invalidFields()).containsExactlyInAnyOrder("organizationId", "expertName");
		assertThat(f.secretariat.post("/api/v1/standards/" + id + "/drafting-group", Map.of("organizationId", 999_999_999))
			.invalidFields()).containsExactly("organizationId");
		assertThat(f.secretariat.post("/api/v1/standards/" + id + "/drafting-group", Map.of("organizationId", f.council1)).status())
			.isEqualTo(201);
		assertThat(f.secretariat.post("/api/v1/standards/" + id + "/drafting-group", Map.of("organizationId", f.council1)).status())
			.isEqualTo(409);
	}

	@Test
	void aCommentPeriodRefusesCommentsBeforeItStarts() {
		long id = f.drafted();
		LocalDate from = today().plusDays(3);
		assertThat(f.secretariat.post("/api/v1/standards/" + id + "/comment-period", period(from, 30)).status()).isEqualTo(200);
		assertThat(f.anonymous.post("/api/v1/standards/" + id + "/comments", comment("1")).status()).isEqualTo(409);
	}
}
