package org.alliancehub.membership;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.alliancehub.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Screenshots of issue 15's new pages for the closing note, at desktop width (1280 px) and on a phone (390 px),
 * saved as PNG under {@code target/screenshots/} (never committed): the workbench of the demo secretariat and of
 * the demo representative, the notifications and their settings, an application to decide, the member import's
 * preview and progress, an article with its QR code, that article's print view, and the ballot page of a
 * correspondence vote.
 */
class ScreenshotBrowserTests extends BrowserTest {

	static final Path DIR = Path.of("target", "screenshots");

	static final List<Dimension> WIDTHS = List.of(new Dimension(1280, 900), new Dimension(390, 844));

	private final List<Path> saved = new ArrayList<>();

	/** The page at hand, at each width, as {@code name-1280.png} and {@code name-390.png}. */
	private void shoot(String name) throws Exception {
		Dimension before = browser.manage().window().getSize();
		try {
			for (Dimension d : WIDTHS) {
				browser.manage().window().setSize(d);
				Thread.sleep(200);
				Path file = DIR.resolve(name + "-" + d.getWidth() + ".png");
				Files.write(file, ((TakesScreenshot) raw).getScreenshotAs(OutputType.BYTES));
				saved.add(file);
			}
		}
		finally {
			browser.manage().window().setSize(before);
		}
	}

	private void open(String path, String name) throws Exception {
		browser.get(url(path));
		shoot(name);
	}

	@Test
	void theNewPagesAreCapturedAtDesktopWidthAndOnAPhone() throws Exception {
		Files.createDirectories(DIR);
		String tag = UUID.randomUUID().toString().substring(0, 6);
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));

		// an application waiting for the demo secretariat
		long org = admin().post("/api/v1/organizations", Map.of("name", "截图申请单位" + tag, "type", "ENTERPRISE", "region", "浙江省"))
			.json().get("id").asLong();
		String rep = "shot" + tag;
		admin().post("/api/v1/users", Map.of("username", rep, "displayName", "截图代表", "email", rep + "@example.org",
				"password", "password-" + rep, "roles", List.of(Map.of("role", "MEMBER_REP", "organizationId", org))));
		long application = client().login(rep, "password-" + rep)
			.post("/api/v1/alliances/huaxian/applications", Map.of("organizationId", org, "statement", "我单位申请加入联盟（截图）。"))
			.json().get("id").asLong();

		signIn("huaxian", "demo-secretariat");
		open("/admin/", "workbench-secretariat");
		open("/admin/notifications", "notifications");
		open("/admin/notifications/settings", "notification-settings");
		open("/admin/a/huaxian/applications/" + application, "application");

		List<String[]> rows = new ArrayList<>();
		for (int i = 1; i <= 6; i++) {
			rows.add(new String[] { "截图导入单位" + tag + "-" + i, "企业", "浙江省", "成员单位", "2026-01-15", "代表" + i,
					"shot" + i + "-" + tag + "@example.com" });
		}
		rows.get(2)[1] = "外星机构";
		Path sheet = Files.createTempFile("members-shot", ".xlsx");
		Files.write(sheet, MemberSheetIntegrationTests.sheet(rows));
		browser.get(url("/admin/a/huaxian/members"));
		browser.findElement(By.id("member-sheet")).sendKeys(sheet.toString());
		browser.findElement(By.id("member-sheet-preview")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("import-preview")));
		shoot("member-import-preview");
		browser.findElement(By.id("import-confirm")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("import-done")));
		shoot("member-import-progress");

		browser.get(url("/a/huaxian/articles"));
		String article = browser.findElement(By.cssSelector("main a[href^='/a/huaxian/articles/']")).getAttribute("href");
		browser.get(article);
		assertThat(browser.findElements(By.id("share-qr"))).isNotEmpty();
		shoot("article-with-qr");
		((ChromeDriver) raw).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
		try {
			shoot("article-print");
		}
		finally {
			((ChromeDriver) raw).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
		}

		signIn("huaxian-rep", "demo-representative");
		open("/admin/", "workbench-representative");
		// the ballot page of the demo's correspondence vote, found through the API (voted or not yet)
		var votes = client().login("huaxian-rep", "demo-representative").get("/api/v1/alliances/huaxian/motions").json();
		long vote = votes.valueStream()
			.filter(v -> v.get("title").asString().equals("关于调整2026年度会费标准的通讯表决（演示数据）"))
			.findFirst()
			.orElseThrow()
			.get("id")
			.asLong();
		open("/motions/" + vote + "/ballot", "correspondence-ballot");

		saved.forEach(p -> System.out.println("screenshot: " + p));
		assertThat(saved).hasSize(20).allSatisfy(p -> assertThat(Files.size(p)).isGreaterThan(1000));
	}
}
