package org.alliancehub.identity;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.alliancehub.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sessions live in PostgreSQL, not in the JVM that signed the user in: another node, with nothing shared but
 * the database, reads the signed-in user back from the row; removing the row signs the visitor out.
 */
class SessionStoreIntegrationTests extends IntegrationTest {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aSignedInSessionIsARowThatAnotherNodeReadsBack() throws Exception {
		String username = newUser();
		CookieManager cookies = new CookieManager();
		HttpClient browser = browser(cookies);
		signIn(browser, username);
		String sessionId = sessionId(cookies);

		assertThat(jdbc.sql("select count(*) from spring_session where session_id = ? and principal_name = ?")
			.params(sessionId, username).query(Long.class).single()).isEqualTo(1);

		// a second node: its own repository, nothing in common with this one but PostgreSQL
		JdbcIndexedSessionRepository elsewhere = new JdbcIndexedSessionRepository(new JdbcTemplate(dataSource),
				new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
		Session read = elsewhere.findById(sessionId);
		assertThat(read).isNotNull();
		SecurityContext context = read.getAttribute("SPRING_SECURITY_CONTEXT");
		assertThat(context.getAuthentication().getName()).isEqualTo(username);

		// a different client (another browser tab, or the same cookie through another node) with only the cookie
		HttpClient other = browser(new CookieManager());
		assertThat(get(other, "/admin/password", sessionId).statusCode()).isEqualTo(200);
	}

	@Test
	void removingTheRowEndsTheSession() throws Exception {
		String username = newUser();
		CookieManager cookies = new CookieManager();
		HttpClient browser = browser(cookies);
		signIn(browser, username);
		assertThat(send(browser, HttpRequest.newBuilder(uri("/admin/password")).build()).statusCode()).isEqualTo(200);

		jdbc.sql("delete from spring_session where principal_name = ?").param(username).update();

		HttpResponse<String> after = send(browser, HttpRequest.newBuilder(uri("/admin/password")).build());
		assertThat(after.statusCode()).isEqualTo(302);
		assertThat(after.headers().firstValue("Location").orElseThrow()).contains("/login");
	}

	private String newUser() {
		String username = "session-" + UUID.randomUUID().toString().substring(0, 8);
		var r = admin().post("/api/v1/users", Map.of("username", username, "displayName", "会话用户", "password",
				"password-" + username, "roles", List.of(Map.of("role", "SECRETARIAT", "alliance", "huanbao-zhuangbei"))));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return username;
	}

	private void signIn(HttpClient browser, String username) {
		HttpResponse<String> page = send(browser, HttpRequest.newBuilder(uri("/login")).build());
		Matcher csrf = CSRF.matcher(page.body());
		assertThat(csrf.find()).isTrue();
		String form = "username=" + username + "&password=" + URLEncoder.encode("password-" + username, StandardCharsets.UTF_8)
				+ "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
		HttpResponse<String> r = send(browser, HttpRequest.newBuilder(uri("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build());
		assertThat(r.statusCode()).isEqualTo(302);
		assertThat(r.headers().firstValue("Location").orElse("")).doesNotContain("error");
	}

	/** Spring Session writes the id Base64-encoded into the cookie. */
	private static String sessionId(CookieManager cookies) {
		HttpCookie cookie = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
			.findFirst().orElseThrow();
		return new String(Base64.getDecoder().decode(cookie.getValue()), StandardCharsets.UTF_8);
	}

	private HttpResponse<String> get(HttpClient client, String path, String sessionId) {
		String cookie = Base64.getEncoder().encodeToString(sessionId.getBytes(StandardCharsets.UTF_8));
		return send(client, HttpRequest.newBuilder(uri(path)).header("Cookie", "JSESSIONID=" + cookie).build());
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}

	private static HttpClient browser(CookieManager cookies) {
		return HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
	}

	private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
		try {
			return client.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}
}
