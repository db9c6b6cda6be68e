package org.alliancehub.annual;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.alliancehub.FormSession;
import org.alliancehub.IntegrationTest;
import org.alliancehub.TestClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The path a person takes in the browser: the secretariat opens its drafted report, sees where each figure
 * comes from, edits and submits it; the network sees the alliance submitted, its compiled report and the
 * activity dashboard; anyone reads the published formula.
 */
class AnnualPagesIntegrationTests extends IntegrationTest {

	static final int YEAR = AnnualReportsIntegrationTests.YEAR;

	@Test
	void secretariatEditsAndSubmitsItsDraftAndTheNetworkSeesIt() {
		TestClient admin = admin();
		admin.post("/api/v1/report-requests", Map.of("year", YEAR, "deadline", OffsetDateTime.now().plusDays(30).toString()));
		String slug = "ap-" + UUID.randomUUID().toString().substring(0, 8);
		assertThat(admin.post("/api/v1/alliances", Map.of("slug", slug, "name", "页面联盟" + slug)).status()).isEqualTo(201);
		assertThat(admin.post("/api/v1/alliances/" + slug + "/briefings", Map.of("issueNumber", 1, "title", "简报第1期",
				"publishedOn", YEAR + "-05-01", "body", "<p>x</p>")).status()).isEqualTo(201);
		FormSession secretariat = FormSession.signIn(admin, port, List.of(Map.of("role", "SECRETARIAT", "alliance", slug)));
		String page = "/admin/a/" + slug + "/annual-reports/" + YEAR;
		assertThat(secretariat.get("/admin/a/" + slug + "/annual-reports").body()).contains(page);
		var draft = secretariat.get(page);
		assertThat(draft.statusCode()).isEqualTo(200);
		assertThat(draft.body()).contains("href=\"/a/" + slug + "/briefings\"", "id=\"edit-report\"", "id=\"advice\"");
		var saved = secretariat.post(page, page, "version=0&summary=" + URLEncoder.encode("本年度编发简报一期。", StandardCharsets.UTF_8)
				+ "&plan=" + URLEncoder.encode("明年编发简报四期。", StandardCharsets.UTF_8));
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(saved.headers().firstValue("Location").orElse("")).doesNotContain("error");
		assertThat(secretariat.get(page).body()).contains("本年度编发简报一期。");
		var submitted = secretariat.post(page, page + "/submit", "x=1");
		assertThat(submitted.statusCode()).isEqualTo(302);
		String after = secretariat.get(page).body();
		assertThat(after).contains("id=\"read-only\"").doesNotContain("id=\"edit-report\"");
		// another secretariat does not reach it
		FormSession other = FormSession.signIn(admin, port, List.of(Map.of("role", "SECRETARIAT", "alliance", newAlliance(admin))));
		assertThat(other.get(page).statusCode()).isIn(403, 404);

		FormSession network = FormSession.signIn(port, "admin", ADMIN_PASSWORD);
		assertThat(network.get("/admin/annual").body()).contains("/admin/annual/" + YEAR);
		String compiled = network.get("/admin/annual/" + YEAR).body();
		assertThat(compiled).contains("页面联盟" + slug, "本年度编发简报一期。", "id=\"make-pdf\"");
		var job = network.post("/admin/annual/" + YEAR, "/admin/annual/" + YEAR + "/pdf", "x=1");
		assertThat(job.statusCode()).isEqualTo(302);
		assertThat(network.get(job.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "")).body()).contains("id=\"pdf-progress\"", "<progress");
		String dashboard = network.get("/admin/activity?period=" + YEAR).body();
		assertThat(dashboard).contains("id=\"ranking\"", "activity-data", "echarts", "页面联盟");
		// each indicator's cell: the count its header's unit counts, and the points it earns beneath
		assertThat(dashboard).contains("各项指标：上为数量，下为所得分数", "<br><span class=\"muted\" title=\"得分\">");
		assertThat(secretariat.get("/admin/activity").statusCode()).isIn(403, 404);
		assertThat(FormSession.anonymous(port).get("/activity/formula").body()).contains("id=\"activity-formula\"");
	}

	private String newAlliance(TestClient admin) {
		String slug = "ap-" + UUID.randomUUID().toString().substring(0, 8);
		admin.post("/api/v1/alliances", Map.of("slug", slug, "name", "另一联盟" + slug));
		return slug;
	}
}
