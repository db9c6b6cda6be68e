package org.alliancehub.governance;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import org.alliancehub.TestClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A demo secretariat runs a council meeting in a real headless Chromium, from the call to published
 * minutes: invitations reach the representatives' mailboxes, participants are checked in, a motion is
 * put to the vote and adopted, the resolution drafted from it and the minutes written, approved and
 * published; then a visitor reads them on the alliance's site and finds them with the site search.
 */
class CouncilMeetingEndToEndTests extends org.alliancehub.BrowserTest {

	static final String SLUG = "huanbao-zhuangbei";

	/** A council unit of the demo alliance, with a representative who has an e-mail address. */
	TestClient councilUnit(TestClient admin, List<String> addresses) {
		long org = admin.post("/api/v1/organizations", Map.of("name", "环保装备理事单位" + UUID.randomUUID(), "type", "ENTERPRISE"))
			.json().get("id").asLong();
		assertThat(admin.post("/api/v1/alliances/" + SLUG + "/members", Map.of("organizationId", org, "role", "COUNCIL"))
			.status()).isEqualTo(201);
		String username = "hb-" + UUID.randomUUID().toString().substring(0, 8);
		addresses.add(username + "@example.org");
		admin.post("/api/v1/users", Map.of("username", username, "displayName", "理事单位代表", "email", username + "@example.org",
				"password", "council-" + username, "roles", List.of(Map.of("role", "MEMBER_REP", "organizationId", org))));
		return client().login(username, "council-" + username);
	}

	void click(String css) {
		browser.findElement(By.cssSelector(css)).click();
	}

	/** Presses a button on the meeting desk and waits for the desk to come back saying it was done. */
	void press(WebElement button, WebDriverWait wait, String what) {
		WebElement page = browser.findElement(By.tagName("html"));
		button.click();
		wait.until(ExpectedConditions.stalenessOf(page));
		wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
			.until(ExpectedConditions.attributeToBe(By.id("done"), "data-done", what));
	}

	void press(String css, WebDriverWait wait, String what) {
		press(browser.findElement(By.cssSelector(css)), wait, what);
	}

	@Test
	void aSecretariatRunsACouncilMeetingFromInvitationToPublishedMinutes() throws Exception {
		TestClient admin = admin();
		List<String> addresses = new ArrayList<>();
		TestClient first = councilUnit(admin, addresses);
		TestClient second = councilUnit(admin, addresses);
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));

		browser.get(url("/login"));
		browser.findElement(By.name("username")).sendKeys(SLUG);
		browser.findElement(By.name("password")).sendKeys("demo-secretariat");
		click("form.form button[type=submit]");
		wait.until(ExpectedConditions.urlContains("/admin/"));
		browser.get(url("/admin/a/" + SLUG + "/articles"));
		click("nav.admin-nav a[href='/admin/a/" + SLUG + "/meetings']");
		wait.until(ExpectedConditions.urlToBe(url("/admin/a/" + SLUG + "/meetings")));

		// Call the meeting.
		click("#new-meeting");
		new Select(browser.findElement(By.name("kind"))).selectByValue("COUNCIL");
		WebElement term = browser.findElement(By.name("term"));
		term.clear();
		term.sendKeys("3");
		WebElement session = browser.findElement(By.name("session"));
		session.clear();
		session.sendKeys("7");
		((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]",
				browser.findElement(By.name("startsAt")), "2026-12-18T09:30");
		new Select(browser.findElement(By.name("mode"))).selectByValue("ONLINE");
		browser.findElement(By.name("onlineUrl")).sendKeys("https://meeting.example.org/hb-3-7");
		browser.findElements(By.name("agendaTitle")).get(0).sendKeys("审议2027年联盟工作计划");
		click("#call-meeting");
		wait.until(ExpectedConditions.urlMatches("/admin/a/" + SLUG + "/meetings/\\d+$"));
		String desk = browser.getCurrentUrl();
		long meeting = Long.parseLong(desk.substring(desk.lastIndexOf('/') + 1));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("第三届第七次理事会");
		List<WebElement> rows = browser.findElements(By.cssSelector("tr[data-organization]"));
		assertThat(rows).hasSize(3);

		// Send the invitations: each representative gets one.
		int before = MAIL.getReceivedMessages().length;
		press("#send-invitations", wait, "invited");
		List<MimeMessage> sent = Arrays.stream(MAIL.getReceivedMessages()).skip(before).toList();
		assertThat(sent).hasSize(2);
		List<String> to = new ArrayList<>();
		for (MimeMessage m : sent) {
			assertThat(m.getSubject()).isEqualTo("会议通知：第三届第七次理事会");
			to.add(m.getAllRecipients()[0].toString());
		}
		assertThat(to).containsExactlyInAnyOrderElementsOf(addresses);

		// Check every participant in.
		for (int i = 0; i < 3; i++) {
			press(browser.findElements(By.cssSelector("tr[data-organization] button.check-in")).get(i), wait, "attendance");
		}
		assertThat(browser.findElement(By.id("quorum")).getText()).contains("3 / 3");

		// Propose and open a motion; the representatives vote through the API; close it.
		browser.findElement(By.cssSelector("#motion-form input[name=title]")).sendKeys("关于2027年联盟工作计划的议案");
		browser.findElement(By.cssSelector("#motion-form textarea[name=text]")).sendKeys("提请理事会审议2027年联盟工作计划。");
		new Select(browser.findElement(By.name("ballot"))).selectByValue("OPEN");
		new Select(browser.findElement(By.name("majority"))).selectByValue("SIMPLE");
		press("#propose-motion", wait, "proposed");
		long motion = Long.parseLong(browser.findElement(By.cssSelector(".motion")).getAttribute("data-motion"));
		press(".motion .vote-step", wait, "opened");
		assertThat(first.post("/api/v1/motions/" + motion + "/votes", Map.of("choice", "YES")).status()).isEqualTo(201);
		assertThat(second.post("/api/v1/motions/" + motion + "/votes", Map.of("choice", "YES")).status()).isEqualTo(201);
		browser.navigate().refresh();
		assertThat(browser.findElement(By.cssSelector(".motion .votes-cast")).getText()).contains("2 / 3");
		press(".motion .vote-step", wait, "closed");
		assertThat(browser.findElement(By.cssSelector(".motion .result")).getText()).contains("审议通过", "赞成 2，反对 0，弃权 0");

		// The resolution is drafted from the vote; the secretariat adds a sentence and saves it.
		WebElement resolution = browser.findElement(By.id("resolution-text"));
		assertThat(resolution.getAttribute("value")).contains("第三届第七次理事会决议",
				"一、会议审议通过了《关于2027年联盟工作计划的议案》。表决结果：赞成2票，反对0票，弃权0票。");
		((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[0].value.replace('特此决议。', arguments[1])",
				resolution, "会议要求秘书处认真组织落实。\n特此决议。");
		press("#save-resolution", wait, "resolutionSaved");
		assertThat(browser.findElement(By.id("resolution-text")).getAttribute("value")).contains("会议要求秘书处认真组织落实。");

		// Minutes: written in the editor, approved, published.
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#editor .ql-editor")));
		WebElement editor = browser.findElement(By.cssSelector("#editor .ql-editor"));
		editor.click();
		editor.sendKeys("会议由理事长单位主持，审议了子丑寅卯示范工程的推进安排。");
		press("#save-minutes", wait, "minutesSaved");
		assertThat(browser.findElement(By.id("minutes-status")).getText()).isEqualTo("草稿");
		press("#approve-minutes", wait, "minutes.approve");
		assertThat(browser.findElement(By.id("approval")).getText()).startsWith("由 ").contains("秘书处 于 ");
		press("#publish-minutes", wait, "minutes.publish");
		assertThat(browser.findElement(By.id("minutes-status")).getText()).isEqualTo("已发布");

		// A visitor reads them on the alliance's site and finds them with the search.
		browser.manage().deleteAllCookies();
		browser.get(url("/a/" + SLUG + "/about"));
		click("a[href='/a/" + SLUG + "/meetings']");
		browser.findElement(By.linkText("第三届第七次理事会纪要")).click();
		wait.until(ExpectedConditions.urlToBe(url("/a/" + SLUG + "/meetings/" + meeting)));
		assertThat(browser.findElement(By.id("minutes-body")).getText()).contains("子丑寅卯示范工程");
		assertThat(browser.findElement(By.id("resolution")).getText())
			.contains("会议审议通过了《关于2027年联盟工作计划的议案》", "会议要求秘书处认真组织落实。");

		String search = url("/search?q=" + URLEncoder.encode("子丑寅卯示范工程", StandardCharsets.UTF_8));
		wait.until(d -> {
			d.get(search);
			return !d.findElements(By.cssSelector("a[href='/a/" + SLUG + "/meetings/" + meeting + "']")).isEmpty();
		});
	}
}
