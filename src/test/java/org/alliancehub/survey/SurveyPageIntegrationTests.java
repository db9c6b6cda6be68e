package org.alliancehub.survey;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.alliancehub.FormSession;
import org.alliancehub.IntegrationTest;
import org.alliancehub.TestClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The survey pages as a browser uses them: the secretariat builds and publishes, a representative answers. */
class SurveyPageIntegrationTests extends IntegrationTest {

	@Test
	void secretariatBuildsAndPublishesARepresentativeAnswersAndTheSecretariatReopens() throws Exception {
		TestClient admin = admin();
		String slug = "sp-" + UUID.randomUUID().toString().substring(0, 8);
		admin.post("/api/v1/alliances", Map.of("slug", slug, "name", "页面调查联盟" + slug));
		long org = admin.post("/api/v1/organizations", Map.of("name", "页面单位" + UUID.randomUUID(), "type", "ENTERPRISE",
				"region", "河北省")).json().get("id").asLong();
		admin.post("/api/v1/alliances/" + slug + "/members", Map.of("organizationId", org, "role", "MEMBER"));
		String sec = "sps" + UUID.randomUUID().toString().substring(0, 6);
		admin.post("/api/v1/users", Map.of("username", sec, "displayName", "秘书处", "password", "survey-pages-pw",
				"roles", List.of(Map.of("role", "SECRETARIAT", "alliance", slug))));
		String rep = "spr" + UUID.randomUUID().toString().substring(0, 6);
		admin.post("/api/v1/users", Map.of("username", rep, "displayName", "代表", "email", rep + "@example.org",
				"password", "survey-pages-pw", "roles", List.of(Map.of("role", "MEMBER_REP", "organizationId", org))));
		FormSession secretariat = FormSession.signIn(port, sec, "survey-pages-pw");
		FormSession member = FormSession.signIn(port, rep, "survey-pages-pw");

		assertThat(secretariat.get("/admin/a/" + slug + "/surveys").statusCode()).isEqualTo(200);
		String builder = "/admin/a/" + slug + "/surveys/new";
		assertThat(secretariat.get(builder).body()).contains("name=\"fieldKey\"", "exportRevenue &lt;= revenue");
		assertThat(member.get(builder).statusCode()).isEqualTo(403);
		List<Map.Entry<String, String>> form = new ArrayList<>(List.of(Map.entry("_csrf", secretariat.csrf(builder)),
				Map.entry("title", "2025年度统计"), Map.entry("period", "2025"), Map.entry("deadline", "2099-03-31T17:00"),
				Map.entry("regions", "130000")));
		line(form, "revenue", "营业收入", "DECIMAL", "万元", "true", "");
		line(form, "exportRevenue", "出口收入", "DECIMAL", "万元", "false", "");
		line(form, "size", "规模", "CHOICE", "", "true", "大型|中型|小型");
		line(form, "", "", "DECIMAL", "", "false", "");
		form.add(Map.entry("ruleExpression", "exportRevenue <= revenu"));
		form.add(Map.entry("ruleMessage", "出口不能大于营业收入"));
		var refused = secretariat.post("/admin/a/" + slug + "/surveys", form);
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("rules[0].expression", "unknown field").contains("value=\"exportRevenue\"");
		form.replaceAll(e -> e.getKey().equals("ruleExpression") ? Map.entry("ruleExpression", "exportRevenue <= revenue") : e);
		var created = secretariat.post("/admin/a/" + slug + "/surveys", form);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
		String page = URI.create(created.headers().firstValue("Location").orElseThrow()).getPath();
		long id = Long.parseLong(page.substring(page.lastIndexOf('/') + 1));
		assertThat(secretariat.post(page + "/publish", List.of(Map.entry("_csrf", secretariat.csrf(page)))).statusCode()).isEqualTo(302);
		assertThat(secretariat.get(page).body()).contains("0 / 1", "河北省", "/admin/surveys/" + id + "/statistics");
		assertThat(secretariat.get("/admin/surveys/" + id + "/statistics").statusCode()).isEqualTo(200);

		assertThat(member.get("/surveys").body()).contains("2025年度统计", "/surveys/" + id + "/answer/" + org);
		String answer = "/surveys/" + id + "/answer/" + org;
		assertThat(member.get("/surveys/" + id + "/answer/" + (org + 100000)).statusCode()).isEqualTo(404);
		assertThat(member.get(answer).body()).contains("页面单位");
		String token = member.csrf(answer);
		var wrong = member.post(answer + "?_csrf=" + token, List.of(Map.entry("v.revenue", "100"),
				Map.entry("v.exportRevenue", "200"), Map.entry("v.size", "中型"), Map.entry("submit", "true")));
		assertThat(wrong.statusCode()).isEqualTo(200);
		assertThat(wrong.body()).contains("出口不能大于营业收入", "value=\"200\"");
		var draft = member.post(answer + "?_csrf=" + token, List.of(Map.entry("v.revenue", "100"), Map.entry("submit", "false")));
		assertThat(draft.statusCode()).isEqualTo(302);
		var submitted = member.post(answer + "?_csrf=" + token, List.of(Map.entry("v.revenue", "100"),
				Map.entry("v.exportRevenue", "20"), Map.entry("v.size", "中型"), Map.entry("submit", "true")));
		assertThat(submitted.statusCode()).isEqualTo(302);
		assertThat(member.get(answer).body()).contains("disabled");
		assertThat(member.get("/admin/a/" + slug + "/surveys/" + id).statusCode()).isEqualTo(403);

		String response = page + "/responses/" + org;
		assertThat(secretariat.get(page).body()).contains("1 / 1");
		assertThat(secretariat.post(response + "/reopen", List.of(Map.entry("_csrf", secretariat.csrf(response)),
				Map.entry("reason", "请核对出口收入"))).statusCode()).isEqualTo(302);
		assertThat(secretariat.get(response).body()).contains("请核对出口收入", rep);
		assertThat(member.get(answer).body()).doesNotContain("<fieldset disabled");
	}

	static void line(List<Map.Entry<String, String>> form, String key, String label, String type, String unit,
			String required, String options) {
		form.add(Map.entry("fieldKey", key));
		form.add(Map.entry("fieldLabel", label));
		form.add(Map.entry("fieldSection", ""));
		form.add(Map.entry("fieldType", type));
		form.add(Map.entry("fieldUnit", unit));
		form.add(Map.entry("fieldRequired", required));
		form.add(Map.entry("fieldMin", ""));
		form.add(Map.entry("fieldMax", ""));
		form.add(Map.entry("fieldOptions", options));
	}
}
