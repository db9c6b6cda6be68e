package org.alliancehub.governance;

import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.alliancehub.FormSession;
import org.alliancehub.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ballot page of a correspondence vote (通讯表决): a representative of one of its voters follows the workbench's
 * item to it, reads the motion and votes once; nobody else finds the page.
 */
class BallotPageIntegrationTests extends IntegrationTest {

	GovernanceFixtures f;

	long chair;

	long council;

	long supervisor;

	@BeforeEach
	void alliance() {
		f = new GovernanceFixtures(admin(), client(), "表决页联盟");
		chair = f.organization("CHAIR");
		council = f.organization("COUNCIL");
		supervisor = f.organization("SUPERVISOR");
	}

	long put(String title, String ballot) {
		Map<String, Object> body = new HashMap<>(Map.of("title", title, "text", "请各理事单位于截止时间前表决。\n第二段说明。",
				"ballot", ballot, "electorate", "COUNCIL", "deadline", OffsetDateTime.now().plusDays(7).toString()));
		var put = f.admin.post("/api/v1/alliances/" + f.slug + "/motions", body);
		assertThat(put.status()).as(put.body()).isEqualTo(201);
		return put.json().get("id").asLong();
	}

	FormSession representative(long organization) {
		return FormSession.signIn(f.admin, port, List.of(Map.of("role", "MEMBER_REP", "organizationId", organization)));
	}

	static String ballot(long motion) {
		return "/motions/" + motion + "/ballot";
	}

	/** Votes through the page as its form does; answers the page the redirect leads to. */
	static String vote(FormSession session, long motion, String choice) {
		HttpResponse<String> posted = session.post(ballot(motion), ballot(motion), "choice=" + choice);
		assertThat(posted.statusCode()).as(posted.body()).isEqualTo(302);
		assertThat(posted.headers().firstValue("Location").orElse("")).endsWith(ballot(motion));
		return session.get(ballot(motion)).body();
	}

	@Test
	void aRepresentativeFollowsTheWorkbenchToTheBallotVotesOnceAndTheItemIsGone() {
		String title = "关于修订工作规则的通讯表决" + f.slug;
		long motion = put(title, "OPEN");
		FormSession rep = representative(council);
		assertThat(rep.get("/admin/").body()).contains(title, "href=\"" + ballot(motion) + "\"");

		HttpResponse<String> page = rep.get(ballot(motion));
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains(title, "请各理事单位于截止时间前表决。", "action=\"" + ballot(motion) + "\"",
				"name=\"_csrf\"", "value=\"YES\"", "value=\"NO\"", "value=\"ABSTAIN\"");

		String voted = vote(rep, motion, "NO");
		assertThat(voted).contains("id=\"ballot-confirmation\"", "表决已记录").doesNotContain("value=\"YES\"");
		var receipt = java.util.regex.Pattern.compile("id=\"receipt\">([0-9a-f]+)<").matcher(voted);
		assertThat(receipt.find()).isTrue();
		assertThat(f.rep(council).post("/api/v1/motions/" + motion + "/receipts/verification",
				Map.of("receipt", receipt.group(1))).json().get("choice").asString()).isEqualTo("NO");
		assertThat(rep.get("/admin/").body()).doesNotContain(ballot(motion));
		assertThat(rep.get(ballot(motion)).body()).as("the confirmation is shown once").doesNotContain("id=\"receipt\"")
			.contains("已表决");
	}

	@Test
	void aSecondVoteOfTheSameOrganisationIsRefusedClearlyAndTheFirstStands() {
		long motion = put("关于重复投票的通讯表决" + f.slug, "OPEN");
		FormSession rep = representative(council);
		String csrf = rep.csrf(ballot(motion));
		assertThat(vote(rep, motion, "YES")).contains("id=\"ballot-confirmation\"");
		// the form sent a second time (from a page left open, or another tab)
		HttpResponse<String> again = rep.post(ballot(motion), Map.of("choice", "NO", "organizationId", String.valueOf(council),
				"_csrf", csrf));
		assertThat(again.statusCode()).isEqualTo(302);
		assertThat(rep.get(ballot(motion)).body()).contains("id=\"ballot-refused\"", "本单位已经对此议案投过票")
			.doesNotContain("id=\"ballot-confirmation\"");
		// another representative of the same organisation is refused too
		FormSession colleague = representative(council);
		assertThat(colleague.get(ballot(motion)).body()).doesNotContain("value=\"NO\"");
		assertThat(colleague.post(ballot(motion), Map.of("choice", "NO", "_csrf", colleague.csrf("/admin/")))
			.statusCode()).isEqualTo(302);
		assertThat(colleague.get(ballot(motion)).body()).contains("本单位已经对此议案投过票");
		JsonNode result = f.admin.get("/api/v1/motions/" + motion + "/result").json();
		assertThat(result.get("cast").asInt()).isEqualTo(1);
		assertThat(result.get("yes").asInt()).isEqualTo(1);
		assertThat(result.get("no").asInt()).isZero();
	}

	@Test
	void aSecretBallotPageTellsOnlyHowManyHaveVoted() {
		long motion = put("关于无记名通讯表决" + f.slug, "SECRET");
		assertThat(f.vote(f.rep(chair), motion, "NO").status()).isEqualTo(201);
		FormSession rep = representative(council);
		String page = rep.get(ballot(motion)).body();
		assertThat(page).contains("无记名投票", "已有 1 个单位表决（共 2 个表决单位）");
		String voted = vote(rep, motion, "YES");
		assertThat(voted).contains("id=\"ballot-confirmation\"", "已有 2 个单位表决（共 2 个表决单位）")
			.as("no choice is shown once voted").doesNotContain("赞成", "反对");
		JsonNode result = f.rep(council).get("/api/v1/motions/" + motion + "/result").json();
		assertThat(result.get("cast").asInt()).isEqualTo(2);
		assertThat(result.get("yes").isNull()).as("a secret ballot tells no choices while open").isTrue();
	}

	@Test
	void onlyRepresentativesOfItsVotersFindTheBallotPage() {
		long motion = put("关于访问范围的通讯表决" + f.slug, "OPEN");
		List<FormSession> others = List.of(
				// a supervisor is a member of the alliance but no voter of the council
				representative(supervisor),
				// a representative of another alliance's council member
				otherAllianceRepresentative(),
				// the alliance's own secretariat follows the vote in the back office, not on a ballot
				FormSession.signIn(f.admin, port, List.of(Map.of("role", "SECRETARIAT", "alliance", f.slug))));
		for (FormSession other : others) {
			assertThat(other.get(ballot(motion)).statusCode()).isEqualTo(404);
			String csrf = other.csrf("/admin/");
			assertThat(other.post(ballot(motion), Map.of("choice", "YES", "_csrf", csrf)).statusCode()).isEqualTo(404);
		}
		FormSession anonymous = FormSession.anonymous(port);
		assertThat(anonymous.get(ballot(motion)).statusCode()).isEqualTo(404);
		HttpResponse<String> post = anonymous.post(ballot(motion), Map.of("choice", "YES", "_csrf", anonymous.csrf("/login")));
		assertThat(post.statusCode()).as("a visitor is sent to sign in").isEqualTo(302);
		assertThat(post.headers().firstValue("Location").orElse("")).contains("/login");
		assertThat(f.admin.get("/api/v1/motions/" + motion + "/result").json().get("cast").asInt()).isZero();
	}

	@Test
	void aMotionOfAMeetingHasNoBallotPage() {
		long meeting = f.councilMeeting();
		f.checkIn(meeting, council);
		long motion = f.openMotion(meeting, Map.of("title", "会议议案" + f.slug));
		FormSession rep = representative(council);
		assertThat(rep.get("/meetings/" + meeting).statusCode()).isEqualTo(200);
		assertThat(rep.get(ballot(motion)).statusCode()).isEqualTo(404);
		assertThat(rep.post(ballot(motion), Map.of("choice", "YES", "_csrf", rep.csrf("/meetings/" + meeting))).statusCode())
			.isEqualTo(404);
	}

	FormSession otherAllianceRepresentative() {
		GovernanceFixtures other = new GovernanceFixtures(f.admin, client(), "别的表决页联盟");
		long member = other.organization("COUNCIL");
		return representative(member);
	}
}
