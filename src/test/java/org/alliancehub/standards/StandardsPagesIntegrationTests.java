package org.alliancehub.standards;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import org.alliancehub.FormSession;
import org.alliancehub.IntegrationTest;
import org.alliancehub.TestClock;
import org.alliancehub.standards.internal.CommentReminders;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.alliancehub.standards.StandardsFixtures.comment;
import static org.alliancehub.standards.StandardsFixtures.today;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a visitor and the secretariat see and do in the browser: the register, a standard's page with its history,
 * the public comment form (no account needed), the desk's forms; the link between a project and the standard it
 * proposed; the throttle on public comments; the reminder before a comment period ends.
 */
class StandardsPagesIntegrationTests extends IntegrationTest {

	@Autowired
	TestClock clock;

	@Autowired
	CommentReminders reminders;

	@Autowired
	org.alliancehub.standards.internal.StandardsSettings settings;

	StandardsFixtures f;

	@BeforeEach
	void alliance() {
		f = new StandardsFixtures(admin(), client());
	}

	@Test
	void theRegisterAndAStandardsPageShowItsStageAndWholeHistory() {
		long id = f.inComment();
		FormSession visitor = FormSession.anonymous(port);
		String register = visitor.get("/a/" + f.slug + "/standards").body();
		assertThat(register).contains("渣浆泵用耐磨合金铸件技术条件", "/a/" + f.slug + "/standards/" + id);
		assertThat(visitor.get("/a/" + f.slug + "/standards?stage=PUBLISHED").body())
			.as("the filter is part of the cached page's key").doesNotContain("/a/" + f.slug + "/standards/" + id + "\"");
		String page = visitor.get("/a/" + f.slug + "/standards/" + id).body();
		assertThat(page).contains("id=\"history\"", "id=\"comment-form\"", "name=\"website\"", "征求意见");
		assertThat(visitor.get("/a/" + f.slug + "/standards?lang=en").body()).contains("Group standards");
		StandardsFixtures other = new StandardsFixtures(admin(), client());
		assertThat(visitor.get("/a/" + other.slug + "/standards/" + id).statusCode())
			.as("a standard under another alliance's address does not exist").isEqualTo(404);
	}

	@Test
	void theHistoryNamesEachEventInWordsInEachLanguageNotByItsCode() {
		long id = f.inComment();
		FormSession visitor = FormSession.anonymous(port);
		String path = "/a/" + f.slug + "/standards/" + id;
		String zh = history(visitor.get(path).body());
		assertThat(zh).contains("提出立项申请", "立项表决通过，批准立项", "表决结果（议事模块）", "提交第 1 版草案", "开始公开征求意见");
		String tw = history(visitor.get(path + "?lang=zh-TW").body());
		assertThat(tw).contains("提出立項申請", "提交第 1 版草案", "開始公開徵求意見");
		String en = history(visitor.get(path + "?lang=en").body());
		assertThat(en).contains("Proposed", "Vote to start adopted", "Draft version 1 added", "Public comment period opened");
		for (String shown : List.of(zh, tw, en)) {
			assertThat(shown.replaceAll("<[^>]*>", " ")).doesNotContain("proposed", "approved-to-start", "draft-1",
					"comment-period", "governance", "standards.event");
		}
	}

	@Test
	void theHistorySaysTheMotionThatMovedTheStandardInWordsInEachLanguage() {
		long id = f.inComment();
		FormSession visitor = FormSession.anonymous(port);
		String path = "/a/" + f.slug + "/standards/" + id;
		java.util.regex.Pattern motion = java.util.regex.Pattern.compile("(议案|議案|Motion) \\d+");
		for (String[] lang : List.of(new String[] { "", "议案 " }, new String[] { "?lang=zh-TW", "議案 " },
				new String[] { "?lang=en", "Motion " })) {
			String shown = history(visitor.get(path + lang[0]).body()).replaceAll("<[^>]*>", " ");
			assertThat(shown).as(lang[0]).contains(lang[1]).doesNotContain("motion ", "standards.reason");
			assertThat(motion.matcher(shown).find()).as(lang[0]).isTrue();
		}
	}

	/** The history table of a standard's page. */
	static String history(String page) {
		int from = page.indexOf("id=\"history\"");
		assertThat(from).isPositive();
		return page.substring(from, page.indexOf("</table>", from));
	}

	@Test
	void theDifferencePageShowsTheVersionsAskedWithTheChangedCharactersMarked() {
		long id = f.drafted();
		f.secretariat.post("/api/v1/standards/" + id + "/drafts", Map.of("text", "1 范围\n本文件规定了铸件的技术要求。\n\n2 要求\n硬度不低于 HRC59。"));
		f.secretariat.post("/api/v1/standards/" + id + "/drafts", Map.of("text", "1 范围\n本文件规定了铸件的技术要求。\n\n2 要求\n硬度不低于 HRC61。"));
		FormSession visitor = FormSession.anonymous(port);
		String base = "/a/" + f.slug + "/standards/" + id + "/diff";
		assertThat(visitor.get(base + "?v=2&against=1").body()).contains("<ins>9</ins>", "<del>8</del>");
		assertThat(visitor.get(base + "?v=3&against=1").body()).as("another pair of versions is another page")
			.contains("<ins>61</ins>", "<del>58</del>");
		assertThat(visitor.get(base + "?v=9&against=1").statusCode()).isEqualTo(404);
	}

	@Test
	void anAnonymousVisitorCommentsThroughTheFormAndAnInvalidFormNamesItsFields() {
		long id = f.inComment();
		FormSession visitor = FormSession.anonymous(port);
		String path = "/a/" + f.slug + "/standards/" + id;
		HttpResponse<String> sent = visitor.post(path, path + "/comments", form(Map.of("clause", "4.2", "text", "建议增加冲击试验。",
				"name", "匿名访客", "organization", "某设计院", "contact", "13800000000", "website", "")));
		assertThat(sent.statusCode()).isEqualTo(302);
		assertThat(sent.headers().firstValue("Location").orElseThrow()).contains("commented=1");
		assertThat(visitor.get(path).body()).doesNotContain("id=\"commented\"");
		assertThat(visitor.get(path + "?commented=1").body()).contains("id=\"commented\"");
		HttpResponse<String> empty = visitor.post(path, path + "/comments", form(Map.of("clause", "", "text", "")));
		assertThat(empty.statusCode()).isEqualTo(400);
		assertThat(empty.body()).contains("role=\"alert\"", "clause:", "text:", "name:", "organization:", "contact:");
		var comments = f.secretariat.get("/api/v1/standards/" + id).json().get("comments");
		assertThat(comments.size()).isEqualTo(1);
		assertThat(comments.get(0).get("name").asString()).isEqualTo("匿名访客");
	}

	@Test
	void theSecretariatTakesAStandardThroughTheDeskForms() {
		FormSession desk = FormSession.signIn(admin(), port, List.of(Map.of("role", "SECRETARIAT", "alliance", f.slug)));
		String base = "/admin/a/" + f.slug + "/standards";
		HttpResponse<String> invalid = desk.post(base, base, form(Map.of("title", "", "proposingOrganizationIds", "x")));
		assertThat(invalid.headers().firstValue("Location").orElseThrow()).contains("error=").contains("title")
			.contains("proposingOrganizationIds");
		HttpResponse<String> proposed = desk.post(base, base, form(Map.of("title", "表单提出的标准", "scope", "范围", "reasons", "理由",
				"proposingOrganizationIds", f.chair + "，" + f.council2)));
		String location = proposed.headers().firstValue("Location").orElseThrow();
		assertThat(location).matches(".*/admin/a/" + f.slug + "/standards/\\d+$");
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		String page = base + "/" + id;
		assertThat(desk.get(page).body()).contains("id=\"link-motion\"", "id=\"add-drafter\"");
		long motion = f.motion(List.of(f.chair));
		desk.post(page, page + "/motion", "motionId=" + motion);
		f.decide(motion, List.of(f.chair), "YES");
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> f.stage(id).equals("APPROVED_TO_START"));
		desk.post(page, page + "/drafters", "organizationId=" + f.council1);
		desk.post(page, page + "/drafts", form(Map.of("text", "1 范围\n本文件适用于渣浆泵。", "note", "第一稿")));
		assertThat(f.stage(id)).isEqualTo("DRAFTING");
		HttpResponse<String> tooShort = desk.post(page, page + "/comment-period",
				form(Map.of("from", today().toString(), "to", today().plusDays(10).toString())));
		assertThat(tooShort.headers().firstValue("Location").orElseThrow()).contains("error=").contains("to");
		desk.post(page, page + "/comment-period", form(Map.of("from", today().toString(), "to", today().plusDays(30).toString())));
		assertThat(f.stage(id)).isEqualTo("COMMENT");
		assertThat(f.anonymous.post("/api/v1/standards/" + id + "/comments", comment("1")).status()).isEqualTo(201);
		long commentId = f.standard(id).get("comments").get(0).get("id").asLong();
		HttpResponse<String> noReason = desk.post(page, page + "/comments/" + commentId + "/disposition", "disposition=NOT_ACCEPTED&reason=");
		assertThat(noReason.headers().firstValue("Location").orElseThrow()).contains("error=").contains("reason");
		desk.post(page, page + "/comments/" + commentId + "/disposition", form(Map.of("disposition", "NOT_ACCEPTED", "reason", "已有国家标准规定")));
		assertThat(f.standard(id).get("comments").get(0).get("disposition").asString()).isEqualTo("NOT_ACCEPTED");
		assertThat(desk.get(page).body()).as("the contact is shown to the secretariat").contains("zhang@example.org");
		StandardsFixtures other = new StandardsFixtures(admin(), client());
		assertThat(desk.get("/admin/a/" + other.slug + "/standards/" + id).statusCode()).isEqualTo(403);
	}

	@Test
	void aProjectsPageShowsTheStandardItProposedAndTheStandardLinksBack() {
		var p = f.secretariat.post("/api/v1/alliances/" + f.slug + "/projects", Map.of("title", "高铬铸铁攻关" + UUID.randomUUID(),
				"leadOrganizationId", f.chair, "visibility", "PUBLIC"));
		assertThat(p.status()).as(p.body()).isEqualTo(201);
		long project = p.json().get("id").asLong();
		var s = f.propose(Map.of("projectId", project, "title", "由项目提出的标准"));
		assertThat(s.status()).as(s.body()).isEqualTo(201);
		long id = s.json().get("id").asLong();
		FormSession visitor = FormSession.anonymous(port);
		assertThat(visitor.get("/a/" + f.slug + "/projects/" + project).body()).contains("由项目提出的标准",
				"/a/" + f.slug + "/standards/" + id);
		assertThat(visitor.get("/a/" + f.slug + "/standards/" + id).body()).contains("/a/" + f.slug + "/projects/" + project);
		StandardsFixtures other = new StandardsFixtures(admin(), client());
		var foreign = other.propose(Map.of("projectId", project));
		assertThat(foreign.status()).as("another alliance's secretariat does not manage the project").isEqualTo(400);
		assertThat(foreign.invalidFields()).containsExactly("projectId");
	}

	@Test
	void publicCommentsFromOneAddressAreRateLimited() {
		long id = f.inComment();
		String address = "127.0.0." + (100 + (int) (Math.random() * 100));
		String body = "{\"clause\":\"1\",\"text\":\"意见\",\"name\":\"机器\",\"organization\":\"某\",\"contact\":\"x\"}";
		int accepted = 0;
		int limited = 0;
		String retryAfter = null;
		int budget = settings.commentsPerHour();
		for (int i = 0; i < budget + 2; i++) {
			Answer a = send(address, "/api/v1/standards/" + id + "/comments", body);
			if (a.status() == 201) {
				accepted++;
			}
			else if (a.status() == 429) {
				limited++;
				retryAfter = a.header("Retry-After");
			}
		}
		assertThat(accepted).as("the budget of an address (alliancehub.standards.comments-per-hour)").isEqualTo(budget);
		assertThat(limited).isEqualTo(2);
		assertThat(retryAfter).isNotBlank();
		assertThat(send("127.0.0.99", "/api/v1/standards/" + id + "/comments", body).status())
			.as("another address has its own budget").isEqualTo(201);
	}

	@Test
	void theSecretariatAndTheDraftingUnitsAreRemindedOnceBeforeTheCommentPeriodEnds() throws Exception {
		long id = f.inComment();
		f.anonymous.post("/api/v1/standards/" + id + "/comments", comment("1"));
		int before = MAIL.getReceivedMessages().length;
		reminders.remindBeforeCommentPeriodsEnd();
		assertThat(sentFor(before, id)).as("30 days to go: nothing yet").isEmpty();
		clock.moveTo(today().plusDays(25).atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant().plusSeconds(3600));
		try {
			reminders.remindBeforeCommentPeriodsEnd();
			List<MimeMessage> sent = sentFor(before, id);
			assertThat(sent).extracting(m -> m.getAllRecipients()[0].toString())
				.contains("secretariat-" + f.slug + "@example.org");
			assertThat(sent).hasSize(2).as("the alliance's address and the drafting unit's representative");
			assertThat(sent.get(0).getContent().toString()).contains("1 条尚未处理");
			int after = MAIL.getReceivedMessages().length;
			reminders.remindBeforeCommentPeriodsEnd();
			assertThat(MAIL.getReceivedMessages().length).as("once per comment period").isEqualTo(after);
		}
		finally {
			clock.reset();
		}
	}

	private List<MimeMessage> sentFor(int before, long id) {
		return Arrays.stream(MAIL.getReceivedMessages()).skip(before).filter(m -> {
			try {
				return m.getContent().toString().contains("/standards/" + id);
			}
			catch (Exception e) {
				return false;
			}
		}).toList();
	}

	private static String form(Map<String, String> fields) {
		return fields.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.reduce((a, b) -> a + "&" + b).orElse("");
	}

	record Answer(int status, List<String> headers) {

		String header(String name) {
			return headers.stream().filter(h -> h.regionMatches(true, 0, name + ":", 0, name.length() + 1))
				.map(h -> h.substring(name.length() + 1).strip()).findFirst().orElse(null);
		}
	}

	/** A JSON POST sent from a chosen loopback address (the JDK's client cannot choose one). */
	private Answer send(String from, String path, String json) {
		byte[] content = json.getBytes(StandardCharsets.UTF_8);
		String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\nContent-Type: application/json\r\n"
				+ "Content-Length: " + content.length + "\r\n\r\n";
		try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), port, InetAddress.getByName(from), 0)) {
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			out.write(head.getBytes(StandardCharsets.UTF_8));
			out.write(content);
			out.flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream all = new ByteArrayOutputStream();
			in.transferTo(all);
			String text = all.toString(StandardCharsets.UTF_8);
			String[] lines = text.substring(0, text.indexOf("\r\n\r\n")).split("\r\n");
			return new Answer(Integer.parseInt(lines[0].split(" ")[1]), List.of(lines).subList(1, lines.length));
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}
}
