package org.alliancehub;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stored XSS, tried as a hostile secretariat or representative would: every text and rich-text field they can
 * set through the API gets payloads (script, event handlers, {@code javascript:} links, SVG, CSS expressions,
 * template syntax, attribute and element breakers), then every page that shows the value is opened in
 * headless Chromium, in 简体 and 繁體 and in the back office, and every export is read back. The content
 * security policy would stop inline scripts anyway, so what proves the escaping is the DOM: no element the
 * payloads mark, no event-handler attribute, no {@code javascript:} address, no evaluated template.
 */
class HostileInputBrowserTests extends BrowserTest {

	/** 98765 * 4321: would appear where a template engine evaluated the payload's expressions. */
	private static final String EVALUATED = "426763565";

	private static final String TEMPLATES = "{{98765*4321}}${98765*4321}@{98765*4321}#{98765*4321}";

	/** Everything, for the fields that take long text or HTML. */
	private static final String LONG = "<script>window.__xss=1</script>"
			+ "<img src=x onerror=\"window.__xss=1\" data-xss=1>"
			+ "<svg onload=\"window.__xss=1\" data-xss=1><circle r=1></circle></svg>"
			+ "<a href=\"javascript:window.__xss=1\" data-xss=1>j1</a><a href=\"jAvAsCrIpT:window.__xss=1\">j2</a>"
			+ "<a href=\" &#106;avascript:window.__xss=1\">j3</a><iframe src=\"javascript:window.__xss=1\"></iframe>"
			+ "<div style=\"width:expression(window.__xss=1);background:url(javascript:window.__xss=1)\">css</div>"
			+ "<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=1 data-xss=1></style></mglyph></table></mtext></math>"
			+ TEMPLATES + "\"><b data-xss=1>q2</b>'><b data-xss=1>q1</b></textarea><b data-xss=1>ta</b>"
			+ "</script><b data-xss=1>sc</b></title><b data-xss=1>ti</b><!--<b data-xss=1>c-->";

	/** For fields of up to 200 characters. */
	private static final String MEDIUM = "\"'><img src=x onerror=window.__xss=1 data-xss=1></textarea></script></title>"
			+ "<svg onload=window.__xss=1 data-xss=1>" + TEMPLATES + "<!--<script>";

	/** For fields of up to 100 characters. */
	private static final String SHORT = "\"'><img src=x onerror=__xss=1 data-xss></textarea></script><b data-xss>{{98765*4321}}";

	/** For fields of up to 60 characters. */
	private static final String TINY = "\"'><svg onload=__xss=1 data-xss>{{98765*4321}}";

	/** For fields of up to 20 characters. */
	private static final String MINI = "\"'><b data-xss>";

	/** For fields that must be an http(s) address with no spaces. */
	private static final String URL = "https://x.example.org/\"'><img/src=x/onerror=__xss=1/data-xss>";

	private static final String CHECK = """
			const bad = [];
			if (window.__xss !== undefined) bad.push('script executed');
			for (const el of document.querySelectorAll('*')) {
			  if (el.hasAttribute('data-xss')) bad.push('injected <' + el.tagName.toLowerCase() + ' data-xss>');
			  for (const a of el.attributes) {
			    const n = a.name.toLowerCase();
			    const v = (a.value || '').replace(/[\\s\\u0000-\\u001f]/g, '').toLowerCase();
			    if (n.startsWith('on')) bad.push('event handler ' + n + ' on <' + el.tagName.toLowerCase() + '>');
			    if (['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster'].includes(n) && v.startsWith('javascript:'))
			      bad.push('javascript: in ' + n + ' of <' + el.tagName.toLowerCase() + '>');
			    if (n === 'style' && (v.includes('expression(') || v.includes('javascript:')))
			      bad.push('script in the style of <' + el.tagName.toLowerCase() + '>');
			  }
			}
			const data = document.getElementById('stats-data');
			if (data) { try { JSON.parse(data.textContent); } catch (e) { bad.push('the statistics data was cut open'); } }
			const html = document.documentElement.outerHTML;
			if (html.includes('%s')) bad.push('template syntax evaluated');
			return JSON.stringify({bad: bad, html: html});
			""".formatted(EVALUATED);

	/** field → the unique token its value starts with. */
	private final Map<String, String> fields = new LinkedHashMap<>();

	/** field → pages it was seen on. */
	private final Map<String, Set<String>> seen = new TreeMap<>();

	private final List<String> findings = new ArrayList<>();

	private int checks;

	private String word;

	private String value(String field, String payload) {
		String token = "XF" + (fields.size() + 10) + word;
		fields.put(field, token);
		return token + payload;
	}

	private static long id(TestClient.Response r) {
		assertThat(r.status()).as(r.body()).isBetween(200, 201);
		return r.json().get("id").asLong();
	}

	@Test
	void payloadsInEveryFieldStayInertTextOnEveryPageAndInEveryExport() throws Exception {
		long started = System.nanoTime();
		word = "zq" + UUID.randomUUID().toString().replaceAll("[^a-f]", "").substring(0, 4);
		TestClient admin = admin();
		String slug = "x-" + UUID.randomUUID().toString().substring(0, 8);

		// the alliance: profile and about page
		assertThat(admin.post("/api/v1/alliances", Map.of("slug", slug, "name", "恶意输入联盟")).status()).isEqualTo(201);
		var profile = admin.patch("/api/v1/alliances/" + slug, Map.of("name", value("alliance.name", MEDIUM), "shortName",
				value("alliance.shortName", TINY), "industry", value("alliance.industry", SHORT), "description",
				value("alliance.description", LONG), "about", value("alliance.about", LONG), "icp",
				value("alliance.icp", TINY), "contact", Map.of("phone", value("alliance.contact.phone", MINI), "address",
						value("alliance.contact.address", MEDIUM))));
		assertThat(profile.status()).as(profile.body()).isEqualTo(200);

		// organisations and their products, members of the alliance with a representative each
		List<Long> organizations = new ArrayList<>();
		String representative = null;
		for (int i = 0; i < 3; i++) {
			boolean first = i == 0;
			Map<String, Object> org = new LinkedHashMap<>();
			org.put("name", first ? value("organization.name", MEDIUM) : "恶意输入单位" + i + word);
			org.put("type", "ENTERPRISE");
			org.put("region", "河北省");
			if (first) {
				org.put("website", "https://" + value("organization.website", URL.substring("https://".length())));
				org.put("profile", value("organization.profile", LONG));
				org.put("products", List.of(Map.of("name", value("product.name", MEDIUM), "description",
						value("product.description", LONG))));
			}
			long o = id(admin.post("/api/v1/organizations", org));
			organizations.add(o);
			assertThat(admin.post("/api/v1/alliances/" + slug + "/members", Map.of("organizationId", o, "role", "COUNCIL"))
				.status()).isEqualTo(201);
			String username = "x" + UUID.randomUUID().toString().substring(0, 8);
			representative = first ? username : representative;
			assertThat(admin.post("/api/v1/users", Map.of("username", username, "displayName",
					first ? value("user.displayName", SHORT) : "代表" + i, "email", username + "@example.org", "password",
					"password-" + username, "roles", List.of(Map.of("role", "MEMBER_REP", "organizationId", o)))).status())
				.isEqualTo(201);
		}

		// content: an article, a briefing, an event, a link
		long article = id(admin.post("/api/v1/alliances/" + slug + "/articles", Map.of("title",
				value("article.title", MEDIUM) + word, "category", "ALLIANCE_NEWS", "source", value("article.source", MEDIUM),
				"author", value("article.author", SHORT), "tags", List.of(value("article.tags", "<b data-xss>"),
						"\"'><b data-xss>" + word, "{{98765*4321}}"),
				"body", value("article.body", LONG) + "<p>" + word + "</p>", "status", "PUBLISHED")));
		assertThat(admin.post("/api/v1/alliances/" + slug + "/briefings", Map.of("issueNumber", 1, "title",
				value("briefing.title", MEDIUM), "publishedOn", LocalDate.now().toString(), "body", value("briefing.body", LONG)))
			.status()).isEqualTo(201);
		assertThat(admin.post("/api/v1/alliances/" + slug + "/events", Map.of("title", value("event.title", MEDIUM),
				"startsOn", LocalDate.now().plusDays(10).toString(), "location", value("event.location", MEDIUM),
				"description", value("event.description", LONG))).status()).isEqualTo(201);
		assertThat(admin.post("/api/v1/alliances/" + slug + "/links", Map.of("name", value("link.name", SHORT), "url",
				"https://" + value("link.url", URL.substring("https://".length())))).status()).isEqualTo(201);

		// a council meeting: title, place, agenda, a motion, its resolution and the minutes, published
		long meeting = id(admin.post("/api/v1/alliances/" + slug + "/meetings", Map.of("kind", "COUNCIL", "term", 1,
				"session", 1, "title", value("meeting.title", MEDIUM), "startsAt", "2026-06-20T09:30:00+08:00", "mode",
				"HYBRID", "location", value("meeting.location", MEDIUM) + "\r\nATTENDEE:mailto:evil@example.org\nX-EVIL:1",
				"onlineUrl", "https://" + value("meeting.onlineUrl", URL.substring("https://".length())), "agenda",
				List.of(Map.of("title", value("agenda.title", MEDIUM), "kind", "MOTION")))));
		long motion = id(admin.post("/api/v1/meetings/" + meeting + "/motions",
				Map.of("title", value("motion.title", MEDIUM), "text", value("motion.text", LONG))));
		assertThat(admin.post("/api/v1/motions/" + motion + "/open", Map.of()).status()).isEqualTo(200);
		assertThat(admin.post("/api/v1/motions/" + motion + "/close", Map.of()).status()).isEqualTo(200);
		var resolution = admin.put("/api/v1/meetings/" + meeting + "/resolution",
				Map.of("text", value("resolution.text", LONG), "version", 0));
		assertThat(resolution.status()).as(resolution.body()).isEqualTo(200);
		var minutes = admin.put("/api/v1/meetings/" + meeting + "/minutes",
				Map.of("body", value("minutes.body", LONG), "visibility", "PUBLIC", "version", 0));
		assertThat(minutes.status()).as(minutes.body()).isEqualTo(200);
		assertThat(admin.post("/api/v1/meetings/" + meeting + "/minutes/approve", Map.of()).status()).isEqualTo(200);
		assertThat(admin.post("/api/v1/meetings/" + meeting + "/minutes/publish", Map.of()).status()).isEqualTo(200);

		// a survey: title, description, labels, sections, units, options, rule messages, text answers
		String choice = value("survey.option", MEDIUM);
		fields.put("survey.unit", "XU" + word.substring(2));
		String unit = fields.get("survey.unit") + "\"><b data-xss>";
		var created = admin.post("/api/v1/alliances/" + slug + "/surveys", Map.of("title", value("survey.title", MEDIUM),
				"period", "2026", "description", value("survey.description", LONG), "deadline",
				OffsetDateTime.now().plusDays(30).toString(), "fields",
				List.of(Map.of("key", "revenue", "label", value("survey.label", MEDIUM), "section",
						value("survey.section", MEDIUM), "type", "DECIMAL", "unit", unit, "required", false),
						Map.of("key", "kind", "label", "类别" + word, "type", "CHOICE", "options", List.of(choice, "其他")),
						Map.of("key", "note", "label", "说明" + word, "type", "TEXT")),
				"rules", List.of(Map.of("expression", "revenue >= 0", "message", value("survey.ruleMessage", MEDIUM)))));
		long survey = id(created);
		assertThat(admin.post("/api/v1/surveys/" + survey + "/publish", Map.of()).status()).isEqualTo(200);
		String answer = value("survey.textAnswer", LONG);
		for (int i = 0; i < organizations.size(); i++) {
			var r = admin.put("/api/v1/surveys/" + survey + "/responses/" + organizations.get(i), Map.of("values",
					Map.of("revenue", 1000 + i * 300, "kind", choice, "note", answer), "submit", true));
			assertThat(r.status()).as(r.body()).isEqualTo(201);
		}

		// the network administrator's own name shows in the back office it is signed in to
		String adminName = "x" + UUID.randomUUID().toString().substring(0, 8);
		assertThat(admin.post("/api/v1/users", Map.of("username", adminName, "displayName",
				value("admin.displayName", SHORT), "email", adminName + "@example.org", "password", "password-" + adminName,
				"roles", List.of(Map.of("role", "NETWORK_ADMIN")))).status()).isEqualTo(201);

		String a = "/a/" + slug;
		List<String> publicPages = List.of("/", a + "/", a + "/about", a + "/news", a + "/articles", a + "/articles/" + article,
				a + "/briefings", a + "/briefings/1", a + "/events", a + "/links", a + "/members", a + "/enterprises",
				a + "/enterprises/" + organizations.get(0), a + "/meetings", a + "/meetings/" + meeting,
				a + "/surveys/statistics", a + "/surveys/" + survey + "/statistics",
				a + "/surveys/" + survey + "/statistics?groupBy=type", "/search?q=" + word,
				"/search?q=" + word + "&type=organization");
		awaitSearch(word);
		browser.manage().deleteAllCookies();
		for (String page : publicPages) {
			check(page);
			check(page + (page.contains("?") ? "&" : "?") + "lang=zh-TW");
		}
		check("/?lang=zh-CN");

		signIn(adminName, "password-" + adminName);
		String back = "/admin/a/" + slug;
		for (String page : List.of("/admin/", "/admin/alliances", "/admin/users", "/admin/audit", back + "/profile",
				back + "/members", back + "/organizations/" + organizations.get(0), back + "/articles",
				back + "/articles/" + article, back + "/bulletins", back + "/meetings", back + "/meetings/" + meeting,
				"/meetings/" + meeting, back + "/surveys", back + "/surveys/" + survey,
				back + "/surveys/" + survey + "/responses/" + organizations.get(0), "/admin/surveys/" + survey + "/statistics",
				"/surveys/" + survey + "/answer/" + organizations.get(0), "/search?q=" + word)) {
			check(page);
		}

		// the representative of the first organisation: its survey list, its answer form, the meeting it takes part in
		signIn(representative, "password-" + representative);
		for (String page : List.of("/surveys", "/surveys/" + survey + "/answer/" + organizations.get(0),
				"/meetings/" + meeting)) {
			check(page);
		}

		int exports = exports(admin, slug, survey, meeting);

		List<String> unseen = fields.keySet().stream().filter(f -> !seen.containsKey(f)).toList();
		System.out.printf("hostile input: %d fields x pages checked on %d page views, %d export checks, %d findings, %d s%n",
				checks, pageViews, exports, findings.size(), (System.nanoTime() - started) / 1_000_000_000);
		seen.forEach((f, p) -> System.out.println("  " + f + ": " + p.size() + " pages"));
		System.out.println("  shown nowhere: " + unseen);
		assertThat(findings).isEmpty();
		assertThat(unseen).as("fields no page showed").isEmpty();
	}

	private int pageViews;

	/** The check is not blind: a page that does carry the payloads, without escaping or a policy, is caught. */
	@Test
	void theCheckFindsPayloadsThatDidGetThrough() {
		browser.get("data:text/html;charset=utf-8," + java.net.URLEncoder.encode("<p>" + LONG + "</p><p>" + MEDIUM + "</p>",
				java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
		String result = (String) ((JavascriptExecutor) browser).executeScript(CHECK);
		assertThat(result).contains("script executed", "injected <img data-xss>", "injected <svg data-xss>",
				"event handler onerror", "javascript: in href of <a>", "javascript: in src of <iframe>",
				"script in the style of <div>");
	}

	private void check(String page) {
		browser.get(url(page));
		pageViews++;
		@SuppressWarnings("unchecked")
		String result = (String) ((JavascriptExecutor) browser).executeScript(CHECK);
		var json = tools.jackson.databind.json.JsonMapper.builder().build().readTree(result);
		String html = json.get("html").asString();
		json.get("bad").valueStream().forEach(b -> findings.add(page + ": " + b.asString()));
		fields.forEach((field, token) -> {
			if (html.contains(token)) {
				checks++;
				seen.computeIfAbsent(field, f -> new LinkedHashSet<>()).add(page);
			}
		});
	}

	/** The search index follows the changes by events; wait until the new words are found. */
	private void awaitSearch(String word) throws InterruptedException {
		for (int i = 0; i < 50; i++) {
			if (client().get("/api/v1/search?q=" + word).body().contains(fields.get("article.title"))) {
				return;
			}
			Thread.sleep(200);
		}
	}

	/** Exports show the values as text: cells of type string, PDF text, one-line calendar properties. */
	private int exports(TestClient admin, String slug, long survey, long meeting) throws Exception {
		int n = 0;
		String answer = fields.get("survey.textAnswer");
		String label = fields.get("survey.label");
		var csv = admin.getBytes("/api/v1/surveys/" + survey + "/export.csv");
		assertThat(csv.status()).isEqualTo(200);
		String csvText = new String(csv.bytes(), java.nio.charset.StandardCharsets.UTF_8);
		assertThat(csvText).contains(answer + "<script>window.__xss=1</script>".replace("\"", "\"\"")).doesNotContain(EVALUATED);
		n++;
		for (String path : List.of("/api/v1/surveys/" + survey + "/export.xlsx",
				"/api/v1/surveys/" + survey + "/export.xlsx?kind=statistics",
				"/a/" + slug + "/surveys/" + survey + "/statistics.xlsx")) {
			var xlsx = admin.getBytes(path);
			assertThat(xlsx.status()).as(path).isEqualTo(200);
			try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.bytes()))) {
				int cells = 0;
				for (Sheet sheet : book) {
					for (Row row : sheet) {
						for (Cell cell : row) {
							if (cell.getCellType() == CellType.FORMULA) {
								findings.add(path + ": formula " + cell.getCellFormula());
							}
							if (cell.getCellType() == CellType.STRING
									&& (cell.getStringCellValue().contains(answer) || cell.getStringCellValue().contains(label))) {
								assertThat(cell.getStringCellValue()).contains("<");
								cells++;
							}
						}
					}
				}
				assertThat(cells).as(path + " shows the values").isPositive();
				n++;
			}
		}
		for (String path : List.of("/api/v1/surveys/" + survey + "/export.csv?kind=statistics",
				"/a/" + slug + "/surveys/" + survey + "/statistics.csv")) {
			var stats = admin.getBytes(path);
			assertThat(stats.status()).as(path).isEqualTo(200);
			assertThat(new String(stats.bytes(), java.nio.charset.StandardCharsets.UTF_8)).contains(label).doesNotContain(EVALUATED);
			n++;
		}
		var pdf = admin.getBytes("/api/v1/surveys/" + survey + "/report.pdf");
		if (pdf.status() == 200) {
			try (var doc = Loader.loadPDF(pdf.bytes())) {
				String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
				assertThat(text).contains(fields.get("survey.title")).contains("<img").doesNotContain(EVALUATED);
				n++;
			}
		}
		else {
			findings.add("report.pdf answered " + pdf.status());
		}
		MAIL.purgeEmailFromAllMailboxes();
		assertThat(admin.post("/api/v1/meetings/" + meeting + "/invitations", Map.of()).status()).isEqualTo(200);
		var messages = MAIL.getReceivedMessages();
		assertThat(messages).isNotEmpty();
		String ics = icsOf(messages[0]);
		assertThat(ics).contains(fields.get("meeting.location"));
		// a line break in the location must not end the property (mail transport turns a bare CR into a line break)
		String normalised = ics.replace("\r\n", "\n").replace('\r', '\n');
		for (String line : normalised.split("\n")) {
			assertThat(line).as("every line of the invitation is a property of its own making").matches("([A-Z-]+[:;]| ).*")
				.doesNotStartWith("ATTENDEE").doesNotStartWith("X-EVIL");
		}
		return n + 1;
	}

	private static String icsOf(jakarta.mail.Part part) throws Exception {
		if (part.isMimeType("text/calendar") || (part.getFileName() != null && part.getFileName().endsWith(".ics"))) {
			return new String(part.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
		if (part.getContent() instanceof jakarta.mail.Multipart m) {
			for (int i = 0; i < m.getCount(); i++) {
				String found = icsOf(m.getBodyPart(i));
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}
}
