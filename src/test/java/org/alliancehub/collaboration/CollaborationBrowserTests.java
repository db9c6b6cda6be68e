package org.alliancehub.collaboration;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.alliancehub.BrowserTest;
import org.alliancehub.TestClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A joint project across two alliances, in a real headless Chromium: the secretariat proposes it and invites an
 * organisation of another alliance, that organisation's representative accepts on its requests page, and the
 * public project page lists both participants.
 */
class CollaborationBrowserTests extends BrowserTest {

	@Test
	void aSecretariatProposesInvitesAnotherAlliancesOrganisationWhichAcceptsAndThePageListsBoth() {
		TestClient admin = admin();
		String tag = UUID.randomUUID().toString().substring(0, 8);
		String home = "b-" + tag;
		String other = "o-" + tag;
		assertThat(admin.post("/api/v1/alliances", Map.of("slug", home, "name", "浏览器渣浆泵联盟" + tag)).status()).isEqualTo(201);
		assertThat(admin.post("/api/v1/alliances", Map.of("slug", other, "name", "浏览器环保装备联盟" + tag)).status()).isEqualTo(201);
		String leadName = "石家庄耐磨泵业有限公司" + tag;
		String partnerName = "宜兴环保装备研究院" + tag;
		long lead = admin.post("/api/v1/organizations", Map.of("name", leadName, "type", "ENTERPRISE")).json().get("id").asLong();
		long partner = admin.post("/api/v1/organizations", Map.of("name", partnerName, "type", "RESEARCH_INSTITUTE")).json().get("id")
			.asLong();
		assertThat(admin.post("/api/v1/alliances/" + home + "/members", Map.of("organizationId", lead, "role", "MEMBER"))
			.status()).isEqualTo(201);
		assertThat(admin.post("/api/v1/alliances/" + other + "/members", Map.of("organizationId", partner, "role", "MEMBER"))
			.status()).isEqualTo(201);
		String secretariat = "bs" + tag;
		String rep = "br" + tag;
		String leadRep = "bl" + tag;
		assertThat(admin.post("/api/v1/users", Map.of("username", leadRep, "displayName", "泵业代表", "email", leadRep + "@example.org",
				"password", "password-" + leadRep, "roles", List.of(Map.of("role", "MEMBER_REP", "organizationId", lead)))).status())
			.isEqualTo(201);
		assertThat(admin.post("/api/v1/users", Map.of("username", secretariat, "displayName", "浏览器秘书处", "password",
				"password-" + secretariat, "roles", List.of(Map.of("role", "SECRETARIAT", "alliance", home)))).status())
			.isEqualTo(201);
		assertThat(admin.post("/api/v1/users", Map.of("username", rep, "displayName", "研究院代表", "email", rep + "@example.org",
				"password", "password-" + rep, "roles", List.of(Map.of("role", "MEMBER_REP", "organizationId", partner)))).status())
			.isEqualTo(201);
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
		browser.manage().deleteAllCookies();

		signIn(wait, secretariat);
		browser.get(url("/admin/a/" + home + "/collaboration"));
		WebElement form = browser.findElement(By.id("new-project"));
		form.findElement(By.name("title")).sendKeys("跨联盟渣浆泵烟气脱硫应用联合攻关" + tag);
		form.findElement(By.name("leadOrganizationId")).sendKeys(String.valueOf(lead));
		form.findElement(By.name("field")).sendKeys("渣浆泵");
		form.findElement(By.cssSelector("button[type=submit]")).click();
		wait.until(ExpectedConditions.urlMatches("/admin/a/" + home + "/projects/\\d+$"));
		String url = browser.getCurrentUrl();
		long id = Long.parseLong(url.substring(url.lastIndexOf('/') + 1));
		WebElement invite = browser.findElement(By.id("invite"));
		invite.findElement(By.name("organizationId")).sendKeys(String.valueOf(partner));
		invite.findElement(By.cssSelector("button[type=submit]")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("participants"), partnerName));
		assertThat(browser.findElement(By.id("participants")).getText()).contains("已邀请，待确认");

		// the secretariat does not act for the lead organisation either: its own representative confirms the lead
		accept(wait, leadRep, id, lead, tag);
		accept(wait, rep, id, partner, tag);

		browser.manage().deleteAllCookies();
		browser.get(url("/a/" + home + "/projects/" + id));
		List<WebElement> participants = browser.findElements(By.cssSelector("#participants li"));
		assertThat(participants).hasSize(2);
		assertThat(participants.get(0).getText()).contains(leadName).contains("牵头").contains("已确认参与");
		assertThat(participants.get(1).getText()).contains(partnerName).contains("参与").contains("已确认参与");
	}

	/** The organisation's representative accepts the invitation on its requests page. */
	private void accept(WebDriverWait wait, String username, long project, long organization, String tag) {
		browser.manage().deleteAllCookies();
		signIn(wait, username);
		browser.get(url("/collaboration/requests"));
		assertThat(browser.getPageSource()).contains("跨联盟渣浆泵烟气脱硫应用联合攻关" + tag);
		browser.findElement(By.cssSelector("form[action='/collaboration/projects/" + project + "/participants/" + organization
				+ "/accept'] button[type=submit]")).click();
		wait.until(ExpectedConditions.urlContains("/collaboration/requests"));
		assertThat(browser.findElements(By.cssSelector("form[action$='/participants/" + organization + "/accept']"))).isEmpty();
	}

	private void signIn(WebDriverWait wait, String username) {
		browser.get(url("/login"));
		browser.findElement(By.name("username")).sendKeys(username);
		browser.findElement(By.name("password")).sendKeys("password-" + username);
		browser.findElement(By.cssSelector("form.form button[type=submit]")).click();
		wait.until(ExpectedConditions.urlContains("/admin/"));
	}
}
