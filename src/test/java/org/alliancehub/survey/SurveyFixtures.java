package org.alliancehub.survey;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.alliancehub.TestClient;

/**
 * Surveys, recipients and answers for the statistics tests, made the way the platform makes them: alliances,
 * organisations (with their province and type) and memberships through their API, surveys built, published
 * and closed through the survey API, answers saved and submitted by the administrator on behalf of each
 * organisation. Publishing fixes the recipients, so an organisation is asked when it is an active member then.
 */
final class SurveyFixtures {

	record Field(String key, String label, String type, String unit) {
	}

	private final TestClient admin;

	private final String base;

	SurveyFixtures(TestClient admin, String base) {
		this.admin = admin;
		this.base = base;
	}

	private static TestClient.Response expect(int status, TestClient.Response r) {
		if (r.status() != status) {
			throw new IllegalStateException("expected " + status + ", got " + r.status() + " " + r.body());
		}
		return r;
	}

	/** A new alliance; returns {id, slug}. */
	Object[] alliance(String prefix) {
		String slug = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
		var r = expect(201, admin.post("/api/v1/alliances", Map.of("slug", slug, "name", "统计测试联盟" + slug)));
		return new Object[] { r.json().get("id").asLong(), slug };
	}

	/** A new organisation of this type in the province named (e.g. 北京市), made an active member of the alliance. */
	long member(String slug, String type, String region) {
		long id = expect(201, admin.post("/api/v1/organizations",
				Map.of("name", "统计测试单位" + UUID.randomUUID(), "type", type, "region", region)))
			.json().get("id").asLong();
		expect(201, admin.post("/api/v1/alliances/" + slug + "/members", Map.of("organizationId", id, "role", "MEMBER")));
		return id;
	}

	/** A draft survey asking every active member, due in 30 days. */
	long draft(String slug, String title, String period, Long copiedFrom, String sizeField, List<Field> fields) {
		Map<String, Object> survey = new HashMap<>();
		survey.put("title", title);
		survey.put("period", period);
		survey.put("deadline", OffsetDateTime.now().plusDays(30).toString());
		survey.put("fields", fields.stream().map(f -> {
			Map<String, Object> field = new HashMap<>(Map.of("key", f.key(), "label", f.label(), "type", f.type()));
			if (f.unit() != null) {
				field.put("unit", f.unit());
			}
			return field;
		}).toList());
		if (copiedFrom != null) {
			survey.put("copiedFrom", copiedFrom);
		}
		if (sizeField != null) {
			survey.put("sizeField", sizeField);
		}
		return expect(201, admin.post("/api/v1/alliances/" + slug + "/surveys", survey)).json().get("id").asLong();
	}

	/** Publishes a draft: its recipients are the alliance's active members now. */
	void publish(long survey) {
		expect(200, admin.post("/api/v1/surveys/" + survey + "/publish", Map.of()));
	}

	void close(long survey) {
		expect(200, admin.post("/api/v1/surveys/" + survey + "/close", Map.of()));
	}

	/** The organisation's first answer, saved as a draft or submitted, entered by the administrator for it. */
	void answer(long survey, long organizationId, boolean submit, Map<String, Object> values) {
		expect(201, admin.put("/api/v1/surveys/" + survey + "/responses/" + organizationId,
				Map.of("values", values, "submit", submit)));
	}

	/** Hands a submitted answer back for correction. */
	void reopen(long survey, long organizationId, String reason) {
		expect(200, admin.post("/api/v1/surveys/" + survey + "/responses/" + organizationId + "/reopen",
				Map.of("reason", reason)));
	}

	/** A secretariat user of the alliance; its password is "password-" and the user name. */
	String secretariatUser(String slug) {
		String username = "s" + UUID.randomUUID().toString().substring(0, 8);
		expect(201, admin.post("/api/v1/users", Map.of("username", username, "displayName", "秘书处", "email",
				username + "@example.org", "password", "password-" + username, "roles",
				List.of(Map.of("role", "SECRETARIAT", "alliance", slug)))));
		return username;
	}

	/** The bearer token of a user made by {@link #secretariatUser}. */
	String token(String username) {
		return new TestClient(base).post("/api/v1/auth/token",
				Map.of("username", username, "password", "password-" + username)).json().get("token").asString();
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
