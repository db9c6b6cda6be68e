package org.alliancehub.membership;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.alliancehub.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real headless Chromium (issue 15): the demo secretariat imports a 50-row member sheet with two bad rows,
 * reads the preview naming them, fixes them and imports; and the back office fits a 390 px wide phone.
 */
class MemberSheetBrowserTests extends BrowserTest {

	@Test
	void theDemoSecretariatImportsFiftyRowsFixingTheTwoItWasToldAreBad() throws Exception {
		String tag = UUID.randomUUID().toString().substring(0, 6);
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
		browser.manage().deleteAllCookies();
		signIn(wait);

		List<String[]> rows = new ArrayList<>();
		for (int i = 1; i <= 50; i++) {
			rows.add(new String[] { "导入测试单位" + tag + "-" + i, "企业", "浙江省", "成员单位", "2026-01-15",
					"代表" + i, "rep" + i + "-" + tag + "@example.com" });
		}
		rows.get(9)[1] = "外星机构";
		rows.get(29)[6] = "rep30-at-nowhere";
		Path bad = Files.createTempFile("members-bad", ".xlsx");
		Files.write(bad, MemberSheetIntegrationTests.sheet(rows));

		browser.get(url("/admin/a/huaxian/members"));
		browser.findElement(By.id("member-sheet")).sendKeys(bad.toString());
		browser.findElement(By.id("member-sheet-preview")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("import-preview")));
		assertThat(browser.findElement(By.id("import-refused")).getText()).contains("2");
		assertThat(browser.findElements(By.cssSelector("tr[data-action=REFUSE]"))).hasSize(2);
		assertThat(browser.findElement(By.id("line-11")).getText()).contains("外星机构");
		assertThat(browser.findElement(By.id("line-31")).getText()).contains("rep30-at-nowhere");
		assertThat(browser.findElements(By.cssSelector("tr[data-action=CREATE]"))).hasSize(48);

		// cancel, fix the two rows and upload again
		browser.findElement(By.id("import-cancel")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("member-sheet")));
		rows.get(9)[1] = "企业";
		rows.get(29)[6] = "rep30-" + tag + "@example.com";
		Path fixed = Files.createTempFile("members-fixed", ".xlsx");
		Files.write(fixed, MemberSheetIntegrationTests.sheet(rows));
		browser.findElement(By.id("member-sheet")).sendKeys(fixed.toString());
		browser.findElement(By.id("member-sheet-preview")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("import-preview")));
		assertThat(browser.findElements(By.id("import-refused"))).isEmpty();
		assertThat(browser.findElements(By.cssSelector("tr[data-action=CREATE]"))).hasSize(50);

		browser.findElement(By.id("import-confirm")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("import-done")));
		assertThat(browser.findElement(By.id("import-done")).getText()).contains("50");
		assertAccessible();
		browser.get(url("/admin/a/huaxian/members"));
		assertThat(browser.getPageSource()).contains("导入测试单位" + tag + "-50");
	}

	@Test
	void theBackOfficeFitsAPhone390PixelsWide() {
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
		browser.manage().deleteAllCookies();
		signIn(wait);
		Dimension before = browser.manage().window().getSize();
		browser.manage().window().setSize(new Dimension(390, 844));
		try {
			for (String path : List.of("/admin/", "/admin/a/huaxian/members", "/admin/a/huaxian/articles",
					"/admin/a/huaxian/bulletins", "/admin/a/huaxian/surveys", "/admin/a/huaxian/meetings", "/admin/password",
					"/admin/invitations", "/admin/funding", "/admin/a/huaxian/surveys/new", "/admin/a/huaxian/collaboration")) {
				browser.get(url(path));
				long overflow = (Long) ((JavascriptExecutor) browser).executeScript(
						"return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
				Object wide = ((JavascriptExecutor) browser).executeScript("""
						const w = document.documentElement.clientWidth;
						return [...document.querySelectorAll('body *')].filter(e => !e.closest('.mainnav') && e.getBoundingClientRect().right > w + 1)
						  .slice(0, 8).map(e => e.tagName + '.' + e.className + '#' + e.id + ' ' + Math.round(e.getBoundingClientRect().right)).join('; ');""");
				assertThat(overflow).as("horizontal overflow at 390 px on " + path + ": " + wide).isLessThanOrEqualTo(0);
			}
		}
		finally {
			browser.manage().window().setSize(before);
		}
	}

	private void signIn(WebDriverWait wait) {
		browser.get(url("/login"));
		browser.findElement(By.name("username")).sendKeys("huaxian");
		browser.findElement(By.name("password")).sendKeys("demo-secretariat");
		browser.findElement(By.cssSelector("form.form button[type=submit]")).click();
		wait.until(ExpectedConditions.urlContains("/admin/"));
	}
}
