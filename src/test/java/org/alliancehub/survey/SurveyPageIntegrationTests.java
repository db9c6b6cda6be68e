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

	/** An alliance with one member organisation in 河北省 and a secretariat account (password survey-pages-pw). */
	record Setup(String slug, long organization, String secretariat) {
	}

	static Setup setUp(TestClient admin, String allianceName, String organizationName) {
		String slug = "sp-" + UUID.randomUUID().toString().substring(0, 8);
		admin.post("/api/v1/alliances", Map.of("slug", slug, "name", allianceName + slug));
		long org = admin.post("/api/v1/organizations", Map.of("name", organizationName + UUID.randomUUID(), "type",
				"ENTERPRISE", "region", "河北省")).json().get("id").asLong();
		admin.post("/api/v1/alliances/" + slug + "/members", Map.of("organizationId", org, "role", "MEMBER"));
		String secretariat = "sps" + UUID.randomUUID().toString().substring(0, 6);
		admin.post("/api/v1/users", Map.of("username", secretariat, "displayName", "秘书处", "password", "survey-pages-pw",
				"roles", List.of(Map.of("role", "SECRETARIAT", "alliance", slug))));
		return new Setup(slug, org, secretariat);
	}

	@Test
	void secretariatBuildsAndPublishesARepresentativeAnswersAndTheSecretariatReopens() throws Exception {
		TestClient admin = admin();
		Setup setup = setUp(admin, "页面调查联盟", "页面单位");
		String slug = setup.slug();
		long org = setup.organization();
		String sec = setup.secretariat();
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

	@Test
	void secretariatEditsADraftInTheBuilderAddingLinesAndAStaleFormIsRefused() throws Exception {
		TestClient admin = admin();
		Setup setup = setUp(admin, "页面编辑联盟", "编辑页面单位");
		String slug = setup.slug();
		long org = setup.organization();
		String sec = setup.secretariat();
		TestClient api = client().login(sec, "survey-pages-pw");
		long id = api.post("/api/v1/alliances/" + slug + "/surveys", Map.of("title", "草稿调查", "period", "2025",
				"deadline", "2099-03-31T17:00:00+08:00", "fields", List.of(Map.of("key", "revenue", "label", "营业收入",
						"type", "DECIMAL", "unit", "万元", "required", true))))
			.json().get("id").asLong();
		FormSession secretariat = FormSession.signIn(port, sec, "survey-pages-pw");
		String page = "/admin/a/" + slug + "/surveys/" + id;
		String edit = page + "/edit";
		assertThat(secretariat.get(page).body()).contains(edit);
		String builder = secretariat.get(edit).body();
		assertThat(builder).contains("value=\"草稿调查\"", "value=\"revenue\"", "value=\"2099-03-31T17:00\"",
				"name=\"version\" value=\"0\"", "action=\"" + edit + "\"");
		int lines = count(builder, "name=\"fieldKey\"");
		int ruleLines = count(builder, "name=\"ruleExpression\"");
		String form0 = builder.substring(builder.indexOf("survey-builder"));
		String firstSubmit = form0.substring(form0.indexOf("type=\"submit\""));
		assertThat(firstSubmit.substring(0, firstSubmit.indexOf('>'))).as("Enter saves: the first submit button adds no line")
			.doesNotContain("name=\"add\"");

		List<Map.Entry<String, String>> form = new ArrayList<>(List.of(Map.entry("_csrf", secretariat.csrf(edit)),
				Map.entry("version", "0"), Map.entry("title", "草稿调查（改）"), Map.entry("period", "2025"),
				Map.entry("deadline", "2099-04-30T17:00")));
		line(form, "revenue", "营业收入", "DECIMAL", "万元", "true", "");
		line(form, "exportRevenue", "出口收入", "DECIMAL", "万元", "false", "");
		for (int i = 2; i < lines; i++) {
			line(form, "", "", "DECIMAL", "", "false", "");
		}
		List<Map.Entry<String, String>> adding = new ArrayList<>(form);
		adding.add(Map.entry("add", "field"));
		var more = secretariat.post(edit, adding);
		assertThat(more.statusCode()).isEqualTo(200);
		assertThat(count(more.body(), "name=\"fieldKey\"")).isEqualTo(lines + 1);
		assertThat(more.body()).contains("value=\"exportRevenue\"", "value=\"草稿调查（改）\"");
		adding.set(adding.size() - 1, Map.entry("add", "rule"));
		assertThat(count(secretariat.post(edit, adding).body(), "name=\"ruleExpression\"")).isEqualTo(ruleLines + 1);
		assertThat(api.get("/api/v1/surveys/" + id).json().get("title").asString()).isEqualTo("草稿调查");

		form.add(Map.entry("ruleExpression", "exportRevenue <= revenue"));
		form.add(Map.entry("ruleMessage", "出口不能大于营业收入"));
		var saved = secretariat.post(edit, form);
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
		var survey = api.get("/api/v1/surveys/" + id).json();
		assertThat(survey.get("title").asString()).isEqualTo("草稿调查（改）");
		assertThat(survey.get("version").asLong()).isEqualTo(1);
		assertThat(survey.get("fields").valueStream().map(f -> f.get("key").asString()).toList())
			.containsExactly("revenue", "exportRevenue");
		assertThat(survey.get("rules").get(0).get("message").asString()).isEqualTo("出口不能大于营业收入");

		form.replaceAll(e -> e.getKey().equals("title") ? Map.entry("title", "过时的修改") : e);
		var stale = secretariat.post(edit, form);
		assertThat(stale.statusCode()).isEqualTo(200);
		assertThat(stale.body()).contains("id=\"builder-notice\"", "已被他人修改", "value=\"过时的修改\"");
		assertThat(api.get("/api/v1/surveys/" + id).json().get("title").asString()).isEqualTo("草稿调查（改）");

		List<Map.Entry<String, String>> create = new ArrayList<>(List.of(Map.entry("_csrf", secretariat.csrf(page)),
				Map.entry("title", "新调查"), Map.entry("add", "field")));
		var grown = secretariat.post("/admin/a/" + slug + "/surveys", create);
		assertThat(grown.statusCode()).isEqualTo(200);
		assertThat(count(grown.body(), "name=\"fieldKey\"")).isEqualTo(13);
		assertThat(grown.body()).contains("value=\"新调查\"");

		assertThat(secretariat.post(page + "/publish", List.of(Map.entry("_csrf", secretariat.csrf(page)))).statusCode())
			.isEqualTo(302);
		var closedEditor = secretariat.get(edit);
		assertThat(closedEditor.statusCode()).isEqualTo(302);
		assertThat(closedEditor.headers().firstValue("Location").orElseThrow()).contains(page + "?error=");
		assertThat(secretariat.post(page + "/delete", List.of(Map.entry("_csrf", secretariat.csrf(page)))).statusCode())
			.isEqualTo(302);
		assertThat(api.get("/api/v1/surveys/" + id).json().get("status").asString()).isEqualTo("PUBLISHED");
	}

	private static int count(String html, String what) {
		return html.split(java.util.regex.Pattern.quote(what), -1).length - 1;
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
