package org.alliancehub.notification;

import java.time.Duration;

import org.alliancehub.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workbench in a browser, on the demo network: the chemical-fibre alliance's secretariat sees its waiting
 * work, follows its draft to the article form, publishes it and sees the item gone; the demo representative
 * sees the survey its enterprise has still to answer.
 */
class WorkbenchBrowserTests extends BrowserTest {

	private static final String DRAFT = "联盟2026年工作要点（草稿）";

	@Test
	void theDemoSecretariatFollowsAnItemToDoneAndTheRepresentativeSeesItsSurveyDue() {
		signIn("huaxian", "demo-secretariat");
		browser.get(url("/admin/"));
		String work = browser.findElement(By.id("workbench")).getText();
		assertThat(work).contains("2025年度化纤行业统计调查", DRAFT);
		browser.findElement(By.id("workbench")).findElement(By.partialLinkText(DRAFT)).click();
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.name("status")));
		assertThat(browser.getCurrentUrl()).contains("/admin/a/huaxian/articles/");
		new Select(browser.findElement(By.name("status"))).selectByValue("PUBLISHED");
		browser.findElement(By.id("save-article")).click();
		browser.get(url("/admin/"));
		assertThat(browser.findElement(By.id("workbench")).getText()).doesNotContain(DRAFT)
			.contains("2025年度化纤行业统计调查");

		signIn("huaxian-rep", "demo-representative");
		browser.get(url("/admin/"));
		var due = browser.findElement(By.id("workbench")).findElement(By.partialLinkText("2025年度化纤行业统计调查"));
		assertThat(due.getText()).startsWith("请填报调查");
		assertThat(due.getAttribute("href")).contains("/surveys/").contains("/answer/");
		due.click();
		assertThat(browser.getCurrentUrl()).contains("/answer/");
		assertThat(browser.getPageSource()).contains("2025年度化纤行业统计调查");
	}
}
