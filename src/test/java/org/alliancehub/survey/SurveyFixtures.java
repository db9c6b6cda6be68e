package org.alliancehub.survey;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.alliancehub.TestClient;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Surveys, recipients and answers for the statistics tests, written with SQL into the survey tables (the
 * builder and answering API come from another branch): the one place to switch to that API later.
 * Alliances, organisations and users are made through the public API.
 */
final class SurveyFixtures {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	record Field(String key, String label, String type, String unit) {
	}

	private final JdbcClient jdbc;

	private final TestClient admin;

	private final String base;

	SurveyFixtures(JdbcClient jdbc, TestClient admin, String base) {
		this.jdbc = jdbc;
		this.admin = admin;
		this.base = base;
	}

	/** A new alliance; returns {id, slug}. */
	Object[] alliance(String prefix) {
		String slug = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
		var r = admin.post("/api/v1/alliances", Map.of("slug", slug, "name", "统计测试联盟" + slug));
		if (r.status() != 201) {
			throw new IllegalStateException(r.status() + " " + r.body());
		}
		return new Object[] { r.json().get("id").asLong(), slug };
	}

	long organization(String type) {
		var r = admin.post("/api/v1/organizations", Map.of("name", "统计测试单位" + UUID.randomUUID(), "type", type));
		if (r.status() != 201) {
			throw new IllegalStateException(r.status() + " " + r.body());
		}
		return r.json().get("id").asLong();
	}

	long survey(long allianceId, String status, String title, String period, Long copiedFrom, String sizeField,
			List<Field> fields) {
		long id = jdbc.sql("""
				insert into survey (alliance_id, title, period, status, deadline, copied_from, size_field, published_at)
				values (?, ?, ?, ?, now() + interval '30 days', ?, ?, case when ? <> 'DRAFT' then now() end) returning id""")
			.params(allianceId, title, period, status, copiedFrom, sizeField, status)
			.query(Long.class)
			.single();
		int position = 1;
		for (Field f : fields) {
			jdbc.sql("insert into survey_field (survey_id, position, key, label, type, unit) values (?, ?, ?, ?, ?, ?)")
				.params(id, position++, f.key(), f.label(), f.type(), f.unit())
				.update();
		}
		return id;
	}

	void recipient(long surveyId, long organizationId, String regionCode, String type) {
		jdbc.sql("insert into survey_recipient (survey_id, organization_id, region_code, organization_type) values (?, ?, ?, ?)")
			.params(surveyId, organizationId, regionCode, type)
			.update();
	}

	/** An answer; numbers are filled by field position from the numeric answers, as answering does. */
	void response(long surveyId, long organizationId, String status, Map<String, Object> answers) {
		List<String> keys = jdbc.sql("select key from survey_field where survey_id = ? order by position")
			.param(surveyId)
			.query(String.class)
			.list();
		List<String> types = jdbc.sql("select type from survey_field where survey_id = ? order by position")
			.param(surveyId)
			.query(String.class)
			.list();
		List<Double> numbers = new ArrayList<>();
		for (int i = 0; i < keys.size(); i++) {
			Object v = answers.get(keys.get(i));
			numbers.add(v instanceof Number n && List.of("INTEGER", "DECIMAL", "PERCENT", "YEAR").contains(types.get(i))
					? n.doubleValue() : null);
		}
		String array = "{" + String.join(",", numbers.stream().map(d -> d == null ? "NULL" : d.toString()).toList()) + "}";
		jdbc.sql("""
				insert into survey_response (survey_id, organization_id, status, answers, numbers, submitted_at)
				values (?, ?, ?, ?::jsonb, ?::double precision[], case when ? = 'SUBMITTED' then now() end)""")
			.params(surveyId, organizationId, status, JSON.writeValueAsString(new LinkedHashMap<>(answers)), array, status)
			.update();
	}

	/** A secretariat user of the alliance; its password is "password-" and the user name. */
	String secretariatUser(String slug) {
		String username = "s" + UUID.randomUUID().toString().substring(0, 8);
		var r = admin.post("/api/v1/users", Map.of("username", username, "displayName", "秘书处", "email",
				username + "@example.org", "password", "password-" + username, "roles",
				List.of(Map.of("role", "SECRETARIAT", "alliance", slug))));
		if (r.status() != 201) {
			throw new IllegalStateException(r.status() + " " + r.body());
		}
		return username;
	}

	/** The bearer token of a user made by {@link #secretariatUser}. */
	String token(String username) {
		return new TestClient(base).post("/api/v1/auth/token",
				Map.of("username", username, "password", "password-" + username)).json().get("token").asString();
	}

	/** A browser session (cookie and CSRF token) signed in through the login form. */
	final class Browser {

		private final HttpClient http = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();

		Browser(String username) {
			String csrf = csrf("/login");
			HttpResponse<String> r = post("/login", Map.of("username", username, "password", "password-" + username, "_csrf", csrf));
			if (r.statusCode() != 302 || r.headers().firstValue("Location").orElse("").contains("error")) {
				throw new IllegalStateException("login failed: " + r.statusCode());
			}
		}

		HttpResponse<String> get(String path) {
			return send(HttpRequest.newBuilder(URI.create(base + path)).build());
		}

		HttpResponse<String> post(String path, Map<String, String> form) {
			String body = String.join("&", form.entrySet().stream()
				.map(e -> e.getKey() + "=" + java.net.URLEncoder.encode(e.getValue(), java.nio.charset.StandardCharsets.UTF_8))
				.toList());
			return send(HttpRequest.newBuilder(URI.create(base + path))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build());
		}

		String csrf(String path) {
			var m = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(get(path).body());
			if (!m.find()) {
				throw new IllegalStateException("no CSRF token on " + path);
			}
			return m.group(1);
		}

		private HttpResponse<String> send(HttpRequest request) {
			try {
				return http.send(request, HttpResponse.BodyHandlers.ofString());
			}
			catch (IOException | InterruptedException e) {
				throw new IllegalStateException(e);
			}
		}
	}

	/** The body of a GET as bytes (spreadsheets, PDF). */
	HttpResponse<byte[]> bytes(String path, String token) {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
		if (token != null) {
			b.header("Authorization", "Bearer " + token);
		}
		try {
			return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException | InterruptedException e) {
			throw new IllegalStateException(e);
		}
	}
}
