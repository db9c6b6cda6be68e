package org.alliancehub.annual;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.alliancehub.BrowserTest;
import org.alliancehub.TestClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/**
 * The annual flow in a real headless Chromium: the network requests the reports, the secretariat of a demo
 * alliance opens its draft, sees where each figure comes from, edits and submits it, and the network's
 * administrator has the compiled PDF made (progress shown) and downloads it.
 */
class AnnualBrowserTests extends BrowserTest {

	private void signIn(String username, String password, WebDriverWait wait) {
		browser.manage().deleteAllCookies();
		browser.get(url("/login"));
		browser.findElement(By.name("username")).sendKeys(username);
		browser.findElement(By.name("password")).sendKeys(password);
		browser.findElement(By.cssSelector("form.form button[type=submit]")).click();
		wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
	}

	@Test
	void theNetworkRequestsASecretariatEditsAndSubmitsItsDraftAndTheNetworkDownloadsTheCompiledPdf() {
		TestClient admin = admin();
		int year = 2050 + ThreadLocalRandom.current().nextInt(0, 50);
		JsonNode list = admin.get("/api/v1/alliances").json();
		JsonNode items = list.has("items") ? list.get("items") : list;
		String slug = items.get(0).get("slug").asString();
		String username = "annual-browser-" + year + "-" + ThreadLocalRandom.current().nextInt(1_000_000);
		assertThat(admin.post("/api/v1/users", Map.of("username", username, "displayName", "演示秘书处", "password",
				"password-" + username, "roles", List.of(Map.of("role", "SECRETARIAT", "alliance", slug)))).status()).isEqualTo(201);
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));

		// the network requests the reports
		signIn("admin", ADMIN_PASSWORD, wait);
		browser.get(url("/admin/annual"));
		WebElement yearField = browser.findElement(By.cssSelector("#new-request input[name=year]"));
		yearField.clear();
		yearField.sendKeys(String.valueOf(year));
		((JavascriptExecutor) browser).executeScript(
				"document.querySelector('#new-request input[name=deadline]').value = arguments[0]", (year + 1) + "-01-31T18:00");
		browser.findElement(By.cssSelector("#new-request button[type=submit]")).click();
		wait.until(ExpectedConditions.urlContains("/admin/annual/" + year));
		assertThat(browser.findElement(By.id("status")).getText()).isNotBlank();

		// the secretariat opens its draft: every figure links to its source
		signIn(username, "password-" + username, wait);
		String report = "/admin/a/" + slug + "/annual-reports/" + year;
		browser.get(url(report));
		List<WebElement> sources = browser.findElements(By.cssSelector("table a[target=_blank]"));
		assertThat(sources).isNotEmpty();
		assertThat(sources).allSatisfy(a -> assertThat(a.getDomAttribute("href")).contains(slug));
		String source = sources.get(0).getDomAttribute("href");
		// edits and submits it
		WebElement summary = browser.findElement(By.cssSelector("#edit-report textarea[name=summary]"));
		summary.clear();
		summary.sendKeys("浏览器中编辑的年度总结" + year);
		browser.findElement(By.cssSelector("#edit-report button[type=submit]")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("submit-report")));
		assertThat(browser.findElement(By.cssSelector("#edit-report textarea[name=summary]")).getAttribute("value"))
			.isEqualTo("浏览器中编辑的年度总结" + year);
		browser.findElement(By.cssSelector("#submit-report button[type=submit]")).click();
		wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("edit-report")));
		assertThat(browser.getPageSource()).contains("浏览器中编辑的年度总结" + year);
		browser.get(url(source.startsWith("http") ? source.replaceAll("^https?://[^/]+", "") : source));
		assertThat(browser.getTitle()).isNotBlank();

		// the network has the PDF made, watches its progress and downloads it
		signIn("admin", ADMIN_PASSWORD, wait);
		browser.get(url("/admin/annual/" + year));
		assertThat(browser.getPageSource()).contains("浏览器中编辑的年度总结" + year);
		browser.findElement(By.id("make-pdf")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("pdf-download")));
		String href = browser.findElement(By.id("pdf-download")).getDomAttribute("href");
		var pdf = admin.getBytes(href);
		assertThat(pdf.status()).isEqualTo(200);
		assertThat(new String(pdf.bytes(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
	}
}
