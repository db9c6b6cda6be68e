package org.alliancehub.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import org.alliancehub.FormSession;
import org.alliancehub.IntegrationTest;
import org.alliancehub.TestClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sign-in throttle as an attacker meets it: attempts are counted before the password is checked, an
 * attacker cannot keep the owner out, and behind the trusted proxy each client has its own budget.
 */
class SignInThrottleIntegrationTests extends IntegrationTest {

	@Test
	void twentyConcurrentBadAttemptsPassAtMostTheBudgetToThePasswordCheck() throws Exception {
		String user = newUser();
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(20);
		List<Future<Integer>> answers = new ArrayList<>();
		try {
			for (int i = 0; i < 20; i++) {
				int n = i;
				answers.add(pool.submit(() -> {
					start.await();
					return token("127.0.0.7", user, "wrong-password-" + n);
				}));
			}
			start.countDown();
			int checked = 0;
			for (Future<Integer> a : answers) {
				int status = a.get();
				assertThat(status).isIn(401, 429);
				checked += status == 401 ? 1 : 0;
			}
			assertThat(checked).as("attempts whose password was checked").isEqualTo(5);
		}
		finally {
			pool.shutdown();
		}
	}

	@Test
	void twentyConcurrentBadFormSignInsPassAtMostTheBudgetToThePasswordCheck() throws Exception {
		String user = newUser();
		String from = "127.0.0.8";
		var login = FromAddress.send(from, port, "GET", "/login", Map.of(), "");
		String cookie = login.header("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst()
			.orElseThrow().split(";")[0];
		var csrf = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login.body());
		assertThat(csrf.find()).isTrue();
		String form = "username=" + user + "&password=wrong-password&_csrf=" + csrf.group(1);
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(20);
		List<Future<FromAddress.Answer>> answers = new ArrayList<>();
		try {
			for (int i = 0; i < 20; i++) {
				answers.add(pool.submit(() -> {
					start.await();
					return FromAddress.send(from, port, "POST", "/login",
							Map.of("Content-Type", "application/x-www-form-urlencoded", "Cookie", cookie), form);
				}));
			}
			start.countDown();
			int checked = 0;
			for (Future<FromAddress.Answer> a : answers) {
				FromAddress.Answer answer = a.get();
				if (answer.status() == 302) {
					assertThat(answer.header("Location").get(0)).contains("/login?error");
					checked++;
				}
				else {
					assertThat(answer.status()).isEqualTo(429);
				}
			}
			assertThat(checked).as("sign-ins whose password was checked").isEqualTo(5);
		}
		finally {
			pool.shutdown();
		}
	}

	@Test
	void badPasswordsFromAnAttackerDoNotLockTheAdministratorOut() {
		String attacker = "127.0.0.4";
		for (int i = 0; i < 5; i++) {
			assertThat(token(attacker, "admin", "not-the-password-" + i)).as("checked and wrong").isEqualTo(401);
		}
		for (int i = 0; i < 5; i++) {
			assertThat(token(attacker, "admin", "not-the-password-either-" + i)).as("the attacker waits").isEqualTo(429);
		}
		assertThat(admin().get("/api/v1/users?size=1").status()).as("the owner signs in with a token").isEqualTo(200);
		FormSession form = FormSession.signIn(port, "admin", ADMIN_PASSWORD);
		assertThat(form.get("/admin/").statusCode()).as("and through the form").isEqualTo(200);
	}

	@Test
	void theOwnerSignsInFromAnotherAddressWhileAnAttackerFails() {
		String user = newUser();
		for (int i = 0; i < 8; i++) {
			assertThat(token("127.0.0.5", user, "guess-" + i)).isEqualTo(i < 5 ? 401 : 429);
		}
		assertThat(token("127.0.0.5", user, "password-" + user)).as("even the right password waits there").isEqualTo(429);
		assertThat(token("127.0.0.6", user, "password-" + user)).as("the owner elsewhere").isEqualTo(200);
	}

	@Test
	void behindTheTrustedProxyTwoClientsGetSeparateBudgets() {
		String user = newUser();
		String first = randomClient();
		for (int i = 0; i < 5; i++) {
			assertThat(FromAddress.tokenThroughProxy(port, first, user, "guess-" + i)).isEqualTo(401);
		}
		assertThat(FromAddress.tokenThroughProxy(port, first, user, "guess-again")).isEqualTo(429);
		assertThat(FromAddress.tokenThroughProxy(port, randomClient(), user, "guess-from-elsewhere")).isEqualTo(401);
	}

	@Test
	void withoutTheProxySettingXForwardedForIsIgnored() {
		String user = newUser();
		String untrusted = "127.0.0.3";
		for (int i = 0; i < 5; i++) {
			assertThat(badTokenFrom(untrusted, randomClient(), user)).isEqualTo(401);
		}
		assertThat(badTokenFrom(untrusted, randomClient(), user))
			.as("a new X-Forwarded-For from an address that is not a trusted proxy earns no new budget")
			.isEqualTo(429);
	}

	/** A client connecting directly from {@code from}, no proxy involved. */
	private int token(String from, String user, String password) {
		return FromAddress.send(from, port, "POST", "/api/v1/auth/token", Map.of("Content-Type", "application/json"),
				"{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}")
			.status();
	}

	private int badTokenFrom(String from, String forwardedFor, String user) {
		return FromAddress.send(from, port, "POST", "/api/v1/auth/token",
				Map.of("Content-Type", "application/json", "X-Forwarded-For", forwardedFor),
				"{\"username\":\"" + user + "\",\"password\":\"wrong-password\"}")
			.status();
	}

	private String newUser() {
		String username = "throttled-" + UUID.randomUUID().toString().substring(0, 8);
		TestClient.Response r = admin().post("/api/v1/users", Map.of("username", username, "displayName", "测试用户",
				"password", "password-" + username,
				"roles", List.of(Map.of("role", "SECRETARIAT", "alliance", "huanbao-zhuangbei"))));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return username;
	}

	private static String randomClient() {
		ThreadLocalRandom r = ThreadLocalRandom.current();
		return "10." + r.nextInt(1, 255) + "." + r.nextInt(1, 255) + "." + r.nextInt(1, 255);
	}
}
