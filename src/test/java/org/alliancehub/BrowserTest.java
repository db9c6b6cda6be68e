package org.alliancehub;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.WebDriver;

/** Base of the tests that drive a real headless Chromium against the running application. */
public abstract class BrowserTest extends IntegrationTest {

	protected static WebDriver browser;

	@BeforeAll
	static void startBrowser() {
		browser = Chromium.start();
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	protected String url(String path) {
		return "http://127.0.0.1:" + port + path;
	}
}
