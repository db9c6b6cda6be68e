package org.alliancehub.membership;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.alliancehub.FormSession;
import org.alliancehub.IntegrationTest;
import org.alliancehub.TestClient;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Members through Excel (issue 15, item 3): the list and the template download as .xlsx; an uploaded sheet is
 * previewed row by row (created, invited, refused and why) with nothing saved; cancel saves nothing; confirm
 * saves it; an organisation registered elsewhere is matched, not duplicated, and only invited, joining when
 * it accepts; a file that is no .xlsx is refused.
 */
class MemberSheetIntegrationTests extends IntegrationTest {

	TestClient admin;

	String slug;

	FormSession secretariat;

	/** Registered by another alliance, with a representative: it must consent. */
	long other;

	String otherName;

	TestClient otherRep;

	String tag;

	@BeforeEach
	void anAllianceAndAnOrganisationOfAnother() {
		admin = admin();
		tag = UUID.randomUUID().toString().substring(0, 8);
		slug = "ms-" + tag;
		assertThat(admin.post("/api/v1/alliances", Map.of("slug", slug, "name", "表格联盟" + tag)).status()).isEqualTo(201);
		secretariat = FormSession.signIn(admin, port, List.of(Map.of("role", "SECRETARIAT", "alliance", slug)));
		String otherSlug = "mo-" + tag;
		assertThat(admin.post("/api/v1/alliances", Map.of("slug", otherSlug, "name", "他方联盟" + tag)).status()).isEqualTo(201);
		TestClient otherSecretariat = TestClient.userWith(admin, client(),
				List.of(Map.of("role", "SECRETARIAT", "alliance", otherSlug)));
		otherName = "他方登记单位" + tag;
		var r = otherSecretariat.post("/api/v1/organizations", Map.of("name", otherName, "type", "UNIVERSITY"));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		other = r.json().get("id").asLong();
		String rep = "msrep-" + tag;
		assertThat(otherSecretariat.post("/api/v1/users", Map.of("username", rep, "displayName", "代表", "email",
				rep + "@example.org", "password", "password-" + rep, "roles",
				List.of(Map.of("role", "MEMBER_REP", "organizationId", other)))).status()).isEqualTo(201);
		otherRep = client().login(rep, "password-" + rep);
	}

	@Test
	void thePreviewSaysRowByRowWhatWouldHappenAndSavesNothingUntilConfirmed() throws Exception {
		byte[] sheet = sheet(List.of(
				new String[] { "新建单位" + tag, "企业", "浙江省", "理事单位", "2026-03-01", "张三", "zhang" + tag + "@example.com" },
				new String[] { otherName, "", "", "成员单位", "", "李四", "li" + tag + "@example.com" },
				new String[] { "类型不明单位" + tag, "外星机构", "", "", "", "", "" },
				new String[] { "邮箱有误单位" + tag, "ENTERPRISE", "", "", "", "王五", "not-an-address" },
				new String[] { "新建单位" + tag, "企业", "", "", "", "", "" }));

		String preview = preview(sheet);
		String page = secretariat.get(preview).body();
		assertThat(row(page, 2)).contains("data-action=\"CREATE\"");
		assertThat(row(page, 3)).as("matched by name, registered elsewhere: invited").contains("data-action=\"INVITE\"");
		assertThat(row(page, 4)).contains("data-action=\"REFUSE\"").contains("外星机构");
		assertThat(row(page, 5)).contains("data-action=\"REFUSE\"").contains("not-an-address");
		assertThat(row(page, 6)).contains("data-action=\"REFUSE\"").contains("重复");
		assertThat(organizationsNamed("新建单位" + tag)).as("nothing saved by the preview").isZero();

		// cancel: nothing saved, and the preview is gone
		var cancelled = secretariat.post(preview, preview + "/cancel", "x=1");
		assertThat(cancelled.statusCode()).isEqualTo(302);
		assertThat(secretariat.get(preview).statusCode()).isEqualTo(404);
		assertThat(organizationsNamed("新建单位" + tag)).isZero();
		assertThat(admin.get("/api/v1/organizations/" + other + "/invitations").json().size()).isZero();

		// upload again and confirm: the new organisation joins, the other's is invited, the bad rows are skipped
		preview = preview(sheet);
		var confirmed = secretariat.post(preview, preview + "/confirm", "x=1");
		assertThat(confirmed.statusCode()).isEqualTo(302);
		String done = waitForJob(confirmed.headers().firstValue("Location").orElseThrow());
		assertThat(done).contains("id=\"import-done\"");
		assertThat(organizationsNamed("新建单位" + tag)).isEqualTo(1);
		assertThat(organizationsNamed("类型不明单位" + tag)).isZero();
		assertThat(organizationsNamed("邮箱有误单位" + tag)).isZero();
		JsonNode members = admin.get("/api/v1/alliances/" + slug + "/members").json();
		assertThat(members.toString()).contains("新建单位" + tag).contains("COUNCIL").doesNotContain(otherName);
		assertThat(organizationsNamed(otherName)).as("matched, not duplicated").isEqualTo(1);

		// the other alliance's organisation joins only when it accepts
		JsonNode invitations = otherRep.get("/api/v1/organizations/" + other + "/invitations").json();
		assertThat(invitations.size()).isEqualTo(1);
		long invitation = invitations.get(0).get("id").asLong();
		assertThat(otherRep.post("/api/v1/organizations/" + other + "/invitations/" + invitation + "/accept", Map.of())
			.status()).isEqualTo(200);
		assertThat(admin.get("/api/v1/alliances/" + slug + "/members/" + other).status()).isEqualTo(200);

		// the list downloads with the representative each row named
		var xlsx = secretariat.get("/admin/a/" + slug + "/members.xlsx");
		assertThat(xlsx.statusCode()).isEqualTo(200);
		assertThat(xlsx.headers().firstValue("Content-Type").orElse("")).contains("spreadsheetml");
		String listed = cells(secretariat, "/admin/a/" + slug + "/members.xlsx");
		assertThat(listed).contains("新建单位" + tag).contains("zhang" + tag + "@example.com")
			.contains(otherName).contains("li" + tag + "@example.com");
	}

	@Test
	void theTemplateDownloadsWithItsHeadings() throws Exception {
		assertThat(cells(secretariat, "/admin/a/" + slug + "/members/template.xlsx")).contains("单位名称")
			.contains("代表电子邮箱");
	}

	@Test
	void aFileThatIsNoWorkbookIsRefusedBeforeAnyPreview() {
		String members = "/admin/a/" + slug + "/members";
		HttpResponse<String> text = secretariat.upload(members, members + "/import", "members.xlsx",
				"单位名称,类型\n".getBytes(StandardCharsets.UTF_8));
		assertThat(text.statusCode()).isEqualTo(302);
		assertThat(text.headers().firstValue("Location").orElse("")).contains("error=sheetType");
		HttpResponse<String> csv = secretariat.upload(members, members + "/import", "members.csv", new byte[] { 'P', 'K', 3, 4 });
		assertThat(csv.headers().firstValue("Location").orElse("")).contains("error=sheetType");
		HttpResponse<String> big = secretariat.upload(members, members + "/import", "members.xlsx", new byte[3 * 1024 * 1024]);
		assertThat(big.headers().firstValue("Location").orElse("")).contains("error=sheetTooLarge");
	}

	@Test
	void anotherSecretariatNeitherSeesNorConfirmsThePreview() throws Exception {
		String preview = preview(sheet(List.<String[]>of(new String[] { "他人预览单位" + tag, "企业", "", "", "", "", "" })));
		FormSession stranger = FormSession.signIn(admin, port, List.of(Map.of("role", "SECRETARIAT", "alliance", slug)));
		assertThat(stranger.get(preview).statusCode()).as("a preview belongs to who uploaded it").isEqualTo(404);
		assertThat(FormSession.anonymous(port).get(preview).statusCode()).isIn(302, 401, 404);
	}

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Autowired
	tools.jackson.databind.ObjectMapper json;

	@Autowired
	org.alliancehub.TestClock clock;

	@Autowired
	MemberImportPreviews previews;

	@Test
	void aPreviewIsKeptInTheDatabaseSoThatAnotherNodeReadsItAndConfirmsIt() throws Exception {
		String preview = preview(sheet(List.<String[]>of(new String[] { "跨节点单位" + tag, "企业", "浙江省", "理事单位", "", "", "" },
				new String[] { "跨节点有误单位" + tag, "外星机构", "", "", "", "", "" })));
		String token = preview.substring(preview.lastIndexOf('/') + 1);
		var row = jdbc.sql("select alliance_id, owner_username from membership_import_preview where token = ?::uuid")
			.param(token)
			.query((rs, i) -> Map.entry(rs.getLong(1), rs.getString(2)))
			.single();
		// another node: a second instance of the service over the same database, nothing in memory
		MemberImportPreviews otherNode = new MemberImportPreviews(jdbc, json, clock);
		MemberSheets.Preview read = otherNode.find(token, row.getKey(), row.getValue()).orElseThrow();
		assertThat(read.lines()).hasSize(2);
		assertThat(read.lines().get(0).organization()).isEqualTo("跨节点单位" + tag);
		assertThat(read.lines().get(0).action()).isEqualTo(MemberSheets.Action.CREATE);
		assertThat(read.lines().get(0).role()).isEqualTo(MembershipRole.COUNCIL);
		assertThat(read.lines().get(1).action()).isEqualTo(MemberSheets.Action.REFUSE);
		assertThat(otherNode.find(token, row.getKey(), "someone-else")).isEmpty();
		assertThat(otherNode.find(token, row.getKey() + 1, row.getValue())).isEmpty();

		var confirmed = secretariat.post(preview, preview + "/confirm", "x=1");
		assertThat(confirmed.statusCode()).isEqualTo(302);
		assertThat(waitForJob(confirmed.headers().firstValue("Location").orElseThrow())).contains("id=\"import-done\"");
		assertThat(organizationsNamed("跨节点单位" + tag)).isEqualTo(1);
		assertThat(previewRows(token)).as("a confirmed preview is gone").isZero();
		assertThat(secretariat.post("/admin/a/" + slug + "/members", preview + "/confirm", "x=1").statusCode())
			.as("confirmed once").isEqualTo(404);
	}

	@Test
	void onlyWhoMadeAPreviewConfirmsOrCancelsItAndCancellingDeletesIt() throws Exception {
		String preview = preview(sheet(List.<String[]>of(new String[] { "他人不可确认单位" + tag, "企业", "", "", "", "", "" })));
		String token = preview.substring(preview.lastIndexOf('/') + 1);
		FormSession stranger = FormSession.signIn(admin, port, List.of(Map.of("role", "SECRETARIAT", "alliance", slug)));
		assertThat(stranger.get(preview).statusCode()).isEqualTo(404);
		// the stranger's own page of the alliance gives it a CSRF token for the posts
		assertThat(stranger.post("/admin/a/" + slug + "/members", preview + "/confirm", "x=1").statusCode()).isEqualTo(404);
		assertThat(stranger.post("/admin/a/" + slug + "/members", preview + "/cancel", "x=1").statusCode()).isEqualTo(404);
		assertThat(previewRows(token)).isEqualTo(1);
		assertThat(organizationsNamed("他人不可确认单位" + tag)).isZero();

		assertThat(secretariat.post(preview, preview + "/cancel", "x=1").statusCode()).isEqualTo(302);
		assertThat(previewRows(token)).as("cancel deletes it").isZero();
		assertThat(secretariat.get(preview).statusCode()).isEqualTo(404);
		assertThat(organizationsNamed("他人不可确认单位" + tag)).isZero();
	}

	@Test
	void previewsOlderThanADayArePrunedAndNoLongerOpen() throws Exception {
		String preview = preview(sheet(List.<String[]>of(new String[] { "过期预览单位" + tag, "企业", "", "", "", "", "" })));
		String token = preview.substring(preview.lastIndexOf('/') + 1);
		try {
			clock.moveTo(java.time.Instant.now().plus(MemberImportPreviews.KEEP).plusSeconds(60));
			assertThat(secretariat.get(preview).statusCode()).as("too old to open").isEqualTo(404);
			previews.prune();
			assertThat(previewRows(token)).isZero();
		}
		finally {
			clock.reset();
		}
	}

	private long previewRows(String token) {
		return jdbc.sql("select count(*) from membership_import_preview where token = ?::uuid").param(token)
			.query(Long.class).single();
	}

	private String preview(byte[] sheet) {
		String members = "/admin/a/" + slug + "/members";
		HttpResponse<String> r = secretariat.upload(members, members + "/import", "members.xlsx", sheet);
		assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
		String location = r.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
		assertThat(location).contains(members + "/import/");
		return location;
	}

	private String waitForJob(String location) throws InterruptedException {
		String path = location.replaceFirst("^https?://[^/]+", "");
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		String body;
		do {
			body = secretariat.get(path).body();
			if (!body.contains("data-state=\"RUNNING\"")) {
				return body;
			}
			Thread.sleep(100);
		}
		while (System.nanoTime() < deadline);
		return body;
	}

	private long organizationsNamed(String name) {
		return admin.get("/api/v1/organizations?q=" + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8) + "&size=50")
			.json()
			.get("items")
			.valueStream()
			.filter(o -> o.get("name").asString().equals(name))
			.count();
	}

	/** The preview's row for the sheet's row {@code line}. */
	private static String row(String page, int line) {
		Matcher m = Pattern.compile("<tr id=\"line-" + line + "\".*?</tr>", Pattern.DOTALL).matcher(page);
		assertThat(m.find()).as("row " + line).isTrue();
		return m.group();
	}

	static byte[] sheet(List<String[]> rows) throws IOException {
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet s = book.createSheet("成员");
			Row head = s.createRow(0);
			String[] headings = { "单位名称", "单位类型", "地区", "会员角色", "入会日期", "代表姓名", "代表电子邮箱" };
			for (int i = 0; i < headings.length; i++) {
				head.createCell(i).setCellValue(headings[i]);
			}
			for (int r = 0; r < rows.size(); r++) {
				Row row = s.createRow(r + 1);
				for (int i = 0; i < rows.get(r).length; i++) {
					row.createCell(i).setCellValue(rows.get(r)[i]);
				}
			}
			book.write(out);
			return out.toByteArray();
		}
	}

	/** All the cells of the downloaded workbook's first sheet, as text. */
	private static String cells(FormSession session, String path) throws Exception {
		HttpResponse<byte[]> r = session.getBytes(path);
		assertThat(r.statusCode()).isEqualTo(200);
		byte[] bytes = r.body();
		StringBuilder all = new StringBuilder();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
			for (Row row : book.getSheetAt(0)) {
				row.forEach(c -> all.append(c.getStringCellValue()).append('|'));
			}
		}
		return all.toString();
	}
}
