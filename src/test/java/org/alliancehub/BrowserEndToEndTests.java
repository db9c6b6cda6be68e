package org.alliancehub;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The path a person takes, in a real headless Chromium: the network home, an alliance, an article, 繁體,
 * then a secretariat signs in, publishes an article in the editor and finds it on the public site.
 */
class BrowserEndToEndTests extends BrowserTest {

	@Test
	void visitorReadsThenSecretariatPublishesAndTheArticleAppears() {
		TestClient admin = admin();
		admin.post("/api/v1/alliances", Map.of("slug", "e2e-zjb", "name", "河北省渣浆泵产业技术创新战略联盟（演示）", "shortName",
				"渣浆泵联盟", "icp", "冀ICP备00000000号"));
		admin.post("/api/v1/alliances/e2e-zjb/articles", Map.of("title", "渣浆泵行业年会在石家庄举行", "category",
				"ALLIANCE_NEWS", "source", "联盟秘书处", "body", "<p>年会总结了渣浆泵行业的发展。</p>", "status", "PUBLISHED"));
		admin.post("/api/v1/users", Map.of("username", "e2e-secretariat", "displayName", "渣浆泵联盟秘书处", "password",
				"e2e-secretariat-password", "roles", List.of(Map.of("role", "SECRETARIAT", "alliance", "e2e-zjb"))));
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));

		browser.get(url("/"));
		assertThat(browser.getTitle()).isNotBlank();
		browser.findElement(By.cssSelector("a[href='/a/e2e-zjb/']")).click();
		wait.until(ExpectedConditions.urlContains("/a/e2e-zjb/"));
		assertThat(browser.findElement(By.tagName("footer")).getText()).contains("冀ICP备00000000号");

		browser.findElement(By.linkText("渣浆泵行业年会在石家庄举行")).click();
		wait.until(ExpectedConditions.urlContains("/articles/"));
		assertThat(browser.findElement(By.cssSelector("article h1")).getText()).isEqualTo("渣浆泵行业年会在石家庄举行");
		assertThat(browser.findElement(By.cssSelector("article .meta")).getText()).contains("联盟秘书处");

		browser.findElement(By.linkText("繁體")).click();
		wait.until(ExpectedConditions.textToBe(By.cssSelector("article h1"), "渣漿泵行業年會在石家莊舉行"));
		browser.findElement(By.linkText("简体")).click();
		wait.until(ExpectedConditions.textToBe(By.cssSelector("article h1"), "渣浆泵行业年会在石家庄举行"));

		browser.get(url("/login"));
		browser.findElement(By.name("username")).sendKeys("e2e-secretariat");
		browser.findElement(By.name("password")).sendKeys("e2e-secretariat-password");
		browser.findElement(By.cssSelector("form.form button[type=submit]")).click();
		wait.until(ExpectedConditions.urlContains("/admin/"));

		browser.get(url("/admin/a/e2e-zjb/articles"));
		browser.findElement(By.id("new-article")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#editor .ql-editor")));
		// the heading picker speaks the page's language, not Quill's English (Normal, Heading 2)
		assertThat(((JavascriptExecutor) browser).executeScript("return getComputedStyle(document.querySelector("
				+ "'.ql-header.ql-picker .ql-picker-label'), '::before').content;")).isEqualTo("\"正文段落\"");
		assertThat(((JavascriptExecutor) browser).executeScript("return getComputedStyle(document.querySelector("
				+ "'.ql-header.ql-picker .ql-picker-item[data-value=\"2\"]'), '::before').content;")).isEqualTo("\"二级标题\"");
		browser.findElement(By.name("title")).sendKeys("联盟发布渣浆泵团体标准");
		WebElement editor = browser.findElement(By.cssSelector("#editor .ql-editor"));
		editor.click();
		editor.sendKeys("标准由十家成员单位共同起草。");
		new org.openqa.selenium.support.ui.Select(browser.findElement(By.name("status"))).selectByValue("PUBLISHED");
		browser.findElement(By.id("save-article")).click();
		wait.until(ExpectedConditions.urlContains("/admin/a/e2e-zjb/articles?status=PUBLISHED"));

		browser.manage().deleteAllCookies();
		browser.get(url("/a/e2e-zjb/news"));
		browser.findElement(By.linkText("联盟发布渣浆泵团体标准")).click();
		wait.until(ExpectedConditions.urlContains("/articles/"));
		assertThat(browser.findElement(By.cssSelector("article .body")).getText()).contains("标准由十家成员单位共同起草。");
	}

	@Test
	void everySectionOfTheMainNavigationIsInSightOnADesktopAndThePageFitsAPhone() {
		admin().post("/api/v1/alliances", Map.of("slug", "e2e-nav", "name", "导航测试产业技术创新战略联盟", "shortName", "导航联盟"));
		JavascriptExecutor js = (JavascriptExecutor) browser;
		Dimension before = browser.manage().window().getSize();
		try {
			for (String path : List.of("/a/e2e-nav/", "/a/e2e-nav/?lang=zh-TW", "/a/e2e-nav/?lang=en")) {
				browser.manage().window().setSize(new Dimension(1280, 900));
				browser.get(url(path));
				List<WebElement> links = browser.findElements(By.cssSelector(".mainnav a"));
				assertThat(links).as("sections on " + path).hasSizeGreaterThan(10);
				WebElement row = browser.findElement(By.cssSelector(".mainnav .wrap"));
				double edge = ((Number) js.executeScript("return arguments[0].getBoundingClientRect().right;", row)).doubleValue();
				for (WebElement link : links) {
					// in sight: not past the navigation's right edge, where a row that scrolls sideways hides it
					double right = ((Number) js.executeScript("return arguments[0].getBoundingClientRect().right;", link))
						.doubleValue();
					assertThat(right).as(link.getText() + " at 1280 px on " + path).isLessThanOrEqualTo(edge + 0.5);
				}
				browser.manage().window().setSize(new Dimension(390, 844));
				browser.get(url(path));
				long overflow = (Long) js.executeScript(
						"return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
				assertThat(overflow).as("horizontal overflow at 390 px on " + path).isLessThanOrEqualTo(0);
			}
			// a public table on a phone: its columns keep a readable width and the table scrolls sideways instead
			browser.manage().window().setSize(new Dimension(390, 844));
			browser.get(url("/a/hebei-zhajiangbeng/projects"));
			@SuppressWarnings("unchecked")
			List<Long> widths = (List<Long>) js.executeScript(
					"return [...document.querySelectorAll('main table.grid td')].map(td => Math.round(td.getBoundingClientRect().width));");
			assertThat(widths).as("the demo's projects").isNotEmpty().allSatisfy(w -> assertThat(w).isGreaterThanOrEqualTo(60L));
			assertThat((Long) js.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;"))
				.isLessThanOrEqualTo(0L);
		}
		finally {
			browser.manage().window().setSize(before);
		}
	}

	@Test
	void representativeAnswersASurveyInTheBrowserSavesADraftAndSubmits() {
		TestClient admin = admin();
		admin.post("/api/v1/alliances", Map.of("slug", "e2e-survey", "name", "浏览器调查联盟"));
		long org = admin.post("/api/v1/organizations", Map.of("name", "浏览器测试泵业有限公司", "type", "ENTERPRISE",
				"region", "河北省")).json().get("id").asLong();
		admin.post("/api/v1/alliances/e2e-survey/members", Map.of("organizationId", org, "role", "MEMBER"));
		admin.post("/api/v1/users", Map.of("username", "e2e-rep", "displayName", "填报人", "password", "e2e-rep-password",
				"roles", List.of(Map.of("role", "MEMBER_REP", "organizationId", org))));
		long survey = admin.post("/api/v1/alliances/e2e-survey/surveys", Map.of("title", "2025年度行业统计调查", "period",
				"2025", "deadline", "2099-03-31T17:00:00+08:00", "fields", List.of(
						Map.of("key", "revenue", "label", "营业收入", "type", "DECIMAL", "unit", "万元", "required", true),
						Map.of("key", "exportRevenue", "label", "出口收入", "type", "DECIMAL", "unit", "万元", "required", false),
						Map.of("key", "size", "label", "企业规模", "type", "CHOICE", "required", true, "options", List.of("大型", "中型")),
						Map.of("key", "products", "label", "主要产品", "type", "MULTI_CHOICE", "required", false,
								"options", List.of("渣浆泵", "清水泵")),
						Map.of("key", "province", "label", "所在省份", "type", "REGION", "required", true)),
				"rules", List.of(Map.of("expression", "exportRevenue <= revenue", "message", "出口收入不能大于营业收入"))))
			.json().get("id").asLong();
		admin.post("/api/v1/surveys/" + survey + "/publish", Map.of());
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
		browser.manage().deleteAllCookies();

		browser.get(url("/login"));
		browser.findElement(By.name("username")).sendKeys("e2e-rep");
		browser.findElement(By.name("password")).sendKeys("e2e-rep-password");
		browser.findElement(By.cssSelector("form.form button[type=submit]")).click();
		wait.until(ExpectedConditions.urlContains("/admin/"));
		browser.get(url("/surveys"));
		browser.findElement(By.linkText("2025年度行业统计调查")).click();
		wait.until(ExpectedConditions.urlContains("/answer/" + org));

		browser.findElement(By.name("v.revenue")).sendKeys("1200");
		browser.findElement(By.name("v.exportRevenue")).sendKeys("3000");
		browser.findElement(By.cssSelector("button[name=submit][value=false]")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#field-exportRevenue .alert"), "出口收入不能大于营业收入"));
		WebElement export = browser.findElement(By.name("v.exportRevenue"));
		export.clear();
		export.sendKeys("300");
		browser.findElement(By.cssSelector("button[name=submit][value=false]")).click();
		wait.until(ExpectedConditions.urlContains("saved=draft"));
		assertThat(browser.findElement(By.name("v.revenue")).getAttribute("value")).isEqualTo("1200");

		new org.openqa.selenium.support.ui.Select(browser.findElement(By.name("v.size"))).selectByValue("中型");
		new org.openqa.selenium.support.ui.Select(browser.findElement(By.name("v.province"))).selectByValue("130000");
		browser.findElement(By.cssSelector("input[name='v.products'][value='渣浆泵']")).click();
		browser.findElement(By.cssSelector("button[name=submit][value=true]")).click();
		wait.until(ExpectedConditions.urlContains("saved=submitted"));
		assertThat(browser.findElement(By.cssSelector("fieldset")).getAttribute("disabled")).isNotNull();
		var answer = admin.get("/api/v1/surveys/" + survey + "/responses/" + org).json();
		assertThat(answer.get("status").asString()).isEqualTo("SUBMITTED");
		assertThat(answer.get("values").get("province").asString()).isEqualTo("130000");
		assertThat(answer.get("values").get("products").get(0).asString()).isEqualTo("渣浆泵");
	}
}
