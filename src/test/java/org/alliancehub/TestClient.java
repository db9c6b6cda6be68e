package org.alliancehub;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The API as a client calls it: plain HTTP with JSON and a bearer token. */
public final class TestClient {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private final String base;

	private final String token;

	public TestClient(String base) {
		this(base, null);
	}

	private TestClient(String base, String token) {
		this.base = base;
		this.token = token;
	}

	public record Response(int status, String body, java.net.http.HttpHeaders headers) {

		public JsonNode json() {
			return JSON.readTree(body);
		}

		public String header(String name) {
			return headers.firstValue(name).orElse(null);
		}

		/** The fields a 400 problem names, in order. */
		public List<String> invalidFields() {
			return json().get("errors").valueStream().map(e -> e.get("field").asString()).toList();
		}
	}

	public TestClient login(String username, String password) {
		Response r = post("/api/v1/auth/token", Map.of("username", username, "password", password));
		if (r.status() != 200) {
			throw new IllegalStateException("login of " + username + " failed: " + r.status() + " " + r.body());
		}
		return new TestClient(base, r.json().get("token").asString());
	}

	public TestClient withToken(String token) {
		return new TestClient(base, token);
	}

	public Response get(String path) {
		return send(builder(path).GET());
	}

	public Response post(String path, Object body) {
		return send(builder(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(write(body))));
	}

	public Response postRaw(String path, String contentType, String body) {
		return send(builder(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	/** A multipart/form-data upload of one file in the part {@code file}. */
	public Response upload(String path, String filename, byte[] content) {
		String boundary = "----alliancehub" + UUID.randomUUID();
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] body = new byte[head.length + content.length + tail.length];
		System.arraycopy(head, 0, body, 0, head.length);
		System.arraycopy(content, 0, body, head.length, content.length);
		System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
		return send(builder(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body)));
	}

	public Response patch(String path, Object body) {
		return send(builder(path).header("Content-Type", "application/json")
			.method("PATCH", HttpRequest.BodyPublishers.ofString(write(body))));
	}

	public Response put(String path, Object body) {
		return send(builder(path).header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(write(body))));
	}

	public Response delete(String path) {
		return send(builder(path).DELETE());
	}

	/** A user with the given roles, created by the administrator, signed in. */
	public static TestClient userWith(TestClient admin, TestClient anonymous, List<Map<String, Object>> roles) {
		String username = "u" + UUID.randomUUID().toString().substring(0, 8);
		Response r = admin.post("/api/v1/users", Map.of("username", username, "displayName", "测试用户", "email",
				username + "@example.org", "password", "password-" + username, "roles", roles));
		if (r.status() != 201) {
			throw new IllegalStateException(r.status() + " " + r.body());
		}
		return anonymous.login(username, "password-" + username);
	}

	private HttpRequest.Builder builder(String path) {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json");
		if (token != null) {
			b.header("Authorization", "Bearer " + token);
		}
		return b;
	}

	private Response send(HttpRequest.Builder b) {
		try {
			HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Response(r.statusCode(), r.body(), r.headers());
		}
		catch (IOException | InterruptedException e) {
			throw new IllegalStateException(e);
		}
	}

	private static String write(Object body) {
		return body instanceof String s ? s : JSON.writeValueAsString(body);
	}
	/** A call with any method and a JSON body, e.g. PUT. */
	public Response send(String method, String path, Object body) {
		return send(builder(path).header("Content-Type", "application/json")
			.method(method, HttpRequest.BodyPublishers.ofString(write(body))));
	}

	/** A binary answer, e.g. a spreadsheet. */
	public record Binary(int status, byte[] bytes, java.net.http.HttpHeaders headers) {
	}

	public Binary getBytes(String path) {
		try {
			HttpResponse<byte[]> r = HTTP.send(builder(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
			return new Binary(r.statusCode(), r.body(), r.headers());
		}
		catch (IOException | InterruptedException e) {
			throw new IllegalStateException(e);
		}
	}
}
