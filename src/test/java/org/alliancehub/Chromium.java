package org.alliancehub;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** The real headless Chromium the browser tests drive, set up the same way for each of them. */
public final class Chromium {

	private Chromium() {
	}

	public static WebDriver start() {
		Path driver = Path.of("/usr/bin/chromedriver");
		if (!Files.isExecutable(driver)) {
			throw new IllegalStateException("chromium-driver is not installed; .ci/run installs it (apt-get install chromium chromium-driver)");
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary("/usr/bin/chromium");
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--window-size=1280,900", "--lang=zh-CN");
		WebDriver browser = new ChromeDriver(
				new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile()).build(), options);
		browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(3));
		return browser;
	}
}
