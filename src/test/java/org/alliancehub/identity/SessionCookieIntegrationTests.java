package org.alliancehub.identity;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.alliancehub.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The session cookie stays on this site, out of scripts' reach, and off plain HTTP once HTTPS is in use. */
class SessionCookieIntegrationTests extends IntegrationTest {

	@Test
	void theSessionCookieIsSameSiteLaxAndHttpOnly() throws Exception {
		HttpResponse<String> r = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login")).build(),
					HttpResponse.BodyHandlers.ofString());
		String cookie = r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst()
			.orElseThrow();
		assertThat(cookie).contains("SameSite=Lax").contains("HttpOnly").doesNotContain("Secure");
	}

	@Test
	void behindTheTrustedProxyOverHttpsTheSessionCookieIsSecure() {
		var answer = FromAddress.send(FromAddress.PROXY, port, "GET", "/login",
				Map.of("X-Forwarded-For", "10.20.30.40", "X-Forwarded-Proto", "https"), "");
		assertThat(answer.status()).isEqualTo(200);
		String cookie = answer.header("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst()
			.orElseThrow();
		assertThat(cookie).contains("Secure").contains("SameSite=Lax").contains("HttpOnly");
	}

	@Test
	void anUntrustedClientClaimingHttpsGetsNoSecureCookie() {
		var answer = FromAddress.send("127.0.0.3", port, "GET", "/login", Map.of("X-Forwarded-Proto", "https"), "");
		String cookie = answer.header("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst()
			.orElseThrow();
		assertThat(cookie).doesNotContain("Secure");
	}
}
