package org.alliancehub.governance;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.alliancehub.FormSession;
import org.alliancehub.IntegrationTest;
import org.alliancehub.TestClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The secretariat publishes a closed motion's result from the meeting desk (issue 9, finding 2: what becomes
 * public is what the secretariat publishes): to the alliance's members or to everyone, and the desk shows to
 * whom it went; until then the result is the participants' alone. And the check-in forms of the desk and the
 * live page check out as well as in.
 */
class MeetingDeskPagesIntegrationTests extends IntegrationTest {

	@Test
	void theSecretariatPublishesAResultOnTheDeskAndItsAudienceReadsIt() {
		GovernanceFixtures f = new GovernanceFixtures(admin(), client(), "结果公布联盟");
		long chair = f.organization("CHAIR");
		long council = f.organization("COUNCIL");
		long member = f.organization("MEMBER");
		long meeting = f.councilMeeting();
		f.checkIn(meeting, chair, council);
		long motion = f.openMotion(meeting, Map.of("title", "关于年度预算的议案", "ballot", "OPEN"));
		long pending = f.propose(meeting, Map.of("title", "尚未表决的议案", "ballot", "OPEN")).json().get("id").asLong();
		assertThat(f.vote(f.rep(chair), motion, "YES").status()).isEqualTo(201);
		assertThat(f.vote(f.rep(council), motion, "NO").status()).isEqualTo(201);
		f.close(motion);
		String result = "/api/v1/motions/" + motion + "/result";
		TestClient memberRep = f.rep(member);
		assertThat(client().get(result).status()).as("not published: nobody outside reads it").isEqualTo(404);
		assertThat(memberRep.get(result).status()).as("a member that took no part").isEqualTo(404);

		FormSession desk = FormSession.signIn(f.admin, port, List.of(Map.of("role", "SECRETARIAT", "alliance", f.slug)));
		String page = "/admin/a/" + f.slug + "/meetings/" + meeting;
		String publish = page + "/motions/" + motion + "/result/publication";
		assertThat(desk.get(page).body()).contains("action=\"" + publish + "\"")
			.doesNotContain("/motions/" + pending + "/result/publication");

		assertThat(location(desk.post(page, publish, "visibility=MEMBERS"))).endsWith(page + "?done=resultPublished");
		var read = memberRep.get(result);
		assertThat(read.status()).as(read.body()).isEqualTo(200);
		assertThat(read.json().get("yes").asInt()).isEqualTo(1);
		assertThat(read.json().get("no").asInt()).isEqualTo(1);
		assertThat(read.json().get("votes").isNull()).as("who voted what stays with those who took part").isTrue();
		assertThat(client().get(result).status()).as("members only").isEqualTo(404);
		assertThat(desk.get(page).body()).contains("data-published=\"MEMBERS\"").contains("结果已向成员公布");

		assertThat(location(desk.post(page, publish, "visibility=PUBLIC"))).endsWith(page + "?done=resultPublished");
		assertThat(client().get(result).status()).isEqualTo(200);
		assertThat(client().get(result).json().get("outcome").isNull()).isFalse();
		assertThat(desk.get(page).body()).contains("data-published=\"PUBLIC\"").contains("结果已公开");

		// a vote not yet held has no result to publish
		assertThat(location(desk.post(page, page + "/motions/" + pending + "/result/publication", "visibility=PUBLIC")))
			.contains("error=");
		assertThat(client().get("/api/v1/motions/" + pending + "/result").status()).isEqualTo(404);
	}

	@Test
	void onlyTheMeetingsSecretariatPublishes() {
		GovernanceFixtures f = new GovernanceFixtures(admin(), client(), "他人结果联盟");
		long chair = f.organization("CHAIR");
		long meeting = f.councilMeeting();
		f.checkIn(meeting, chair);
		long motion = f.openMotion(meeting, Map.of("title", "关于章程修改的议案", "ballot", "SECRET"));
		assertThat(f.vote(f.rep(chair), motion, "YES").status()).isEqualTo(201);
		f.close(motion);

		GovernanceFixtures other = new GovernanceFixtures(f.admin, client(), "别家联盟");
		FormSession outsider = FormSession.signIn(f.admin, port, List.of(Map.of("role", "SECRETARIAT", "alliance", other.slug)));
		String ownPage = "/admin/a/" + other.slug + "/meetings";
		assertThat(outsider.post(ownPage, "/admin/a/" + f.slug + "/meetings/" + meeting + "/motions/" + motion
				+ "/result/publication", "visibility=PUBLIC").statusCode()).as("not its alliance").isIn(403, 404);
		assertThat(outsider.post(ownPage, "/admin/a/" + other.slug + "/meetings/" + meeting + "/motions/" + motion
				+ "/result/publication", "visibility=PUBLIC").statusCode()).as("not its meeting").isEqualTo(404);
		assertThat(client().get("/api/v1/motions/" + motion + "/result").status()).isEqualTo(404);
	}

	@Test
	void theDeskChecksAParticipantOutAsWellAsIn() {
		GovernanceFixtures f = new GovernanceFixtures(admin(), client(), "签到联盟");
		long chair = f.organization("CHAIR");
		long meeting = f.councilMeeting();
		FormSession desk = FormSession.signIn(f.admin, port, List.of(Map.of("role", "SECRETARIAT", "alliance", f.slug)));
		String page = "/admin/a/" + f.slug + "/meetings/" + meeting;
		for (boolean present : new boolean[] { true, false }) {
			// the form as the page renders it: a boolean field must carry its value (jte drops a false attribute)
			String form = "name=\"organizationId\" value=\"" + chair + "\"><input type=\"hidden\" name=\"present\" value=\""
					+ present + "\">";
			assertThat(desk.get(page).body()).contains(form);
			var r = desk.post(page, page + "/attendance", "organizationId=" + chair + "&present=" + present);
			assertThat(location(r)).contains("done=attendance");
			assertThat(f.admin.get("/api/v1/meetings/" + meeting).json().get("present").asInt()).isEqualTo(present ? 1 : 0);
		}
	}

	@Test
	void aRepresentativeChecksItselfOutOnTheLivePage() {
		GovernanceFixtures f = new GovernanceFixtures(admin(), client(), "现场签到联盟");
		long chair = f.organization("CHAIR");
		long meeting = f.councilMeeting();
		FormSession rep = FormSession.signIn(f.admin, port, List.of(Map.of("role", "MEMBER_REP", "organizationId", chair)));
		String page = "/meetings/" + meeting;
		for (boolean present : new boolean[] { true, false }) {
			String form = "name=\"organizationId\" value=\"" + chair + "\"><input type=\"hidden\" name=\"present\" value=\""
					+ present + "\">";
			assertThat(rep.get(page).body()).contains(form);
			assertThat(rep.post(page, page + "/attendance", "organizationId=" + chair + "&present=" + present).statusCode())
				.isEqualTo(302);
			assertThat(f.admin.get("/api/v1/meetings/" + meeting).json().get("present").asInt()).isEqualTo(present ? 1 : 0);
		}
	}

	private static String location(HttpResponse<String> r) {
		assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
		return r.headers().firstValue("Location").orElseThrow();
	}
}
