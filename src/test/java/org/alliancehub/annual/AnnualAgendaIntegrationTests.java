package org.alliancehub.annual;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.alliancehub.IntegrationTest;
import org.alliancehub.TestClient;
import org.junit.jupiter.api.Test;

/**
 * The network's compiled annual report attached to its council meeting's agenda: through governance's face, as
 * a document of the agenda item its participants read; only the network does it, only to its own meetings.
 */
class AnnualAgendaIntegrationTests extends IntegrationTest {

	static final int YEAR = 2024;

	static final String NETWORK = "lmxfw";

	private long council(TestClient admin, String slug) {
		var r = admin.post("/api/v1/alliances/" + slug + "/meetings", Map.of("kind", "COUNCIL", "term",
				ThreadLocalRandom.current().nextInt(1, 100), "session", ThreadLocalRandom.current().nextInt(1, 100), "startsAt", "2025-01-15T09:30:00+08:00",
				"mode", "ONLINE", "onlineUrl", "https://meeting.example.org/council", "agenda",
				List.of(Map.of("title", "审议年度工作报告", "kind", "REPORT"), Map.of("title", "审议经费预算", "kind", "MOTION"))));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.json().get("id").asLong();
	}

	@Test
	void theNetworkAttachesItsCompiledReportToItsCouncilMeetingsAgendaItem() {
		TestClient admin = admin();
		var requested = admin.post("/api/v1/report-requests", Map.of("year", YEAR, "deadline", OffsetDateTime.now().plusDays(30).toString()));
		assertThat(requested.status()).as(requested.body()).isIn(201, 409);
		long meeting = council(admin, NETWORK);
		String path = "/api/v1/network/annual-reports/" + YEAR + "/agenda-documents";

		var attached = admin.post(path, Map.of("meetingId", meeting, "position", 1));
		assertThat(attached.status()).as(attached.body()).isEqualTo(201);
		String url = attached.json().get("url").asString();
		assertThat(attached.header("Location")).isEqualTo(url);
		assertThat(attached.json().get("contentType").asString()).isEqualTo("application/pdf");
		var agenda = admin.get("/api/v1/meetings/" + meeting).json().get("agenda");
		assertThat(agenda.get(0).get("documents").get(0).get("filename").asString())
			.isEqualTo("network-annual-report-" + YEAR + ".pdf");
		assertThat(agenda.get(1).get("documents")).isEmpty();
		var file = admin.getBytes(url);
		assertThat(file.status()).isEqualTo(200);
		assertThat(new String(file.bytes(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

		// refusals: another alliance's meeting and an unknown one alike, an item that does not exist, a bad body
		String slug = "ag-" + UUID.randomUUID().toString().substring(0, 8);
		assertThat(admin.post("/api/v1/alliances", Map.of("slug", slug, "name", "议程联盟" + slug)).status()).isEqualTo(201);
		long foreign = council(admin, slug);
		var other = admin.post(path, Map.of("meetingId", foreign, "position", 1));
		assertThat(other.status()).isEqualTo(400);
		assertThat(other.invalidFields()).containsExactly("meetingId");
		var unknown = admin.post(path, Map.of("meetingId", Long.MAX_VALUE, "position", 1));
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.invalidFields()).containsExactly("meetingId");
		var noItem = admin.post(path, Map.of("meetingId", meeting, "position", 9));
		assertThat(noItem.status()).isEqualTo(400);
		assertThat(noItem.invalidFields()).containsExactly("position");
		assertThat(admin.post(path, Map.of()).invalidFields()).contains("meetingId", "position");
		assertThat(admin.post("/api/v1/network/annual-reports/1999/agenda-documents", Map.of("meetingId", meeting,
				"position", 1)).status()).isEqualTo(404);
		// only the network: an alliance's secretariat may not, a visitor is asked to sign in
		TestClient secretariat = TestClient.userWith(admin, client(), List.of(Map.of("role", "SECRETARIAT", "alliance", slug)));
		assertThat(secretariat.post(path, Map.of("meetingId", foreign, "position", 1)).status()).isEqualTo(403);
		assertThat(client().post(path, Map.of("meetingId", meeting, "position", 1)).status()).isEqualTo(401);
		assertThat(admin.get("/api/v1/meetings/" + foreign).json().get("agenda").get(0).get("documents")).isEmpty();
		assertThat(admin.get("/api/v1/meetings/" + meeting).json().get("agenda").get(0).get("documents")).hasSize(1);
	}

	private static String local(java.net.http.HttpResponse<String> redirect) {
		return redirect.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
	}

	@Test
	void theNetworksBackOfficeFormAttachesTheReportToTheChosenAgendaItemWithCsrfAndNamesWhatWentWrong() {
		TestClient admin = admin();
		var requested = admin.post("/api/v1/report-requests", Map.of("year", YEAR, "deadline", OffsetDateTime.now().plusDays(30).toString()));
		assertThat(requested.status()).as(requested.body()).isIn(201, 409);
		long meeting = council(admin, NETWORK);
		String page = "/admin/annual/" + YEAR;
		String action = page + "/agenda-documents";
		org.alliancehub.FormSession network = org.alliancehub.FormSession.signIn(port, "admin", ADMIN_PASSWORD);

		String form = network.get(page).body();
		assertThat(form).contains("id=\"agenda\"", "id=\"agenda-item\"", "value=\"" + meeting + ":1\"", "value=\"" + meeting + ":2\"",
				"审议年度工作报告", "id=\"attach-to-agenda\"");
		// without the CSRF token: refused, nothing attached
		assertThat(network.post(action, Map.of("item", meeting + ":1")).statusCode()).isEqualTo(403);
		assertThat(admin.get("/api/v1/meetings/" + meeting).json().get("agenda").get(0).get("documents")).isEmpty();

		var attached = network.post(page, action, "item=" + meeting + "%3A1");
		assertThat(attached.statusCode()).isEqualTo(302);
		String after = network.get(local(attached)).body();
		assertThat(after).contains("role=\"status\"", "network-annual-report-" + YEAR + ".pdf").doesNotContain("role=\"alert\"");
		var agenda = admin.get("/api/v1/meetings/" + meeting).json().get("agenda");
		assertThat(agenda.get(0).get("documents").get(0).get("filename").asString()).isEqualTo("network-annual-report-" + YEAR + ".pdf");
		assertThat(agenda.get(1).get("documents")).isEmpty();

		// errors are shown on the page: nothing chosen, an item the meeting does not have, another alliance's meeting
		var none = network.post(page, action, "item=");
		assertThat(none.statusCode()).isEqualTo(302);
		assertThat(network.get(local(none)).body()).contains("role=\"alert\"", "请选择会议及其议程项");
		var noItem = network.post(page, action, "item=" + meeting + "%3A9");
		assertThat(network.get(local(noItem)).body()).contains("role=\"alert\"", "未能附到议程", "position");
		String slug = "af-" + UUID.randomUUID().toString().substring(0, 8);
		assertThat(admin.post("/api/v1/alliances", Map.of("slug", slug, "name", "表单联盟" + slug)).status()).isEqualTo(201);
		long foreign = council(admin, slug);
		assertThat(form).doesNotContain("value=\"" + foreign + ":1\"");
		var other = network.post(page, action, "item=" + foreign + "%3A1");
		assertThat(network.get(local(other)).body()).contains("role=\"alert\"", "meetingId");
		assertThat(admin.get("/api/v1/meetings/" + foreign).json().get("agenda").get(0).get("documents")).isEmpty();
		assertThat(admin.get("/api/v1/meetings/" + meeting).json().get("agenda").get(0).get("documents")).hasSize(1);

		// an alliance's secretariat neither sees the form nor may post it
		org.alliancehub.FormSession secretariat = org.alliancehub.FormSession.signIn(admin, port,
				List.of(Map.of("role", "SECRETARIAT", "alliance", slug)));
		assertThat(secretariat.get(page).statusCode()).isIn(403, 404);
		assertThat(secretariat.post("/admin/a/" + slug + "/annual-reports/" + YEAR, action, "item=" + meeting + "%3A2").statusCode()).isIn(403, 404);
		assertThat(admin.get("/api/v1/meetings/" + meeting).json().get("agenda").get(1).get("documents")).isEmpty();
	}
}
