package org.alliancehub.admin;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.alliancehub.FormSession;
import org.alliancehub.IntegrationTest;
import org.alliancehub.TestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An invitation to join is answered in the browser (issue 9, finding 1, in the back office): the organisation's
 * representative accepts or declines it on 后台 → 入会邀请, the network administrator may answer for it, nobody
 * else can, and the inviting secretariat follows its state on its members screen.
 */
class InvitationPagesIntegrationTests extends IntegrationTest {

	TestClient admin;

	/** Alliance B registered X and took it in; alliance A invites X. */
	String a;

	String b;

	long x;

	long invitation;

	FormSession repX;

	FormSession secA;

	@BeforeEach
	void anInvitationFromAToAMemberOfB() {
		admin = admin();
		a = alliance("邀请方联盟");
		b = alliance("原属联盟");
		x = admin.post("/api/v1/organizations", Map.of("name", "受邀单位" + UUID.randomUUID(), "type", "ENTERPRISE",
				"alliance", b)).json().get("id").asLong();
		assertThat(admin.post("/api/v1/alliances/" + b + "/members", Map.of("organizationId", x, "role", "COUNCIL"))
			.status()).isEqualTo(201);
		repX = FormSession.signIn(admin, port, List.of(Map.of("role", "MEMBER_REP", "organizationId", x)));
		TestClient secretariatA = TestClient.userWith(admin, client(), List.of(Map.of("role", "SECRETARIAT", "alliance", a)));
		var invited = secretariatA.post("/api/v1/alliances/" + a + "/members",
				Map.of("organizationId", x, "role", "VICE_CHAIR", "since", "2025-01-01"));
		assertThat(invited.status()).as(invited.body()).isEqualTo(202);
		invitation = invited.json().get("id").asLong();
		secA = FormSession.signIn(admin, port, List.of(Map.of("role", "SECRETARIAT", "alliance", a)));
	}

	@Test
	void aRepresentativeAcceptsInTheBrowserAndTheOrganisationBecomesAMember() {
		assertThat(repX.get("/admin/").body()).as("the menu leads a representative to its invitations")
			.contains("href=\"/admin/invitations\"");
		var page = repX.get("/admin/invitations");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("data-invitation=\"" + invitation + "\" data-status=\"PENDING\"")
			.contains("邀请方联盟" + a)
			.contains("副理事长单位")
			.contains("action=\"" + answer(x, invitation, "accept") + "\"");

		var accepted = repX.post("/admin/invitations", answer(x, invitation, "accept"), "");
		assertThat(accepted.statusCode()).isEqualTo(302);
		assertThat(location(accepted)).endsWith("/admin/invitations?done=accepted");
		var member = client().get("/api/v1/alliances/" + a + "/members/" + x);
		assertThat(member.status()).as(member.body()).isEqualTo(200);
		assertThat(member.json().get("status").asString()).isEqualTo("ACTIVE");
		assertThat(member.json().get("role").asString()).isEqualTo("VICE_CHAIR");
		assertThat(member.json().get("since").asString()).isEqualTo("2025-01-01");

		assertThat(repX.get("/admin/invitations?done=accepted").body())
			.contains("data-invitation=\"" + invitation + "\" data-status=\"ACCEPTED\"")
			.doesNotContain(answer(x, invitation, "accept"));
		assertThat(secA.get("/admin/a/" + a + "/members").body())
			.contains("data-invitation=\"" + invitation + "\" data-status=\"ACCEPTED\"");
	}

	@Test
	void decliningLeavesNoMembershipAndAnInvitationIsAnsweredOnce() {
		var declined = repX.post("/admin/invitations", answer(x, invitation, "decline"), "");
		assertThat(location(declined)).endsWith("/admin/invitations?done=declined");
		assertThat(client().get("/api/v1/alliances/" + a + "/members/" + x).status()).isEqualTo(404);

		var again = repX.post("/admin/invitations", answer(x, invitation, "accept"), "");
		assertThat(location(again)).endsWith("/admin/invitations?error=answered");
		assertThat(client().get("/api/v1/alliances/" + a + "/members/" + x).status()).isEqualTo(404);
		assertThat(secA.get("/admin/a/" + a + "/members").body())
			.contains("data-invitation=\"" + invitation + "\" data-status=\"DECLINED\"");
	}

	@Test
	void nobodyElseAnswersAnOrganisationsInvitation() {
		long y = admin.post("/api/v1/organizations", Map.of("name", "旁观单位" + UUID.randomUUID(), "type", "ENTERPRISE",
				"alliance", b)).json().get("id").asLong();
		FormSession repY = FormSession.signIn(admin, port, List.of(Map.of("role", "MEMBER_REP", "organizationId", y)));
		assertThat(repY.get("/admin/invitations").body()).as("another organisation's invitation is not listed")
			.doesNotContain("data-invitation=\"" + invitation + "\"");
		assertThat(repY.post("/admin/invitations", answer(x, invitation, "accept"), "").statusCode())
			.as("it does not act for X").isEqualTo(403);
		assertThat(repY.post("/admin/invitations", answer(y, invitation, "accept"), "").statusCode())
			.as("X's invitation does not exist under Y").isEqualTo(404);
		assertThat(secA.post("/admin/a/" + a + "/members", answer(x, invitation, "accept"), "").statusCode())
			.as("the inviting secretariat does not accept for X").isEqualTo(403);
		var members = secA.get("/admin/a/" + a + "/members").body();
		assertThat(members).as("the inviting secretariat sees the invitation, read-only")
			.contains("data-invitation=\"" + invitation + "\" data-status=\"PENDING\"")
			.doesNotContain(answer(x, invitation, "accept"));

		assertThat(client().get("/api/v1/alliances/" + a + "/members/" + x).status()).isEqualTo(404);
		assertThat(admin.get("/api/v1/organizations/" + x + "/invitations/" + invitation).json().get("status").asString())
			.isEqualTo("PENDING");
	}

	@Test
	void theAdministratorSeesEveryPendingInvitationAndAnswersForTheOrganisation() {
		FormSession administrator = FormSession.signIn(port, "admin", ADMIN_PASSWORD);
		assertThat(administrator.get("/admin/invitations").body())
			.contains("data-invitation=\"" + invitation + "\" data-status=\"PENDING\"")
			.contains("action=\"" + answer(x, invitation, "accept") + "\"");
		var accepted = administrator.post("/admin/invitations", answer(x, invitation, "accept"), "");
		assertThat(location(accepted)).endsWith("/admin/invitations?done=accepted");
		assertThat(client().get("/api/v1/alliances/" + a + "/members/" + x).json().get("status").asString())
			.isEqualTo("ACTIVE");
		assertThat(administrator.get("/admin/invitations").body()).as("only pending ones are listed for the administrator")
			.doesNotContain("data-invitation=\"" + invitation + "\"");
	}

	private static String answer(long organization, long invitation, String answer) {
		return "/admin/organizations/" + organization + "/invitations/" + invitation + "/" + answer;
	}

	private static String location(HttpResponse<String> r) {
		assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
		return r.headers().firstValue("Location").orElseThrow();
	}

	private String alliance(String name) {
		String slug = "iv-" + UUID.randomUUID().toString().substring(0, 8);
		assertThat(admin.post("/api/v1/alliances", Map.of("slug", slug, "name", name + slug)).status()).isEqualTo(201);
		return slug;
	}
}
