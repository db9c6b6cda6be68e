package org.alliancehub.mailing;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.alliancehub.BrowserTest;
import org.alliancehub.TestClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real headless Chromium: a visitor subscribes on the alliance's briefings page, confirms from the link in
 * the mail, receives the next briefing and unsubscribes with one click on the link that briefing carries.
 */
class MailingBrowserTests extends BrowserTest {

	@Test
	void aVisitorSubscribesConfirmsReceivesABriefingAndUnsubscribesInOneClick() throws Exception {
		TestClient admin = admin();
		String tag = UUID.randomUUID().toString().substring(0, 8);
		String slug = "mb-" + tag;
		assertThat(admin.post("/api/v1/alliances", Map.of("slug", slug, "name", "浏览器简报联盟" + tag)).status()).isEqualTo(201);
		TestClient secretariat = TestClient.userWith(admin, client(), List.of(Map.of("role", "SECRETARIAT", "alliance", slug)));
		String email = "visitor" + tag + "@example.net";
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
		browser.manage().deleteAllCookies();

		browser.get(url("/a/" + slug + "/briefings"));
		browser.findElement(By.id("subscribe-email")).sendKeys(email);
		browser.findElement(By.id("subscribe-button")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("subscribe-outcome")));
		assertThat(browser.findElement(By.id("subscribe-outcome")).getText()).contains("确认邮件");
		var confirmation = MailingIntegrationTests.to(email);
		assertThat(confirmation).hasSize(1);

		browser.get(url(MailingIntegrationTests.link(confirmation.get(0), "/a/[^/]+/subscriptions/confirm/\\S+")));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("subscription-confirmed")));

		long briefing = secretariat.post("/api/v1/alliances/" + slug + "/briefings", Map.of("issueNumber", 1, "title",
				"创刊号", "publishedOn", "2026-12-05", "body", "<p>联盟成立。</p>")).json().get("id").asLong();
		assertThat(waitForMailing(secretariat, briefing).get("sent").asLong()).isEqualTo(1);
		var received = MailingIntegrationTests.to(email);
		assertThat(received).hasSize(2);
		assertThat(received.get(1).getSubject()).contains("创刊号");

		browser.manage().deleteAllCookies();
		browser.get(url(MailingIntegrationTests.link(received.get(1), "/a/[^/]+/unsubscribe/\\S+")));
		browser.findElement(By.id("unsubscribe-button")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("unsubscribed")));
		assertThat(browser.findElement(By.id("unsubscribed")).getText()).contains(email);

		long next = secretariat.post("/api/v1/alliances/" + slug + "/briefings", Map.of("issueNumber", 2, "title",
				"第2期", "publishedOn", "2026-12-06", "body", "<p>第二期。</p>")).json().get("id").asLong();
		assertThat(waitForMailing(secretariat, next).get("total").asLong()).isZero();
		assertThat(MailingIntegrationTests.to(email)).hasSize(2);
	}

	private static JsonNode waitForMailing(TestClient secretariat, long briefing) throws InterruptedException {
		int before = MAIL.getReceivedMessages().length;
		var created = secretariat.post("/api/v1/briefings/" + briefing + "/mailings", Map.of());
		assertThat(created.status()).isEqualTo(201);
		long id = created.json().get("id").asLong();
		JsonNode m;
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		do {
			Thread.sleep(100);
			m = secretariat.get("/api/v1/mailings/" + id).json();
		}
		while (m.get("pending").asLong() > 0 && System.nanoTime() < deadline);
		// a row is SENT from just before its final dot, and GreenMail stores a mail after replying to the dot
		MAIL.waitForIncomingEmail(10_000, before + (int) m.get("sent").asLong());
		return m;
	}
}
