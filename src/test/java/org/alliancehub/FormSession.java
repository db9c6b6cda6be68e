package org.alliancehub;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A person in a browser without the browser: a cookie session signed in through the login form, CSRF and all. */
public final class FormSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

	private final String base;

	private FormSession(String base) {
		this.base = base;
	}

	/** A new user with the given roles, created by the administrator and signed in through {@code /login}. */
	public static FormSession signIn(TestClient admin, int port, List<Map<String, Object>> roles) {
		String username = "form-" + UUID.randomUUID().toString().substring(0, 8);
		TestClient.Response r = admin.post("/api/v1/users", Map.of("username", username, "displayName", "表单用户",
				"password", "form-password-" + username, "roles", roles));
		if (r.status() != 201) {
			throw new IllegalStateException(r.status() + " " + r.body());
		}
		FormSession session = new FormSession("http://127.0.0.1:" + port);
		session.post("/login", "/login", "username=" + username + "&password=form-password-" + username);
		return session;
	}

	public HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).build());
	}

	/** Posts a form with the CSRF token found on the page {@code from}, as a browser submitting that page would. */
	public HttpResponse<String> post(String from, String path, String form) {
		Matcher m = CSRF.matcher(get(from).body());
		if (!m.find()) {
			throw new IllegalStateException("no CSRF token on " + from);
		}
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form + "&_csrf=" + m.group(1)))
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
