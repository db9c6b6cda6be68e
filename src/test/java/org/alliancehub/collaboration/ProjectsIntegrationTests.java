package org.alliancehub.collaboration;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.alliancehub.IntegrationTest;
import org.alliancehub.TestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Joint projects: an organisation takes part only once its own representative accepts; the status moves
 * PROPOSED → ACTIVE → COMPLETED or CANCELLED and nothing else; members-only and participants-only projects
 * do not exist for other alliances; every invalid field is named.
 */
class ProjectsIntegrationTests extends IntegrationTest {

	CollaborationFixtures f;

	String slugA;

	String slugB;

	TestClient secA;

	TestClient secB;

	long memberA;

	long otherMemberA;

	long memberB;

	@BeforeEach
	void twoAlliances() {
		f = new CollaborationFixtures(admin(), client());
		slugA = f.alliance("攻关甲联盟");
		slugB = f.alliance("攻关乙联盟");
		secA = f.secretariat(slugA);
		secB = f.secretariat(slugB);
		memberA = f.member(slugA);
		otherMemberA = f.member(slugA);
		memberB = f.member(slugB);
	}

	JsonNode participant(long project, long organization) {
		JsonNode p = admin().get("/api/v1/projects/" + project).json();
		for (JsonNode x : p.get("participants")) {
			if (x.get("organizationId").asLong() == organization) {
				return x;
			}
		}
		return null;
	}

	@Test
	void theLeadTakesPartOnlyOnceItsRepresentativeAccepts() {
		long project = f.project(secA, slugA, memberA, "PUBLIC");
		assertThat(participant(project, memberA).get("status").asString()).isEqualTo("INVITED");
		assertThat(participant(project, memberA).get("role").asString()).isEqualTo("LEAD");
		var accepted = f.rep(memberA).post("/api/v1/projects/" + project + "/participants/" + memberA + "/accept", Map.of());
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
		assertThat(participant(project, memberA).get("status").asString()).isEqualTo("ACCEPTED");
		// answered once
		assertThat(f.rep(memberA).post("/api/v1/projects/" + project + "/participants/" + memberA + "/accept", Map.of())
			.status()).isEqualTo(409);
	}

	@Test
	void anAllianceCannotAddAnotherAlliancesOrganisationWithoutItsRepresentativeAccepting() {
		long project = f.project(secA, slugA, memberA, "PUBLIC");
		var invited = secA.post("/api/v1/projects/" + project + "/participants", Map.of("organizationId", memberB));
		assertThat(invited.status()).as(invited.body()).isEqualTo(201);
		assertThat(invited.json().get("status").asString()).isEqualTo("INVITED");
		// neither the inviting secretariat, nor B's secretariat, nor another organisation's representative accepts for it
		for (TestClient notB : List.of(secA, secB, f.rep(memberA))) {
			var r = notB.post("/api/v1/projects/" + project + "/participants/" + memberB + "/accept", Map.of());
			assertThat(r.status()).as(r.body()).isEqualTo(403);
		}
		assertThat(participant(project, memberB).get("status").asString()).isEqualTo("INVITED");
		assertThat(client().get("/api/v1/alliances/" + slugA + "/projects").body()).contains("\"participants\":0");
		var declined = f.rep(memberB).post("/api/v1/projects/" + project + "/participants/" + memberB + "/decline", Map.of());
		assertThat(declined.status()).as(declined.body()).isEqualTo(200);
		assertThat(participant(project, memberB).get("status").asString()).isEqualTo("DECLINED");
		// invited again, it accepts: only now does it take part
		assertThat(secA.post("/api/v1/projects/" + project + "/participants", Map.of("organizationId", memberB)).status())
			.isEqualTo(201);
		assertThat(f.rep(memberB).post("/api/v1/projects/" + project + "/participants/" + memberB + "/accept", Map.of())
			.status()).isEqualTo(200);
		assertThat(participant(project, memberB).get("status").asString()).isEqualTo("ACCEPTED");
		// inviting one that takes part already is a conflict; an unknown organisation is invalid input
		assertThat(secA.post("/api/v1/projects/" + project + "/participants", Map.of("organizationId", memberB)).status())
			.isEqualTo(409);
		var unknown = secA.post("/api/v1/projects/" + project + "/participants", Map.of("organizationId", 987654321));
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.invalidFields()).containsExactly("organizationId");
	}

	@Test
	void theAdministratorAcceptsOnAnOrganisationsBehalf() {
		long project = f.project(admin(), slugA, memberA, "PUBLIC");
		assertThat(participant(project, memberA).get("status").asString()).isEqualTo("ACCEPTED");
	}

	@Test
	void statusMovesOnlyAlongItsCourse() {
		long project = f.project(secA, slugA, memberA, "PUBLIC");
		String path = "/api/v1/projects/" + project;
		assertThat(secA.patch(path, Map.of("status", "COMPLETED")).status()).isEqualTo(409);
		var active = secA.patch(path, Map.of("status", "ACTIVE", "version", 0));
		assertThat(active.status()).as(active.body()).isEqualTo(200);
		assertThat(active.json().get("status").asString()).isEqualTo("ACTIVE");
		assertThat(secA.patch(path, Map.of("status", "PROPOSED")).status()).isEqualTo(409);
		assertThat(secA.patch(path, Map.of("title", "陈旧版本", "version", 0)).status()).isEqualTo(409);
		assertThat(secA.patch(path, Map.of("status", "COMPLETED")).status()).isEqualTo(200);
		assertThat(secA.patch(path, Map.of("status", "CANCELLED")).status()).isEqualTo(409);
		assertThat(secA.patch(path, Map.of("status", "ACTIVE")).status()).isEqualTo(409);
		// a completed project takes no one and no milestones any more
		assertThat(secA.post(path + "/participants", Map.of("organizationId", memberB)).status()).isEqualTo(409);
		assertThat(secA.post(path + "/milestones", Map.of("workPackage", "WP1", "title", "样机", "dueOn", "2027-01-01"))
			.status()).isEqualTo(409);
		long other = f.project(secA, slugA, memberA, "PUBLIC");
		assertThat(secA.patch("/api/v1/projects/" + other, Map.of("status", "CANCELLED")).status()).isEqualTo(200);
		assertThat(secA.patch("/api/v1/projects/" + other, Map.of("status", "ACTIVE")).status()).isEqualTo(409);
	}

	@Test
	void everyInvalidFieldIsNamed() {
		Map<String, Object> bad = new HashMap<>();
		bad.put("title", " ");
		bad.put("budget", Map.of("enterprise", -5, "government", 12.345));
		var r = secA.post("/api/v1/alliances/" + slugA + "/projects", bad);
		assertThat(r.status()).as(r.body()).isEqualTo(400);
		assertThat(r.invalidFields()).containsExactlyInAnyOrder("title", "leadOrganizationId", "budget.enterprise",
				"budget.government");
		var domain = secA.post("/api/v1/alliances/" + slugA + "/projects", Map.of("title", "日期颠倒", "leadOrganizationId",
				987654321, "startsOn", "2026-06-01", "endsOn", "2026-01-01", "alliances", List.of(slugB)));
		assertThat(domain.status()).as(domain.body()).isEqualTo(400);
		assertThat(domain.invalidFields()).containsExactlyInAnyOrder("leadOrganizationId", "endsOn", "alliances");
		var years = secA.post("/api/v1/alliances/" + slugA + "/projects", Map.of("title", "远年", "leadOrganizationId", memberA,
				"startsOn", "0001-01-01", "endsOn", "9999-12-31"));
		assertThat(years.status()).as(years.body()).isEqualTo(400);
		assertThat(years.invalidFields()).containsExactlyInAnyOrder("startsOn", "endsOn");
		assertThat(secA.post("/api/v1/alliances/" + slugA + "/projects", Map.of("title", "坏枚举", "leadOrganizationId",
				memberA, "visibility", "SECRET")).status()).isEqualTo(400);
		long project = f.project(secA, slugA, memberA, "PUBLIC");
		var milestone = secA.post("/api/v1/projects/" + project + "/milestones", Map.of("title", ""));
		assertThat(milestone.status()).isEqualTo(400);
		assertThat(milestone.invalidFields()).containsExactlyInAnyOrder("workPackage", "title", "dueOn");
	}

	@Test
	void onlyTheOwningSecretariatManagesAProject() {
		long project = f.project(secA, slugA, memberA, "PUBLIC");
		assertThat(secB.patch("/api/v1/projects/" + project, Map.of("title", "篡改")).status()).isEqualTo(403);
		assertThat(f.rep(memberA).patch("/api/v1/projects/" + project, Map.of("title", "篡改")).status()).isEqualTo(403);
		assertThat(client().patch("/api/v1/projects/" + project, Map.of("title", "篡改")).status()).isEqualTo(401);
		assertThat(secB.post("/api/v1/alliances/" + slugA + "/projects", Map.of("title", "越权", "leadOrganizationId", memberB))
			.status()).isEqualTo(403);
		assertThat(client().get("/api/v1/projects/987654321").status()).isEqualTo(404);
	}

	@Test
	void membersOnlyAndParticipantsOnlyProjectsDoNotExistForOtherAlliances() {
		long members = f.project(secA, slugA, memberA, "MEMBERS");
		long participants = f.project(secA, slugA, memberA, "PARTICIPANTS");
		long outsider = f.organization();
		for (TestClient stranger : List.of(client(), secB, f.rep(memberB), f.rep(outsider))) {
			for (long p : List.of(members, participants)) {
				var r = stranger.get("/api/v1/projects/" + p);
				assertThat(r.status()).as(r.body()).isEqualTo(404);
				assertThat(stranger.patch("/api/v1/projects/" + p, Map.of("title", "x")).status()).isIn(401, 404);
			}
			String list = stranger.get("/api/v1/alliances/" + slugA + "/projects").body();
			assertThat(list).doesNotContain("\"id\":" + members + ",").doesNotContain("\"id\":" + participants + ",");
			assertThat(stranger.get("/api/v1/projects?size=100&q=联合攻关").body()).doesNotContain("\"id\":" + members + ",");
		}
		// a member of A reads the members-only project, not the participants' workspace
		assertThat(f.rep(otherMemberA).get("/api/v1/projects/" + members).status()).isEqualTo(200);
		assertThat(f.rep(otherMemberA).get("/api/v1/projects/" + participants).status()).isEqualTo(404);
		assertThat(f.rep(otherMemberA).get("/api/v1/alliances/" + slugA + "/projects").json().get("total").asLong())
			.isEqualTo(1);
		// the invited lead reads both; B's member, once invited, reads the workspace it is asked to join
		assertThat(f.rep(memberA).get("/api/v1/projects/" + participants).status()).isEqualTo(200);
		secA.post("/api/v1/projects/" + participants + "/participants", Map.of("organizationId", memberB));
		assertThat(f.rep(memberB).get("/api/v1/projects/" + participants).status()).isEqualTo(200);
		assertThat(secA.get("/api/v1/alliances/" + slugA + "/projects").json().get("total").asLong()).isEqualTo(2);
	}

	@Test
	void aPublicProjectsPageNamesTheReportingOrganisationBeforeItsReport() {
		long project = f.project(secA, slugA, memberA, "PUBLIC");
		f.rep(memberA).post("/api/v1/projects/" + project + "/participants/" + memberA + "/accept", Map.of());
		long milestone = secA.post("/api/v1/projects/" + project + "/milestones", Map.of("workPackage", "WP1 材料", "title",
				"公开样件", "dueOn", "2026-09-30")).json().get("id").asLong();
		var report = f.rep(memberA).post("/api/v1/projects/" + project + "/milestones/" + milestone + "/reports",
				Map.of("body", "公开项目完成浇铸", "organizationId", memberA));
		assertThat(report.status()).as(report.body()).isEqualTo(201);
		var shown = client().get("/a/" + slugA + "/projects/" + project);
		assertThat(shown.status()).as(shown.body()).isEqualTo(200);
		assertThat(shown.body()).contains("：公开项目完成浇铸").doesNotContain("ctx.colon");
	}

	@Test
	void participantsDeliverAndReportOnMilestones() {
		long project = f.project(secA, slugA, memberA, "PARTICIPANTS");
		f.rep(memberA).post("/api/v1/projects/" + project + "/participants/" + memberA + "/accept", Map.of());
		var m = secA.post("/api/v1/projects/" + project + "/milestones", Map.of("workPackage", "WP1 材料", "title",
				"高铬合金样件", "dueOn", "2026-09-30"));
		assertThat(m.status()).as(m.body()).isEqualTo(201);
		long milestone = m.json().get("id").asLong();
		String base = "/api/v1/projects/" + project + "/milestones/" + milestone;
		var delivered = f.rep(memberA).upload(base + "/deliverable", "样件检测报告.pdf", pdf());
		assertThat(delivered.status()).as(delivered.body()).isEqualTo(200);
		assertThat(delivered.json().get("deliverable").get("filename").asString()).isEqualTo("样件检测报告.pdf");
		assertThat(f.rep(memberA).getBytes(base + "/deliverable").status()).isEqualTo(200);
		var report = f.rep(memberA).post(base + "/reports", Map.of("body", "完成样件浇铸", "organizationId", memberA));
		assertThat(report.status()).as(report.body()).isEqualTo(201);
		assertThat(report.json().get("reports").get(0).get("body").asString()).isEqualTo("完成样件浇铸");
		// an invited organisation that has not accepted reads, but does not work on the project
		secA.post("/api/v1/projects/" + project + "/participants", Map.of("organizationId", memberB));
		assertThat(f.rep(memberB).post(base + "/reports", Map.of("body", "未接受也想汇报")).status()).isEqualTo(403);
		assertThat(f.rep(memberB).post(base + "/reports", Map.of("body", "代人汇报", "organizationId", memberA)).status())
			.isEqualTo(403);
		var empty = f.rep(memberA).post(base + "/reports", Map.of("body", ""));
		assertThat(empty.status()).isEqualTo(400);
		assertThat(empty.invalidFields()).containsExactly("body");
		var done = secA.patch(base, Map.of("status", "DONE"));
		assertThat(done.status()).as(done.body()).isEqualTo(200);
		assertThat(done.json().get("status").asString()).isEqualTo("DONE");
		assertThat(secA.patch("/api/v1/projects/" + project + "/milestones/987654321", Map.of("status", "DONE")).status())
			.isEqualTo(404);
	}

	@Test
	void aNetworkProjectRunsWithSeveralAlliances() {
		String network = "lmxfw"; // the demo network
		assertThat(client().get("/api/v1/alliances/" + network).status()).isEqualTo(200);
		var r = admin().post("/api/v1/alliances/" + network + "/projects", Map.of("title", "跨领域协同攻关", "leadOrganizationId",
				memberA, "alliances", List.of(slugA, slugB)));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		assertThat(r.json().get("networkProject").asBoolean()).isTrue();
		long id = r.json().get("id").asLong();
		assertThat(client().get("/api/v1/alliances/" + slugB + "/projects").body()).contains("\"id\":" + id + ",");
		assertThat(client().get("/api/v1/alliances/" + network + "/projects?size=100").json().get("total").asLong())
			.isGreaterThan(0);
		// the alliances' own secretariats do not run the network's project
		assertThat(secA.patch("/api/v1/projects/" + id, Map.of("title", "改名")).status()).isEqualTo(403);
	}

	static byte[] pdf() {
		return ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj "
				+ "3 0 obj<</Type/Page/MediaBox[0 0 10 10]/Parent 2 0 R>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
			.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
	}
}
