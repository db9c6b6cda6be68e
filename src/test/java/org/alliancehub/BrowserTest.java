package org.alliancehub;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.events.EventFiringDecorator;
import org.openqa.selenium.support.events.WebDriverListener;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the tests that drive a real headless Chromium against the running application. Every page the
 * browser opens ({@code get}) or reaches by a click is checked with axe-core (issue 15): a serious or critical
 * violation fails the test that visited it ({@link #assertAccessible()} checks the page at hand at once).
 */
public abstract class BrowserTest extends IntegrationTest {

	private static final String AXE = "/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";

	protected static WebDriver browser;

	/** The undecorated driver, for checks that must not be checked themselves. */
	protected static WebDriver raw;

	/** Serious or critical violations found on the pages visited by the running test, one line each. */
	private static final List<String> violations = Collections.synchronizedList(new ArrayList<>());

	private static String axe;

	@BeforeAll
	static void startBrowser() throws IOException {
		try (InputStream in = BrowserTest.class.getResourceAsStream(AXE)) {
			axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		raw = Chromium.start();
		browser = new EventFiringDecorator<WebDriver>(new WebDriverListener() {

			@Override
			public void afterGet(WebDriver driver, String url) {
				violations.addAll(axe(raw));
			}

			@Override
			public void beforeClick(WebElement element) {
				lastUrl = raw.getCurrentUrl();
			}

			@Override
			public void afterClick(WebElement element) {
				// a click that led to another page: check that page too
				try {
					if (!raw.getCurrentUrl().equals(lastUrl)) {
						violations.addAll(axe(raw));
					}
				}
				catch (RuntimeException e) {
					// the page is still loading or went away: the next visit is checked
				}
			}
		}).decorate(raw);
	}

	private static volatile String lastUrl = "";

	@AfterAll
	static void stopBrowser() {
		if (raw != null) {
			raw.quit();
		}
	}

	@AfterEach
	void noSeriousAccessibilityViolations() {
		List<String> found = List.copyOf(violations);
		violations.clear();
		assertThat(found).as("axe-core: serious or critical violations on the pages visited").isEmpty();
	}

	/** Checks the page the browser shows now with axe-core; fails on any serious or critical violation. */
	protected static void assertAccessible() {
		List<String> found = axe(raw);
		assertThat(found).as("axe-core: serious or critical violations on " + raw.getCurrentUrl()).isEmpty();
	}

	/** The serious and critical violations axe-core finds on the page shown, one line each (rule, page, nodes). */
	@SuppressWarnings("unchecked")
	protected static List<String> axe(WebDriver driver) {
		if (!driver.getCurrentUrl().startsWith("http")) {
			return List.of();
		}
		JavascriptExecutor js = (JavascriptExecutor) driver;
		js.executeScript(axe);
		Object result = js.executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				axe.run(document, { resultTypes: ['violations'] })
				  .then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
				    .map(v => ({ id: v.id, impact: v.impact, help: v.help,
				      nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ')).join(', ') }))))
				  .catch(e => done([{ id: 'axe-error', impact: 'critical', help: String(e), nodes: '' }]));""");
		List<String> lines = new ArrayList<>();
		for (Map<String, Object> v : (List<Map<String, Object>>) result) {
			lines.add(v.get("impact") + " " + v.get("id") + " on " + driver.getCurrentUrl() + ": " + v.get("help")
					+ " [" + v.get("nodes") + "]");
		}
		return lines;
	}

	/** Signs in through the login form, as a fresh visitor, and waits for the back office. */
	protected void signIn(String username, String password) {
		browser.manage().deleteAllCookies();
		browser.get(url("/login"));
		browser.findElement(By.name("username")).sendKeys(username);
		browser.findElement(By.name("password")).sendKeys(password);
		browser.findElement(By.cssSelector("form.form button[type=submit]")).click();
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/admin"));
	}

	protected String url(String path) {
		return "http://127.0.0.1:" + port + path;
	}
}
