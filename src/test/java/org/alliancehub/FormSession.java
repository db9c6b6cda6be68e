package org.alliancehub;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person in a browser without the browser: a cookie session signed in through the login form, CSRF and all.
 * Redirects are not followed, so a test sees the {@code Location} a form answers with.
 */
public final class FormSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private final String base;

	private FormSession(String base) {
		this.base = base;
	}

	/** A session nobody has signed in to yet. */
	public static FormSession anonymous(int port) {
		return new FormSession("http://127.0.0.1:" + port);
	}

	/** A session signed in through {@code /login} as an existing user; fails when the sign-in is refused. */
	public static FormSession signIn(int port, String username, String password) {
		FormSession session = anonymous(port);
		HttpResponse<String> r = session.login(username, password);
		if (r.statusCode() != 302 || r.headers().firstValue("Location").orElse("").contains("error")) {
			throw new IllegalStateException("sign-in of " + username + " refused: " + r.statusCode());
		}
		return session;
	}

	/** A new user with the given roles, created by the administrator and signed in through {@code /login}. */
	public static FormSession signIn(TestClient admin, int port, List<Map<String, Object>> roles) {
		String username = "form-" + UUID.randomUUID().toString().substring(0, 8);
		TestClient.Response r = admin.post("/api/v1/users", Map.of("username", username, "displayName", "表单用户",
				"password", "form-password-" + username, "roles", roles));
		if (r.status() != 201) {
			throw new IllegalStateException(r.status() + " " + r.body());
		}
		return signIn(port, username, "form-password-" + username);
	}

	/** Submits the login form (with the token of {@code /login}) and answers the server's reply as it is. */
	public HttpResponse<String> login(String username, String password) {
		return post("/login", List.of(Map.entry("username", username), Map.entry("password", password),
				Map.entry("_csrf", csrf("/login"))));
	}

	public HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).build());
	}

	/** The bytes of {@code path} (a download), as the session fetches them. */
	public HttpResponse<byte[]> getBytes(String path) {
		try {
			return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	/** The CSRF token on the page {@code path}. */
	public String csrf(String path) {
		Matcher m = CSRF.matcher(get(path).body());
		if (!m.find()) {
			throw new IllegalStateException("no CSRF token on " + path);
		}
		return m.group(1);
	}

	/** Posts a form with the CSRF token found on the page {@code from}, as a browser submitting that page would. */
	public HttpResponse<String> post(String from, String path, String form) {
		return postEncoded(path, form + "&_csrf=" + csrf(from));
	}

	/** Posts exactly these entries (a name may repeat), URL-encoded; no CSRF token is added. */
	public HttpResponse<String> post(String path, List<Map.Entry<String, String>> form) {
		return postEncoded(path, form.stream()
			.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&")));
	}

	/** Posts exactly these fields, URL-encoded; no CSRF token is added. */
	public HttpResponse<String> post(String path, Map<String, String> form) {
		return post(path, List.copyOf(form.entrySet()));
	}

	/**
	 * Uploads one file in the part {@code file} as multipart/form-data, with the CSRF token found on the page
	 * {@code from}, as a browser submitting that page's upload form would.
	 */
	public HttpResponse<String> upload(String from, String path, String filename, byte[] content) {
		String boundary = "----formsession" + UUID.randomUUID();
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf(from)
				+ "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] body = new byte[head.length + content.length + tail.length];
		System.arraycopy(head, 0, body, 0, head.length);
		System.arraycopy(content, 0, body, head.length, content.length);
		System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build());
	}

	private HttpResponse<String> postEncoded(String path, String body) {
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}
}
