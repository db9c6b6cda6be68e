package org.alliancehub.standards;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.alliancehub.BrowserTest;
import org.alliancehub.TestClock;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import static org.alliancehub.standards.StandardsFixtures.today;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A group standard in a real headless Chromium: the secretariat proposes it on its desk, links the votes (put and
 * voted in governance), names the drafting unit, enters the draft and opens the comment period; an anonymous
 * visitor comments on the public page; the secretariat answers the comment, records the review, uploads the final
 * PDF and publishes; the public page shows the number, the disposition table and the whole history.
 */
class StandardsBrowserTests extends BrowserTest {

	@Autowired
	TestClock clock;

	@Test
	void aSecretariatTakesAStandardFromProposalThroughAnAnonymousCommentToPublication() throws Exception {
		StandardsFixtures f = new StandardsFixtures(admin(), client());
		String secretariat = "bs" + f.slug.substring(2);
		assertThat(f.admin.post("/api/v1/users", Map.of("username", secretariat, "displayName", "标准秘书处", "password",
				"password-" + secretariat, "roles", List.of(Map.of("role", "SECRETARIAT", "alliance", f.slug)))).status()).isEqualTo(201);
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
		browser.manage().deleteAllCookies();
		signIn(wait, secretariat);

		browser.get(url("/admin/a/" + f.slug + "/standards"));
		WebElement propose = browser.findElement(By.id("propose"));
		propose.findElement(By.name("title")).sendKeys("渣浆泵用高铬铸铁过流部件");
		propose.findElement(By.name("scope")).sendKeys("本文件规定了渣浆泵用高铬铸铁过流部件的技术要求。");
		propose.findElement(By.name("reasons")).sendKeys("统一过流部件的质量要求。");
		propose.findElement(By.name("proposingOrganizationIds")).sendKeys(String.valueOf(f.chair));
		propose.findElement(By.cssSelector("button[type=submit]")).click();
		wait.until(ExpectedConditions.urlMatches("/admin/a/" + f.slug + "/standards/\\d+$"));
		String desk = browser.getCurrentUrl();
		long id = Long.parseLong(desk.substring(desk.lastIndexOf('/') + 1));

		long start = f.motion(List.of(f.chair));
		submit("link-motion", Map.of("motionId", String.valueOf(start)));
		f.decide(start, List.of(f.chair), "YES");
		org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> f.stage(id).equals("APPROVED_TO_START"));
		browser.get(desk);
		submit("add-drafter", Map.of("organizationId", String.valueOf(f.council1)));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("drafting-group"), "起草单位"));
		submit("add-draft", Map.of("text", "1 范围\n本文件适用于渣浆泵。\n2 要求\n硬度不低于 HRC58。", "note", "征求意见稿"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("comment-period")));
		WebElement period = browser.findElement(By.id("comment-period"));
		setDate(period.findElement(By.name("from")), today().toString());
		setDate(period.findElement(By.name("to")), today().plusDays(30).toString());
		period.findElement(By.cssSelector("button[type=submit]")).click();
		wait.until(ExpectedConditions.textToBe(By.id("stage"), "征求意见"));

		// an anonymous visitor comments on the public page
		browser.manage().deleteAllCookies();
		browser.get(url("/a/" + f.slug + "/standards/" + id));
		WebElement form = browser.findElement(By.cssSelector("#comment-form form"));
		form.findElement(By.name("clause")).sendKeys("2");
		form.findElement(By.name("text")).sendKeys("建议将硬度要求提高到 HRC60。");
		form.findElement(By.name("name")).sendKeys("访客王工");
		form.findElement(By.name("organization")).sendKeys("某矿山设计院");
		form.findElement(By.name("contact")).sendKeys("wang@example.org");
		form.findElement(By.cssSelector("button[type=submit]")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("commented")));

		clock.moveTo(today().plusDays(31).atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant().plusSeconds(3600));
		try {
			f.signInAgain();
			signIn(wait, secretariat);
			browser.get(desk);
			WebElement dispose = browser.findElement(By.cssSelector("form.dispose"));
			new org.openqa.selenium.support.ui.Select(dispose.findElement(By.name("disposition"))).selectByValue("PARTLY_ACCEPTED");
			dispose.findElement(By.name("reason")).sendKeys("提高到 HRC59，兼顾韧性。");
			dispose.findElement(By.cssSelector("button[type=submit]")).click();
			wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("comments"), "兼顾韧性"));
			moveTo("REVIEW", "技术审查");
			submit("add-review", Map.of("reviewer", "王研究员", "opinion", "同意报批。"));
			wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("reviews"), "王研究员"));
			moveTo("VOTE", "批准表决");
			long approval = f.motion(List.of(f.council1));
			submit("link-motion", Map.of("motionId", String.valueOf(approval)));
			f.decide(approval, List.of(f.council1), "YES");
			org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
				.until(() -> f.standard(id).get("approvalAdopted").asBoolean());
			browser.get(desk);
			Path pdf = Files.createTempFile("standard", ".pdf");
			Files.write(pdf, StandardsFixtures.PDF);
			WebElement upload = browser.findElement(By.id("upload-final"));
			upload.findElement(By.name("file")).sendKeys(pdf.toString());
			upload.findElement(By.cssSelector("button[type=submit]")).click();
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("final")));
			WebElement publish = browser.findElement(By.id("publish"));
			String number = StandardsFixtures.number(today().plusDays(31).getYear());
			publish.findElement(By.name("number")).sendKeys(number);
			setDate(publish.findElement(By.name("issuedOn")), today().plusDays(31).toString());
			setDate(publish.findElement(By.name("effectiveOn")), today().plusDays(61).toString());
			publish.findElement(By.cssSelector("button[type=submit]")).click();
			wait.until(ExpectedConditions.textToBe(By.id("stage"), "已发布"));

			browser.manage().deleteAllCookies();
			browser.get(url("/a/" + f.slug + "/standards/" + id));
			assertThat(browser.findElement(By.id("number")).getText()).isEqualTo(number);
			assertThat(browser.findElement(By.id("dispositions")).getText()).contains("访客王工", "部分采纳", "兼顾韧性")
				.doesNotContain("wang@example.org");
			assertThat(browser.findElement(By.id("history")).getText()).contains("已提出", "已立项", "起草中", "征求意见", "技术审查",
					"批准表决", "已发布");
		}
		finally {
			clock.reset();
		}
	}

	private void moveTo(String stage, String label) {
		WebElement form = browser.findElement(By.id("change-stage"));
		new org.openqa.selenium.support.ui.Select(form.findElement(By.name("stage"))).selectByValue(stage);
		form.findElement(By.cssSelector("button[type=submit]")).click();
		new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.textToBe(By.id("stage"), label));
	}

	private void submit(String formId, Map<String, String> fields) {
		WebElement form = browser.findElement(By.id(formId));
		fields.forEach((name, value) -> {
			WebElement input = form.findElement(By.name(name));
			input.clear();
			input.sendKeys(value);
		});
		form.findElement(By.cssSelector("button[type=submit]")).click();
		new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.stalenessOf(form));
	}

	private void setDate(WebElement input, String value) {
		((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];", input, value);
	}

	private void signIn(WebDriverWait wait, String username) {
		browser.manage().deleteAllCookies();
		browser.get(url("/login"));
		browser.findElement(By.name("username")).sendKeys(username);
		browser.findElement(By.name("password")).sendKeys("password-" + username);
		browser.findElement(By.cssSelector("form.form button[type=submit]")).click();
		wait.until(ExpectedConditions.urlContains("/admin/"));
	}
}
