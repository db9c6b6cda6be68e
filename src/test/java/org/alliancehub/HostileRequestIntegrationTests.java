package org.alliancehub;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile bodies sent to every operation of the OpenAPI document that takes JSON, as the network
 * administrator (who may call each of them, so the body is really read): malformed JSON, values of the wrong
 * type, a 10 MB body, invalid UTF-8, NUL characters and deep nesting. Every answer is a 4xx problem, never a
 * 5xx, and nothing the calls address has changed afterwards.
 */
class HostileRequestIntegrationTests extends IntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private static final Pattern PARAM = Pattern.compile("/([a-z-]+)/\\{([A-Za-z]+)}");

	private String token;

	private String slug;

	private long organization;

	private long user;

	private long meeting;

	private long motion;

	private long survey;

	private long article;

	@BeforeEach
	void objectsToAddress() {
		TestClient admin = admin();
		token = client().post("/api/v1/auth/token", Map.of("username", "admin", "password", ADMIN_PASSWORD))
			.json().get("token").asString();
		slug = "h-" + UUID.randomUUID().toString().substring(0, 8);
		assertThat(admin.post("/api/v1/alliances", Map.of("slug", slug, "name", "恶意输入联盟" + slug)).status()).isEqualTo(201);
		organization = created(admin.post("/api/v1/organizations",
				Map.of("name", "恶意输入单位" + UUID.randomUUID(), "type", "ENTERPRISE", "region", "河北省")));
		assertThat(admin.post("/api/v1/alliances/" + slug + "/members",
				Map.of("organizationId", organization, "role", "COUNCIL")).status()).isEqualTo(201);
		String username = "h" + UUID.randomUUID().toString().substring(0, 8);
		user = created(admin.post("/api/v1/users", Map.of("username", username, "displayName", "恶意输入代表", "email",
				username + "@example.org", "password", "password-" + username, "roles",
				List.of(Map.of("role", "MEMBER_REP", "organizationId", organization)))));
		meeting = created(admin.post("/api/v1/alliances/" + slug + "/meetings",
				Map.of("kind", "COUNCIL", "term", 1, "session", 1, "startsAt", "2026-06-20T09:30:00+08:00", "mode",
						"ONSITE", "location", "石家庄", "agenda", List.of(Map.of("title", "审议", "kind", "MOTION")))));
		motion = created(admin.post("/api/v1/meetings/" + meeting + "/motions", Map.of("title", "关于预算的议案", "text", "正文")));
		survey = created(admin.post("/api/v1/alliances/" + slug + "/surveys",
				Map.of("title", "年度调查", "period", "2026", "deadline", OffsetDateTime.now().plusDays(30).toString(), "fields",
						List.of(Map.of("key", "revenue", "label", "营业收入", "type", "DECIMAL"),
								Map.of("key", "note", "label", "说明", "type", "TEXT")))));
		article = created(admin.post("/api/v1/alliances/" + slug + "/articles",
				Map.of("title", "联盟动态", "category", "ALLIANCE_NEWS", "body", "<p>正文</p>", "status", "PUBLISHED")));
	}

	private static long created(TestClient.Response r) {
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.json().get("id").asLong();
	}

	/** What the calls could change, as the administrator reads it. */
	private List<String> snapshot() {
		TestClient admin = admin();
		List<String> reads = new ArrayList<>();
		for (String path : List.of("/api/v1/alliances/" + slug, "/api/v1/organizations/" + organization,
				"/api/v1/users/" + user, "/api/v1/meetings/" + meeting, "/api/v1/motions/" + motion,
				"/api/v1/surveys/" + survey, "/api/v1/articles/" + article, "/api/v1/alliances/" + slug + "/members",
				"/api/v1/alliances/" + slug + "/articles", "/api/v1/meetings/" + meeting + "/motions",
				"/api/v1/alliances/" + slug + "/surveys", "/api/v1/alliances/" + slug + "/charter")) {
			var r = admin.get(path);
			reads.add(path + " " + r.status() + " " + r.body());
		}
		return reads;
	}

	record Operation(String method, String path, String template, JsonNode schema) {
		@Override
		public String toString() {
			return method + " " + template;
		}
	}

	/** Every operation of the OpenAPI document whose body is JSON, with its path filled with this test's objects. */
	private List<Operation> jsonOperations() {
		JsonNode docs = admin().get("/v3/api-docs").json();
		List<Operation> operations = new ArrayList<>();
		docs.get("paths").properties().forEach(p -> p.getValue().properties().forEach(m -> {
			JsonNode json = m.getValue().path("requestBody").path("content").path("application/json");
			if (!json.isMissingNode()) {
				operations.add(new Operation(m.getKey().toUpperCase(), fill(p.getKey()), p.getKey(),
						resolve(docs, json.path("schema"))));
			}
		}));
		return operations;
	}

	private String fill(String template) {
		Matcher m = PARAM.matcher(template);
		StringBuilder b = new StringBuilder();
		while (m.find()) {
			String collection = m.group(1);
			String name = m.group(2);
			Object value = switch (name) {
				case "slug" -> slug;
				case "organizationId", "fromOrganizationId" -> organization;
				case "position" -> 1;
				case "receipt" -> "0".repeat(64);
				default -> switch (collection) {
					case "organizations" -> organization;
					case "users" -> user;
					case "meetings" -> meeting;
					case "motions" -> motion;
					case "surveys" -> survey;
					case "articles" -> article;
					default -> 1;
				};
			};
			m.appendReplacement(b, Matcher.quoteReplacement("/" + collection + "/" + value));
		}
		m.appendTail(b);
		return b.toString();
	}

	private static JsonNode resolve(JsonNode docs, JsonNode schema) {
		if (schema.has("$ref")) {
			String name = schema.get("$ref").asString().replace("#/components/schemas/", "");
			return docs.path("components").path("schemas").path(name);
		}
		return schema;
	}

	private TestClient.Response send(Operation op, String contentType, byte[] body) {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + op.path()))
			.header("Accept", "application/json")
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", contentType)
			.method(op.method(), HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
		try {
			HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new TestClient.Response(r.statusCode(), r.body(), r.headers());
		}
		catch (IOException | InterruptedException e) {
			throw new IllegalStateException(op + ": " + e, e);
		}
	}

	private TestClient.Response send(Operation op, String body) {
		return send(op, "application/json", body.getBytes(StandardCharsets.UTF_8));
	}

	/** One body per property of the operation's schema, each with that property of the wrong type. */
	private static List<String> wrongTypes(JsonNode schema) {
		List<String> bodies = new ArrayList<>();
		schema.path("properties").properties().forEach(p -> {
			String type = p.getValue().path("type").asString("object");
			String wrong = switch (type) {
				case "integer", "number" -> "\"not a number\"";
				case "boolean" -> "{\"yes\":true}";
				case "array" -> "{\"not\":\"a list\"}";
				case "object" -> "[1,2,3]";
				default -> "{\"not\":\"a string\"}";
			};
			bodies.add("{\"" + p.getKey() + "\":" + wrong + "}");
		});
		return bodies;
	}

	/** A body with a NUL character in every string property of the operation's schema (and one unknown). */
	private static String withNul(JsonNode schema) {
		Map<String, Object> body = new LinkedHashMap<>();
		schema.path("properties").properties().forEach(p -> {
			if (p.getValue().path("type").asString("").equals("string") && !p.getValue().has("format")
					&& !p.getValue().has("enum")) {
				body.put(p.getKey(), "恶意\u0000输入");
			}
		});
		body.put("unknown\u0000", "x\u0000y");
		return JSON.writeValueAsString(body);
	}

	private static void assertRefused(Operation op, String what, TestClient.Response r, int... allowed) {
		assertThat(r.status()).as(op + " with " + what + ": " + r.body()).isIn(box(allowed));
		assertThat(r.header("Content-Type")).as(op + " with " + what).startsWith("application/problem+json");
	}

	private static Object[] box(int[] values) {
		Object[] boxed = new Object[values.length];
		for (int i = 0; i < values.length; i++) {
			boxed[i] = values[i];
		}
		return boxed;
	}

	@Test
	void everyJsonOperationRefusesMalformedAndMistypedBodiesWithAProblemAndChangesNothing() {
		List<Operation> operations = jsonOperations();
		assertThat(operations).hasSizeGreaterThan(20);
		List<String> before = snapshot();
		int calls = 0;
		for (Operation op : operations) {
			for (String malformed : List.of("{\"title\": ", "not json at all", "{\"a\":1}}", "{'single':'quotes'}",
					"[]", "\"a string\"", "12", "{\"a\":1,}")) {
				assertRefused(op, malformed, send(op, malformed), 400);
				calls++;
			}
			for (String wrong : wrongTypes(op.schema())) {
				assertRefused(op, wrong, send(op, wrong), 400);
				calls++;
			}
			assertRefused(op, "text/plain", send(op, "text/plain", "{}".getBytes(StandardCharsets.UTF_8)), 415);
			calls++;
		}
		assertThat(snapshot()).isEqualTo(before);
		System.out.println("hostile requests: " + operations.size() + " JSON operations, " + calls + " malformed or mistyped calls");
	}

	@Test
	void everyJsonOperationRefusesATenMegabyteBodyWith413() {
		List<Operation> operations = jsonOperations();
		List<String> before = snapshot();
		String big = "{\"title\":\"" + "渣".repeat(10 * 1024 * 1024 / 3) + "\",\"text\":\"x\"}";
		for (Operation op : operations) {
			assertRefused(op, "a 10 MB body", send(op, big), 413);
		}
		assertThat(snapshot()).isEqualTo(before);
		assertThat(client().get("/actuator/health").status()).isEqualTo(200);
	}

	@Test
	void everyJsonOperationRefusesInvalidUtf8NulAndDeepNestingWith400() {
		List<Operation> operations = jsonOperations();
		List<String> before = snapshot();
		byte[] invalidUtf8 = { '{', '"', 't', 'i', 't', 'l', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, (byte) 0xFF,
				(byte) 0xFE, '"', '}' };
		String deep = "{\"title\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
		for (Operation op : operations) {
			assertRefused(op, "invalid UTF-8", send(op, "application/json", invalidUtf8), 400);
			assertRefused(op, "NUL characters", send(op, withNul(op.schema())), 400);
			assertRefused(op, "deep nesting", send(op, deep), 400);
		}
		assertThat(snapshot()).isEqualTo(before);
	}

	@Test
	void aNulCharacterInAValidBodyIsRefusedNamingTheFieldInsteadOfFailingInTheDatabase() {
		TestClient admin = admin();
		List<String> before = snapshot();
		var article = admin.post("/api/v1/alliances/" + slug + "/articles",
				Map.of("title", "标题\u0000", "category", "ALLIANCE_NEWS", "body", "<p>正文</p>"));
		assertThat(article.status()).as(article.body()).isEqualTo(400);
		assertThat(article.invalidFields()).containsExactly("title");
		var organization = admin.post("/api/v1/organizations", Map.of("name", "单位" + UUID.randomUUID(), "type",
				"ENTERPRISE", "products", List.of(Map.of("name", "渣浆泵", "description", "耐磨\u0000"))));
		assertThat(organization.status()).as(organization.body()).isEqualTo(400);
		assertThat(organization.invalidFields()).containsExactly("products[0].description");
		var about = admin.patch("/api/v1/alliances/" + slug, Map.of("about", "<p>关于\u0000我们</p>"));
		assertThat(about.status()).as(about.body()).isEqualTo(400);
		assertThat(about.invalidFields()).containsExactly("about");
		var answer = admin.put("/api/v1/surveys/" + survey + "/responses/" + this.organization,
				Map.of("values", Map.of("note", "说明\u0000"), "submit", false));
		assertThat(answer.status()).as(answer.body()).isIn(400, 404, 409);
		assertThat(snapshot()).isEqualTo(before);
	}

	@Test
	void aNulCharacterInABackOfficeFormOrAQueryIsRefusedWith400() {
		List<String> before = snapshot();
		FormSession office = FormSession.signIn(port, "admin", ADMIN_PASSWORD);
		var form = office.post("/admin/a/" + slug + "/articles/new", "/admin/a/" + slug + "/articles",
				"title=%E6%A0%87%E9%A2%98%00&category=ALLIANCE_NEWS&status=PUBLISHED&visibility=PUBLIC&body=x");
		assertThat(form.statusCode()).as(form.body()).isEqualTo(400);
		var query = admin().get("/api/v1/alliances/" + slug + "/articles?q=%00");
		assertThat(query.status()).as(query.body()).isEqualTo(400);
		assertThat(query.invalidFields()).containsExactly("q");
		assertThat(snapshot()).isEqualTo(before);
	}

	@Test
	void aSurveyAnswerOfTheWrongShapeIsRefusedNamingTheField() {
		TestClient admin = admin();
		assertThat(admin.post("/api/v1/surveys/" + survey + "/publish", Map.of()).status()).isEqualTo(200);
		for (Object wrong : List.<Object>of(Map.of("a", 1), List.of(1, 2), true, "一百")) {
			var r = admin.put("/api/v1/surveys/" + survey + "/responses/" + organization,
					Map.of("values", Map.of("revenue", wrong), "submit", false));
			assertThat(r.status()).as(wrong + ": " + r.body()).isEqualTo(400);
			assertThat(r.invalidFields()).as(r.body()).contains("revenue");
		}
		for (Object wrong : List.<Object>of(Map.of("a", 1), List.of(1, 2))) {
			var r = admin.put("/api/v1/surveys/" + survey + "/responses/" + organization,
					Map.of("values", Map.of("note", wrong), "submit", false));
			assertThat(r.status()).as(wrong + ": " + r.body()).isEqualTo(400);
		}
		assertThat(admin.get("/api/v1/surveys/" + survey + "/responses/" + organization).status()).isEqualTo(404);
	}
}
