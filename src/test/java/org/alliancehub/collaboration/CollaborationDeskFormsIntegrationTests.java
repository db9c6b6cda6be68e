package org.alliancehub.collaboration;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.alliancehub.FormSession;
import org.alliancehub.IntegrationTest;
import org.alliancehub.TestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The secretariat records agreements with their parties, demonstration bases and shared resources from the
 * collaboration desk; an invalid form saves nothing and the desk names the fields that were wrong.
 */
class CollaborationDeskFormsIntegrationTests extends IntegrationTest {

	TestClient admin;

	CollaborationFixtures f;

	String slug;

	String home;

	long member;

	FormSession desk;

	@BeforeEach
	void desk() {
		admin = admin();
		f = new CollaborationFixtures(admin, client());
		slug = f.alliance("表单联盟");
		member = f.member(slug);
		home = "/admin/a/" + slug + "/collaboration";
		desk = FormSession.signIn(admin, port, List.of(Map.of("role", "SECRETARIAT", "alliance", slug)));
	}

	static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

	JsonNode items(String what) {
		var r = admin.get("/api/v1/alliances/" + slug + "/" + what);
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		return r.json().get("items");
	}

	/** Where the form sent the browser back to, and that page as it shows. */
	String followed(HttpResponse<String> r) {
		assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
		String location = r.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
		assertThat(location).startsWith(home);
		return desk.get(location).body();
	}

	@Test
	void theDeskShowsTheThreeFormsWithTheirCsrfTokenInEveryLanguage() {
		for (String lang : List.of("zh-TW", "en", "zh-CN")) {
			var page = desk.get(home + "?lang=" + lang);
			assertThat(page.statusCode()).isEqualTo(200);
			assertThat(page.body()).contains("id=\"new-agreement\"").contains("id=\"new-base\"").contains("id=\"new-resource\"")
				.doesNotContain("collab.newAgreement").doesNotContain("collab.partyHint").doesNotContain("collab.none");
		}
		assertThat(desk.get(home + "?lang=en").body()).contains("Record an agreement").contains("Record a demonstration base");
		String page = desk.get(home + "?lang=zh-CN").body();
		assertThat(page).contains("登记合作协议").contains("登记示范基地").contains("登记共享资源");
		assertThat(page.split("name=\"_csrf\"", -1).length - 1).isGreaterThanOrEqualTo(4);
	}

	@Test
	void anAgreementIsRecordedWithItsPartiesOfEveryKind() {
		String other = f.alliance("签约联盟");
		String page = followed(desk.post(home, home + "/agreements", "title=" + enc("表单签订的战略合作协议") + "&subject="
				+ enc("共建中试平台") + "&signedOn=2026-03-15&signedPlace=" + enc("石家庄") + "&outcomes=&visibility=PUBLIC"
				+ "&partyKind=ORGANIZATION&partyValue=" + member + "&partyKind=ALLIANCE&partyValue=" + other
				+ "&partyKind=OUTSIDE_BODY&partyValue=" + enc("石家庄市人民政府")));
		assertThat(page).contains("表单签订的战略合作协议").doesNotContain("role=\"alert\"");
		JsonNode a = items("agreements").get(0);
		assertThat(a.get("title").asString()).isEqualTo("表单签订的战略合作协议");
		assertThat(a.get("signedOn").asString()).isEqualTo("2026-03-15");
		assertThat(a.get("parties").valueStream().map(p -> p.get("kind").asString()))
			.containsExactly("ORGANIZATION", "ALLIANCE", "OUTSIDE_BODY");
		assertThat(a.get("parties").get(2).get("name").asString()).isEqualTo("石家庄市人民政府");
		assertThat(client().get("/a/" + slug + "/agreements").body()).contains("表单签订的战略合作协议").contains("石家庄市人民政府");
	}

	@Test
	void anInvalidAgreementSavesNothingAndNamesEveryWrongField() {
		String page = followed(desk.post(home, home + "/agreements",
				"title=&signedOn=2026-13-40&visibility=PUBLIC&partyKind=ORGANIZATION&partyValue=abc"));
		assertThat(page).contains("role=\"alert\"").contains("title:").contains("signedOn:").contains("parties[0].organizationId:");
		page = followed(desk.post(home, home + "/agreements", "title=" + enc("无签约方的协议") + "&visibility=PUBLIC"
				+ "&partyKind=OUTSIDE_BODY&partyValue="));
		assertThat(page).contains("parties:");
		page = followed(desk.post(home, home + "/agreements", "title=" + enc("签约方不存在的协议") + "&visibility=PUBLIC"
				+ "&partyKind=ALLIANCE&partyValue=no-such-alliance"));
		assertThat(page).contains("parties[0].alliance:");
		assertThat(items("agreements").size()).isZero();
	}

	@Test
	void aBaseIsSetUpUnderTheAlliancesAgreementAndInvalidOnesAreRefused() {
		var made = admin.post("/api/v1/alliances/" + slug + "/agreements", Map.of("title", "设立基地的协议",
				"parties", List.of(Map.of("kind", "OUTSIDE_BODY", "name", "沧州市人民政府"))));
		long agreement = made.json().get("id").asLong();
		String page = followed(desk.post(home, home + "/bases", "name=" + enc("表单示范基地") + "&hostOrganizationId=" + member
				+ "&regionCode=130900&focus=" + enc("渣浆泵再制造") + "&agreementId=" + agreement + "&status=ACTIVE"));
		assertThat(page).contains("表单示范基地").doesNotContain("role=\"alert\"");
		JsonNode b = items("bases").get(0);
		assertThat(b.get("agreementId").asLong()).isEqualTo(agreement);
		assertThat(b.get("status").asString()).isEqualTo("ACTIVE");
		assertThat(b.get("regionCode").asString()).isEqualTo("130900");
		String wrong = followed(desk.post(home, home + "/bases", "name=&hostOrganizationId=abc&regionCode=999999&status=PLANNED"));
		assertThat(wrong).contains("role=\"alert\"").contains("name:").contains("hostOrganizationId:");
		wrong = followed(desk.post(home, home + "/bases", "name=" + enc("错误地区的基地") + "&hostOrganizationId=" + member
				+ "&regionCode=999999&status=PLANNED"));
		assertThat(wrong).contains("regionCode:");
		assertThat(items("bases").size()).isEqualTo(1);
	}

	@Test
	void aMembersResourceIsOfferedAndInvalidOnesAreRefused() {
		String page = followed(desk.post(home, home + "/resources", "kind=EQUIPMENT&organizationId=" + member + "&name="
				+ enc("表单登记的试验台") + "&location=" + enc("石家庄") + "&capabilities=" + enc("流量三千立方米每小时")
				+ "&visibility=MEMBERS"));
		assertThat(page).contains("表单登记的试验台").doesNotContain("role=\"alert\"");
		JsonNode r = items("resources").get(0);
		assertThat(r.get("kind").asString()).isEqualTo("EQUIPMENT");
		assertThat(r.get("visibility").asString()).isEqualTo("MEMBERS");
		assertThat(r.get("organizationId").asLong()).isEqualTo(member);
		String wrong = followed(desk.post(home, home + "/resources", "kind=EXPERT&organizationId=&name=&visibility=PUBLIC"));
		assertThat(wrong).contains("role=\"alert\"").contains("organizationId:").contains("name:");
		long outsider = f.organization();
		wrong = followed(desk.post(home, home + "/resources", "kind=EXPERT&organizationId=" + outsider + "&name="
				+ enc("非成员单位的专家") + "&visibility=PUBLIC"));
		assertThat(wrong).contains("organizationId:");
		assertThat(items("resources").size()).isEqualTo(1);
	}

	@Test
	void theFormsNeedTheCsrfTokenAndTheAlliancesSecretariat() {
		var forged = desk.post(home + "/agreements", Map.of("title", "伪造的协议", "partyKind", "OUTSIDE_BODY", "partyValue", "某机构"));
		assertThat(forged.statusCode()).isEqualTo(403);
		String other = f.alliance("别的表单联盟");
		FormSession outsider = FormSession.signIn(admin, port, List.of(Map.of("role", "SECRETARIAT", "alliance", other)));
		String otherHome = "/admin/a/" + other + "/collaboration";
		var foreign = outsider.post(otherHome, home + "/bases", "name=" + enc("越权基地") + "&hostOrganizationId=" + member);
		assertThat(foreign.statusCode()).isIn(403, 404);
		assertThat(items("agreements").size()).isZero();
		assertThat(items("bases").size()).isZero();
	}
}
