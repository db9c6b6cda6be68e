package org.alliancehub.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;
import org.alliancehub.BrowserTest;
import org.alliancehub.TestClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 11's "done when" for technology transfer, in a real headless Chromium: a representative posts a demand
 * through the form, the secretariat starts a project from it, the other organisation posts the achievement the
 * project produced; the representative sees it ranked with its reasons and expresses interest; the achievement's
 * representative is e-mailed, follows the link, accepts and records the transfer; and 需求 → 项目 → 成果 → 转化 is
 * walked by links, and back.
 */
class TransferBrowserTests extends BrowserTest {

	final TransferFixtures f = new TransferFixtures(this::admin, this::client);

	WebDriverWait wait;

	@Test
	void aDemandPostedInTheBrowserIsMatchedAcceptedTransferredAndTheChainIsWalkedByLinks() throws Exception {
		String tag = UUID.randomUUID().toString().substring(0, 6);
		String slug = f.alliance("浏览器转化联盟");
		long seeker = f.member(slug);
		long holder = f.member(slug);
		TestClient admin = admin();
		String secretariat = "ts" + tag;
		assertThat(admin.post("/api/v1/users", Map.of("username", secretariat, "displayName", "转化秘书处", "password",
				"password-" + secretariat, "roles", List.of(Map.of("role", "SECRETARIAT", "alliance", slug)))).status())
			.isEqualTo(201);
		wait = new WebDriverWait(browser, Duration.ofSeconds(10));
		String demandTitle = "磷化工料浆渣浆泵叶轮磨损快" + tag;
		String achievementTitle = "碳化硅陶瓷复合叶轮渣浆泵耐磨技术" + tag;

		// the seeker's representative finds the register in the site's navigation and posts a demand
		signIn(f.usernames.get(seeker));
		browser.get(url("/a/" + slug + "/news"));
		browser.findElement(By.cssSelector("nav.mainnav a[href='/a/" + slug + "/demands']")).click();
		browser.findElement(By.id("post-new")).click();
		WebElement form = browser.findElement(By.id("demand-form"));
		form.findElement(By.name("title")).sendKeys(demandTitle);
		form.findElement(By.name("description")).sendKeys("我厂输送磷化工料浆的渣浆泵叶轮磨损很快，寻求碳化硅陶瓷复合叶轮技术，延长过流部件寿命。" + tag);
		new Select(form.findElement(By.name("field"))).selectByValue("FLUID_MACHINERY");
		form.findElement(By.name("region")).sendKeys("130100");
		form.findElement(By.name("budget")).sendKeys("80");
		form.findElement(By.id("post-demand")).click();
		wait.until(ExpectedConditions.urlMatches("/a/" + slug + "/demands/\\d+$"));
		String demandUrl = browser.getCurrentUrl();
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(demandTitle);

		// the secretariat starts a joint project from it
		signIn(secretariat);
		browser.get(demandUrl);
		browser.findElement(By.cssSelector("#start-project button")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("project-link")));
		String projectHref = browser.findElement(By.id("project-link")).getAttribute("href");
		String projectId = projectHref.substring(projectHref.lastIndexOf('/') + 1);

		// the holder's representative posts the achievement the project produced
		signIn(f.usernames.get(holder));
		browser.get(url("/a/" + slug + "/achievements/new?projectId=" + projectId));
		form = browser.findElement(By.id("achievement-form"));
		form.findElement(By.name("title")).sendKeys(achievementTitle);
		form.findElement(By.name("description")).sendKeys("采用反应烧结碳化硅陶瓷复合叶轮和护板，用于磷化工料浆输送的渣浆泵，过流部件寿命提高三倍。" + tag);
		new Select(form.findElement(By.name("field"))).selectByValue("FLUID_MACHINERY");
		form.findElement(By.name("region")).sendKeys("130200");
		new Select(form.findElement(By.name("maturity"))).selectByValue("7");
		new Select(form.findElement(By.name("ipStatus"))).selectByValue("GRANTED_PATENT");
		form.findElement(By.name("patentNumber")).sendKeys("ZL202310000000.1");
		form.findElement(By.cssSelector("input[name=transferModes][value=LICENCE]")).click();
		form.findElement(By.id("post-achievement")).click();
		wait.until(ExpectedConditions.urlMatches("/a/" + slug + "/achievements/\\d+$"));
		String achievementUrl = browser.getCurrentUrl();
		String achievementId = achievementUrl.substring(achievementUrl.lastIndexOf('/') + 1);

		// the seeker sees it ranked first, with why, and expresses interest
		signIn(f.usernames.get(seeker));
		browser.get(demandUrl);
		WebElement first = browser.findElements(By.cssSelector("#matches tbody tr")).get(0);
		assertThat(first.getAttribute("id")).isEqualTo("match-" + achievementId);
		assertThat(first.findElement(By.cssSelector("ul.why")).getText()).contains("共同关键词").contains("叶轮")
			.contains("同一领域").contains("同一地区");
		first.findElement(By.cssSelector("button[type=submit]")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("interests")));
		assertThat(browser.findElement(By.id("interests")).getText()).contains("待答复");

		// the holder's representative is e-mailed, follows the link, accepts and records the transfer
		String mail = mailAbout(holder, demandTitle);
		Matcher link = Pattern.compile("/demands/\\d+").matcher(mail);
		assertThat(link.find()).as(mail).isTrue();
		signIn(f.usernames.get(holder));
		browser.get(url(link.group()));
		wait.until(ExpectedConditions.urlMatches("/a/" + slug + "/demands/\\d+"));
		browser.findElement(By.cssSelector("#interests button[name=decision][value=ACCEPT]")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form.transfer-form")));
		assertThat(browser.findElement(By.id("interests")).getText()).contains("已接受");
		WebElement transfer = browser.findElement(By.cssSelector("form.transfer-form"));
		new Select(transfer.findElement(By.name("contractType"))).selectByValue("LICENCE");
		transfer.findElement(By.name("amount")).sendKeys("120.5");
		((JavascriptExecutor) browser).executeScript("arguments[0].value = '2026-11-30'", transfer.findElement(By.name("date")));
		transfer.findElement(By.cssSelector("button[type=submit]")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("a.transfer-link")));

		// 需求 → 项目 → 成果 → 转化, by links, as the seeker
		signIn(f.usernames.get(seeker));
		browser.get(demandUrl);
		browser.findElement(By.id("project-link")).click();
		wait.until(ExpectedConditions.urlContains("/projects/" + projectId));
		assertThat(browser.findElement(By.id("related")).getText()).contains(demandTitle).contains(achievementTitle);
		browser.findElement(By.cssSelector("#related a[href$='/achievements/" + achievementId + "']")).click();
		wait.until(ExpectedConditions.urlContains("/achievements/" + achievementId));
		assertThat(browser.findElement(By.id("project-link")).getAttribute("href")).isEqualTo(projectHref);
		browser.findElement(By.cssSelector("#related a[href^='/transfers/']")).click();
		wait.until(ExpectedConditions.urlMatches("/a/" + slug + "/transfers/\\d+$"));
		assertThat(browser.findElement(By.id("transfer")).getText()).contains("许可").contains("120.5");
		// and back: the transfer names its achievement and its demand
		assertThat(browser.findElement(By.id("achievement-link")).getAttribute("href")).isEqualTo(achievementUrl);
		browser.findElement(By.id("demand-link")).click();
		wait.until(ExpectedConditions.urlToBe(demandUrl));
		assertThat(browser.findElement(By.cssSelector("#related a[href^='/transfers/']")).getText()).contains(achievementTitle);
	}

	/** The plain text of the first e-mail to the organisation's representative that names the demand. */
	private String mailAbout(long organization, String demandTitle) throws Exception {
		for (MimeMessage m : f.mailTo(organization, 1)) {
			String text = m.getSubject() + "\n" + plainText(m);
			if (text.contains(demandTitle)) {
				return text;
			}
		}
		throw new AssertionError("no e-mail about " + demandTitle);
	}

	private void signIn(String username) {
		browser.manage().deleteAllCookies();
		browser.get(url("/login"));
		browser.findElement(By.name("username")).sendKeys(username);
		browser.findElement(By.name("password")).sendKeys("password-" + username);
		browser.findElement(By.cssSelector("form.form button[type=submit]")).click();
		wait.until(ExpectedConditions.urlContains("/admin/"));
	}
}
