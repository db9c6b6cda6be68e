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
 * sees the survey its enterprise has still to answer and the correspondence vote it has still to cast, votes on the
 * vote's ballot page and sees that item gone.
 */
class WorkbenchBrowserTests extends BrowserTest {

	private static final String DRAFT = "联盟2026年工作要点（草稿）";

	/** The demo's open correspondence vote, on which the demo representative's organisation has still to vote. */
	private static final String VOTE = "关于调整2026年度会费标准的通讯表决（演示数据）";

	@Test
	void theDemoSecretariatFollowsAnItemToDoneAndTheRepresentativeVotesOnItsWaitingVoteAndSeesItsSurveyDue() {
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
		assertThat(browser.findElement(By.id("workbench")).getText()).contains("2025年度化纤行业统计调查", VOTE);
		// the correspondence vote: followed to its ballot page, voted there, and gone from the workbench
		var vote = browser.findElement(By.id("workbench")).findElement(By.partialLinkText(VOTE));
		assertThat(vote.getText()).startsWith("请对通讯表决投票");
		vote.click();
		assertThat(browser.getCurrentUrl()).contains("/motions/").endsWith("/ballot");
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(VOTE);
		browser.findElement(By.cssSelector("form.vote-form button[value=YES]")).click();
		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until(ExpectedConditions.presenceOfElementLocated(By.id("ballot-confirmation")));
		assertThat(browser.findElement(By.id("receipt")).getText()).matches("[0-9a-f]{40}");
		assertThat(browser.findElements(By.cssSelector("form.vote-form"))).as("voted: no more choices").isEmpty();
		browser.findElement(By.id("ballot-confirmation")).findElement(By.tagName("a")).click();
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("workbench")));
		assertThat(browser.findElement(By.id("workbench")).getText()).doesNotContain(VOTE).contains("2025年度化纤行业统计调查");
		var due = browser.findElement(By.id("workbench")).findElement(By.partialLinkText("2025年度化纤行业统计调查"));
		assertThat(due.getText()).startsWith("请填报调查");
		assertThat(due.getAttribute("href")).contains("/surveys/").contains("/answer/");
		due.click();
		assertThat(browser.getCurrentUrl()).contains("/answer/");
		assertThat(browser.getPageSource()).contains("2025年度化纤行业统计调查");
	}
}
