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
 * Content htmx swaps into a page is checked too: each checked page listens for {@code htmx:afterSettle} and runs
 * axe again after every swap (one run at a time, swaps that come while one waits share it); what those runs found
 * is collected after a click that stays on the page (once htmx has settled), before the next click or visit, and
 * after the test ({@link #swappedViolations()} collects it at once).
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
		browser = new EventFiringDecorator<WebDriver>(new AxeListener()).decorate(raw);
	}

	/**
	 * Checks each page visited and what htmx swaps into it. Public, and its methods too: the decorator calls them by
	 * reflection and only logs (never throws) when it may not, so an anonymous listener here was never called at all.
	 */
	public static final class AxeListener implements WebDriverListener {

		@Override
		public void beforeGet(WebDriver driver, String url) {
			// what swaps found on the page being left
			violations.addAll(swapped(raw, 500));
		}

		@Override
		public void afterGet(WebDriver driver, String url) {
			violations.addAll(axe(raw));
		}

		@Override
		public void beforeClick(WebElement element) {
			violations.addAll(swapped(raw, 500));
			lastUrl = raw.getCurrentUrl();
		}

		@Override
		public void afterClick(WebElement element) {
			// a click that led to another page: check that page too
			try {
				if (!raw.getCurrentUrl().equals(lastUrl)) {
					violations.addAll(axe(raw));
				}
				else {
					// it stayed: what htmx swapped in (once its request has settled)
					violations.addAll(swapped(raw, 3000));
				}
			}
			catch (RuntimeException e) {
				// the page is still loading or went away: the next visit is checked
			}
		}
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
		violations.addAll(swapped(raw, 3000));
		List<String> found = List.copyOf(violations);
		violations.clear();
		assertThat(found).as("axe-core: serious or critical violations on the pages visited").isEmpty();
	}

	/** Checks the page the browser shows now with axe-core; fails on any serious or critical violation. */
	protected static void assertAccessible() {
		List<String> found = axe(raw);
		assertThat(found).as("axe-core: serious or critical violations on " + raw.getCurrentUrl()).isEmpty();
	}

	/**
	 * Serious and critical violations in content htmx swapped into the pages visited since the last collection
	 * (waiting up to 3 s for htmx to settle); they no longer count against the running test.
	 */
	protected static List<String> swappedViolations() {
		List<String> found = new ArrayList<>(violations);
		violations.clear();
		found.addAll(swapped(raw, 3000));
		return found;
	}

	/**
	 * Installs on the page the re-run of axe after every htmx swap ({@code htmx:afterSettle} reaches the document
	 * from whatever element was swapped): runs are chained, never two at once (axe refuses that), and a swap while
	 * one run waits joins it. The page's own check runs in the chain too (a swap settling during it used to start a
	 * second run at once: "Axe is already running", seen once in AnnualBrowserTests at stop 25).
	 */
	private static final String ON_SWAP = """
			if (!window.__axeSwaps) {
			  window.__axeSwaps = [];
			  window.__axeChain = Promise.resolve();
			  window.__axeQueued = false;
			  document.addEventListener('htmx:afterSettle', function () {
			    window.__axeSettled = (window.__axeSettled || 0) + 1;
			    if (window.__axeQueued) { return; }
			    window.__axeQueued = true;
			    window.__axeChain = window.__axeChain
			      .then(function () { window.__axeQueued = false; return axe.run(document, { resultTypes: ['violations'] }); })
			      .then(function (r) {
			        r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical').forEach(v =>
			          window.__axeSwaps.push({ id: v.id, impact: v.impact, help: v.help,
			            nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ')).join(', ') }));
			      }, function (e) { window.__axeSwaps.push({ id: 'axe-error', impact: 'critical', help: String(e), nodes: '' }); });
			  });
			}""";

	/** The serious and critical violations axe-core finds on the page shown, one line each (rule, page, nodes). */
	@SuppressWarnings("unchecked")
	protected static List<String> axe(WebDriver driver) {
		if (!driver.getCurrentUrl().startsWith("http")) {
			return List.of();
		}
		JavascriptExecutor js = (JavascriptExecutor) driver;
		// loaded once per page: loading it again while a run after a swap is under way would start that run's axe over
		if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object' && typeof window.axe.run === 'function'"))) {
			js.executeScript(axe);
		}
		js.executeScript(ON_SWAP);
		// this run joins the chain too, so a swap that settles while it runs waits for it (axe refuses two at once)
		Object result = js.executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				const run = window.__axeChain.then(() => axe.run(document, { resultTypes: ['violations'] }));
				window.__axeChain = run.then(() => undefined, () => undefined);
				run
				  .then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
				    .map(v => ({ id: v.id, impact: v.impact, help: v.help,
				      nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ')).join(', ') }))))
				  .catch(e => done([{ id: 'axe-error', impact: 'critical', help: String(e), nodes: '' }]));""");
		return lines((List<Map<String, Object>>) result, driver.getCurrentUrl(), "");
	}

	/**
	 * What the runs after htmx swaps found on the page shown since the last collection, after waiting up to
	 * {@code settleMillis} for htmx's requests and swaps in flight and for the run under way. Nothing on a page that
	 * was never checked, or that is gone.
	 */
	@SuppressWarnings("unchecked")
	private static List<String> swapped(WebDriver driver, int settleMillis) {
		if (driver == null) {
			return List.of();
		}
		try {
			if (!driver.getCurrentUrl().startsWith("http")) {
				return List.of();
			}
			Object result = ((JavascriptExecutor) driver).executeAsyncScript("""
					const wait = arguments[0];
					const done = arguments[arguments.length - 1];
					if (!window.__axeSwaps) { done([]); return; }
					const start = Date.now();
					(function settle() {
					  if (document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling') && Date.now() - start < wait) {
					    setTimeout(settle, 50);
					    return;
					  }
					  window.__axeChain.then(() => done(window.__axeSwaps.splice(0)));
					})();""", settleMillis);
			return lines((List<Map<String, Object>>) result, driver.getCurrentUrl(), " after an htmx swap");
		}
		catch (RuntimeException e) {
			// the page is loading or went away: nothing to collect from it
			return List.of();
		}
	}

	private static List<String> lines(List<Map<String, Object>> found, String url, String when) {
		List<String> lines = new ArrayList<>();
		for (Map<String, Object> v : found) {
			lines.add(v.get("impact") + " " + v.get("id") + " on " + url + when + ": " + v.get("help") + " ["
					+ v.get("nodes") + "]");
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
