package org.alliancehub.mailing;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.alliancehub.FormSession;
import org.alliancehub.IntegrationTest;
import org.alliancehub.TestClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Briefings by e-mail over HTTP and a real SMTP server (GreenMail): double opt-in, a representative and a
 * subscriber receiving an issue, one-click unsubscribe signed out, and who may mail and watch a mailing.
 */
class MailingIntegrationTests extends IntegrationTest {

	record Fixture(String slug, TestClient secretariat, String repEmail) {
	}

	private Fixture alliance() {
		TestClient admin = admin();
		String slug = "ml-" + UUID.randomUUID().toString().substring(0, 8);
		assertThat(admin.post("/api/v1/alliances", Map.of("slug", slug, "name", "简报邮件联盟" + slug)).status()).isEqualTo(201);
		long org = admin.post("/api/v1/organizations", Map.of("name", "简报单位" + UUID.randomUUID(), "type", "ENTERPRISE"))
			.json().get("id").asLong();
		assertThat(admin.post("/api/v1/alliances/" + slug + "/members", Map.of("organizationId", org, "role", "MEMBER"))
			.status()).isEqualTo(201);
		String rep = "rep" + UUID.randomUUID().toString().substring(0, 8);
		assertThat(admin.post("/api/v1/users", Map.of("username", rep, "displayName", "代表", "email", rep + "@example.org",
				"password", "password-" + rep, "roles", List.of(Map.of("role", "MEMBER_REP", "organizationId", org))))
			.status()).isEqualTo(201);
		TestClient secretariat = TestClient.userWith(admin, client(),
				List.of(Map.of("role", "SECRETARIAT", "alliance", slug)));
		return new Fixture(slug, secretariat, rep + "@example.org");
	}

	private long briefing(Fixture f, int issue) {
		var r = f.secretariat().post("/api/v1/alliances/" + f.slug() + "/briefings", Map.of("issueNumber", issue, "title",
				"第" + issue + "期要闻", "publishedOn", "2026-12-01", "body", "<p>本期要闻：联盟年会召开。</p>"));
		assertThat(r.status()).isEqualTo(201);
		return r.json().get("id").asLong();
	}

	private JsonNode mailAndWait(Fixture f, long briefing) throws InterruptedException {
		int before = MAIL.getReceivedMessages().length;
		var created = f.secretariat().post("/api/v1/briefings/" + briefing + "/mailings", Map.of());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long id = created.json().get("id").asLong();
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		JsonNode m;
		do {
			Thread.sleep(100);
			m = f.secretariat().get("/api/v1/mailings/" + id).json();
		}
		while (m.get("pending").asLong() > 0 && System.nanoTime() < deadline);
		assertThat(m.get("pending").asLong()).isZero();
		// a row is SENT from just before its final dot, and GreenMail stores a mail after replying to the dot
		MAIL.waitForIncomingEmail(10_000, before + (int) m.get("sent").asLong());
		return m;
	}

	static List<MimeMessage> to(String address) throws Exception {
		return Arrays.stream(MAIL.getReceivedMessages()).filter(m -> {
			try {
				return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equalsIgnoreCase(address));
			}
			catch (jakarta.mail.MessagingException e) {
				return false;
			}
		}).toList();
	}

	static String link(MimeMessage m, String pattern) throws Exception {
		Matcher matcher = Pattern.compile("https?://[^/\\s]+(" + pattern + ")").matcher(plainText(m));
		assertThat(matcher.find()).as(plainText(m)).isTrue();
		return matcher.group(1);
	}

	private String subscribeAndConfirm(Fixture f) throws Exception {
		String email = "sub" + UUID.randomUUID().toString().substring(0, 8) + "@example.net";
		assertThat(client().post("/api/v1/alliances/" + f.slug() + "/subscriptions", Map.of("email", email)).status())
			.isEqualTo(202);
		String confirm = link(to(email).get(0), "/a/[^/]+/subscriptions/confirm/\\S+");
		assertThat(client().get(confirm).status()).isEqualTo(200);
		return email;
	}

	@Test
	void aSubscriptionStartsOnlyWithTheMailedLinkWhichWorksOnceAndCannotBeForged() throws Exception {
		Fixture f = alliance();
		String email = "sub" + UUID.randomUUID().toString().substring(0, 8) + "@example.net";
		var asked = client().post("/api/v1/alliances/" + f.slug() + "/subscriptions", Map.of("email", email));
		assertThat(asked.status()).isEqualTo(202);
		List<MimeMessage> confirmation = to(email);
		assertThat(confirmation).hasSize(1);
		assertThat(confirmation.get(0).getSubject()).contains("确认");

		// an issue mailed before the click does not reach the address
		JsonNode before = mailAndWait(f, briefing(f, 1));
		assertThat(before.get("total").asLong()).isEqualTo(1); // the representative only
		assertThat(to(email)).hasSize(1);

		String confirm = link(confirmation.get(0), "/a/[^/]+/subscriptions/confirm/\\S+");
		assertThat(client().get(confirm.replace("/a/" + f.slug() + "/", "/a/demo-other/")).status()).isEqualTo(404);
		assertThat(client().get("/a/" + f.slug() + "/subscriptions/confirm/forged" + UUID.randomUUID()).status())
			.isEqualTo(404);
		assertThat(client().get(confirm).status()).isEqualTo(200);
		assertThat(client().get(confirm).status()).as("the link works once").isEqualTo(404);

		JsonNode after = mailAndWait(f, briefing(f, 2));
		assertThat(after.get("total").asLong()).isEqualTo(2);
		assertThat(to(email)).hasSize(2);
	}

	@Test
	void askingAgainAnswersTheSameAndMailsNothingMore() throws Exception {
		Fixture f = alliance();
		String email = subscribeAndConfirm(f);
		var again = client().post("/api/v1/alliances/" + f.slug() + "/subscriptions", Map.of("email", email));
		var stranger = client().post("/api/v1/alliances/" + f.slug() + "/subscriptions",
				Map.of("email", "new" + UUID.randomUUID().toString().substring(0, 8) + "@example.net"));
		assertThat(again.status()).isEqualTo(stranger.status()).isEqualTo(202);
		assertThat(again.body()).isEqualTo(stranger.body());
		assertThat(to(email)).as("no second confirmation for a confirmed address").hasSize(1);
	}

	@Test
	void aRepresentativeAndASubscriberReceiveTheIssueAndOneClickUnsubscribesSignedOut() throws Exception {
		Fixture f = alliance();
		String email = subscribeAndConfirm(f);
		JsonNode m = mailAndWait(f, briefing(f, 1));
		assertThat(m.get("total").asLong()).isEqualTo(2);
		assertThat(m.get("sent").asLong()).isEqualTo(2);
		assertThat(m.get("failed").asLong()).isZero();
		assertThat(to(f.repEmail())).hasSize(1);
		List<MimeMessage> received = to(email);
		assertThat(received).hasSize(2); // the confirmation and the issue
		MimeMessage issue = received.get(1);
		assertThat(issue.getSubject()).contains("第1期");
		assertThat(plainText(issue)).contains("联盟年会召开");
		String header = issue.getHeader("List-Unsubscribe")[0];
		assertThat(header).matches("<https?://\\S+/a/" + f.slug() + "/unsubscribe/\\S+>");
		assertThat(issue.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
		assertThat(issue.getMessageID()).startsWith("<briefing-" + m.get("id").asLong() + "-");
		String unsubscribe = link(issue, "/a/[^/]+/unsubscribe/\\S+");
		assertThat("<" + header.substring(1, header.length() - 1) + ">").endsWith(unsubscribe + ">");

		// a forged token is refused; the mail program's one-click POST works signed out, without a CSRF token
		assertThat(client().postRaw(unsubscribe + "x", "application/x-www-form-urlencoded", "List-Unsubscribe=One-Click")
			.status()).isEqualTo(404);
		assertThat(client().get(unsubscribe).status()).as("opening the link unsubscribes nobody").isEqualTo(200);
		var done = client().postRaw(unsubscribe, "application/x-www-form-urlencoded", "List-Unsubscribe=One-Click");
		assertThat(done.status()).isEqualTo(200);

		// the representative's own link works as well
		String repUnsubscribe = link(to(f.repEmail()).get(0), "/a/[^/]+/unsubscribe/\\S+");
		assertThat(client().postRaw(repUnsubscribe, "application/x-www-form-urlencoded", "List-Unsubscribe=One-Click")
			.status()).isEqualTo(200);

		JsonNode next = mailAndWait(f, briefing(f, 2));
		assertThat(next.get("total").asLong()).isZero();
		assertThat(to(email)).hasSize(2);
		assertThat(to(f.repEmail())).hasSize(1);
	}

	@Test
	void everyRecipientReadsTheConfirmationAndTheIssueInTheLanguageTheyChose() throws Exception {
		Fixture f = alliance();
		// the representative reads Traditional Chinese, chosen on the notification settings page
		String rep = f.repEmail().substring(0, f.repEmail().indexOf('@'));
		FormSession browser = FormSession.signIn(port, rep, "password-" + rep);
		assertThat(browser.post("/admin/notifications/settings", "/admin/notifications/settings",
				"mode-survey=IMMEDIATE&language=zh-TW").statusCode()).isEqualTo(302);
		// a visitor subscribes from the English site, another from the Simplified Chinese one
		String english = "en" + UUID.randomUUID().toString().substring(0, 8) + "@example.net";
		assertThat(client().post("/api/v1/alliances/" + f.slug() + "/subscriptions?lang=en", Map.of("email", english))
			.status()).isEqualTo(202);
		MimeMessage confirmation = to(english).get(0);
		assertThat(confirmation.getSubject()).startsWith("Please confirm your subscription");
		String confirm = link(confirmation, "/a/[^/]+/subscriptions/confirm/\\S+");
		assertThat(confirm).as("the confirmation page opens in English").endsWith("?lang=en");
		assertThat(client().get(confirm).status()).isEqualTo(200);
		String simplified = subscribeAndConfirm(f);
		// the representative's address subscribed from the English site as well: one mail, in the account's language
		assertThat(client().post("/api/v1/alliances/" + f.slug() + "/subscriptions?lang=en", Map.of("email", f.repEmail()))
			.status()).isEqualTo(202);
		assertThat(client().get(link(to(f.repEmail()).get(0), "/a/[^/]+/subscriptions/confirm/\\S+")).status())
			.isEqualTo(200);

		JsonNode m = mailAndWait(f, briefing(f, 1));
		assertThat(m.get("total").asLong()).isEqualTo(3);

		MimeMessage toEnglish = to(english).get(1);
		assertThat(toEnglish.getSubject()).isEqualTo("简报邮件联盟" + f.slug() + " briefing no. 1: 第1期要闻");
		assertThat(toEnglish.getHeader("Content-Language")[0]).isEqualTo("en");
		assertThat(plainText(toEnglish)).contains("On the web: ").contains("/briefings/1?lang=en")
			.contains("Unsubscribe (one click): ").contains("本期要闻：联盟年会召开。").doesNotContain("网页版");

		List<MimeMessage> toRep = to(f.repEmail());
		assertThat(toRep).hasSize(2); // the confirmation and the issue
		MimeMessage toTraditional = toRep.get(1);
		assertThat(toTraditional.getSubject()).isEqualTo("簡報郵件聯盟" + f.slug() + " 簡報 第1期：第1期要聞");
		assertThat(toTraditional.getHeader("Content-Language")[0]).isEqualTo("zh-TW");
		assertThat(plainText(toTraditional)).contains("網頁版：").contains("/briefings/1?lang=zh-TW")
			.contains("本期要聞：聯盟年會召開。").doesNotContain("联盟年会");

		MimeMessage toSimplified = to(simplified).get(1);
		assertThat(toSimplified.getSubject()).isEqualTo("简报邮件联盟" + f.slug() + " 简报 第1期：第1期要闻");
		assertThat(toSimplified.getHeader("Content-Language")[0]).isEqualTo("zh-CN");
		assertThat(plainText(toSimplified)).contains("网页版：").contains("本期要闻：联盟年会召开。").doesNotContain("?lang=");

		// the English reader's one-click link works as the others do
		String unsubscribe = link(toEnglish, "/a/[^/]+/unsubscribe/\\S+");
		assertThat(client().postRaw(unsubscribe, "application/x-www-form-urlencoded", "List-Unsubscribe=One-Click")
			.status()).isEqualTo(200);
		assertThat(mailAndWait(f, briefing(f, 2)).get("total").asLong()).isEqualTo(2);
	}

	@Test
	void anotherAlliancesSecretariatCannotMailOrWatchTheMailing() throws Exception {
		Fixture f = alliance();
		Fixture other = alliance();
		long briefing = briefing(f, 1);
		assertThat(other.secretariat().post("/api/v1/briefings/" + briefing + "/mailings", Map.of()).status()).isEqualTo(403);
		assertThat(client().post("/api/v1/briefings/" + briefing + "/mailings", Map.of()).status()).isEqualTo(401);
		JsonNode m = mailAndWait(f, briefing);
		long id = m.get("id").asLong();
		assertThat(other.secretariat().get("/api/v1/mailings/" + id).status()).isEqualTo(404);
		assertThat(client().get("/api/v1/mailings/" + id).status()).isEqualTo(404);
		assertThat(client().get("/api/v1/mailings/999999999").status()).isEqualTo(404);
		assertThat(f.secretariat().post("/api/v1/briefings/999999999/mailings", Map.of()).status()).isEqualTo(404);
		assertThat(f.secretariat().post("/api/v1/briefings/" + briefing + "/mailings", Map.of()).status())
			.as("an issue is mailed once").isEqualTo(409);
		assertThat(admin().get("/admin/a/" + f.slug() + "/mailings").status()).isIn(200, 302);
	}

	@Test
	void askingTooOftenFromOneClientAddressIsRefusedWith429() throws Exception {
		Fixture f = alliance();
		String from = "127.0.0." + (10 + new java.util.Random().nextInt(200));
		int refused = 0;
		int accepted = 0;
		String retryAfter = null;
		java.util.List<Integer> statuses = new java.util.ArrayList<>();
		long start = System.nanoTime();
		for (int i = 0; i < 100 && refused < 6; i++) {
			String body = "{\"email\":\"flood" + i + UUID.randomUUID().toString().substring(0, 6) + "@example.net\"}";
			String answer = raw(from, "POST", "/api/v1/alliances/" + f.slug() + "/subscriptions", body);
			int status = Integer.parseInt(answer.substring(9, 12));
			statuses.add(status);
			if (status == 202) {
				accepted++;
			}
			else if (status == 429) {
				refused++;
				retryAfter = answer;
			}
		}
		assertThat(statuses.subList(0, 30)).as("the first 30 are let through").containsOnly(202);
		// then one every 2 s at most: on a busy machine the 40 take long enough for a few more to be let through
		long refills = (System.nanoTime() - start) / 2_000_000_000L;
		assertThat(refused).as("then one every 2 s at most: " + statuses).isGreaterThan(5);
		assertThat(accepted).as("then one every 2 s at most, in %d s: %s", 2 * refills, statuses)
			.isLessThanOrEqualTo(30 + (int) refills + 1);
		assertThat(accepted + refused).isEqualTo(statuses.size());
		assertThat(retryAfter).containsIgnoringCase("Retry-After:");
		// another client address is not held back
		assertThat(client().post("/api/v1/alliances/" + f.slug() + "/subscriptions",
				Map.of("email", "calm" + UUID.randomUUID().toString().substring(0, 6) + "@example.net")).status()).isEqualTo(202);
	}

	/** Plain HTTP/1.1 from a chosen loopback address: a client of its own for the per-address throttle. */
	private String raw(String from, String method, String path, String body) throws Exception {
		byte[] content = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
		String head = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n"
				+ "Content-Type: application/json\r\nContent-Length: " + content.length + "\r\n\r\n";
		try (java.net.Socket socket = new java.net.Socket(java.net.InetAddress.getByName("127.0.0.1"), port,
				java.net.InetAddress.getByName(from), 0)) {
			socket.setSoTimeout(30_000);
			socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.UTF_8));
			socket.getOutputStream().write(content);
			socket.getOutputStream().flush();
			return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
	}

	@Test
	void everyInvalidFieldIsNamed() {
		Fixture f = alliance();
		var empty = client().post("/api/v1/alliances/" + f.slug() + "/subscriptions", Map.of());
		assertThat(empty.status()).isEqualTo(400);
		assertThat(empty.invalidFields()).containsExactly("email");
		var bad = client().post("/api/v1/alliances/" + f.slug() + "/subscriptions", Map.of("email", "not-an-address"));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.invalidFields()).containsExactly("email");
		assertThat(client().post("/api/v1/alliances/no-such-alliance/subscriptions", Map.of("email", "a@example.net"))
			.status()).isEqualTo(404);
	}
}
