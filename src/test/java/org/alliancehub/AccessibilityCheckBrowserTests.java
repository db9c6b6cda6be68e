package org.alliancehub;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;

import static org.assertj.core.api.Assertions.assertThat;

/** The axe-core check every browser test runs finds what it should: it is no check that always passes. */
class AccessibilityCheckBrowserTests extends BrowserTest {

	@Test
	void axeReportsAnImageWithoutTextAndAFieldWithoutLabelButNotTheCleanHomePage() {
		raw.get(url("/"));
		assertThat(axe(raw)).as("the network home").isEmpty();
		((JavascriptExecutor) raw).executeScript("""
				document.querySelector('main').insertAdjacentHTML('beforeend',
				  '<img src="/img/share.png"><input type="text" name="unlabelled">');""");
		assertThat(String.join("; ", axe(raw))).contains("image-alt").contains("label");
	}

	@Test
	void axeAlsoChecksWhatHtmxSwapsIntoAPageAfterItWasChecked() throws Exception {
		String htmx;
		try (var in = getClass().getResourceAsStream("/META-INF/resources/webjars/htmx.org/2.0.3/dist/htmx.min.js")) {
			htmx = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
		// a clean page, checked on arrival: the check also listens for htmx's swaps from here on
		browser.get(url("/"));
		assertThat(swappedViolations()).as("the network home").isEmpty();
		JavascriptExecutor js = (JavascriptExecutor) raw;
		assertThat(js.executeScript("return !!window.__axeSwaps")).as("the check ran when the page was opened")
			.isEqualTo(true);
		// the script declares its global with var: inside the function WebDriver wraps it in, it must be handed out
		js.executeScript(htmx + "\n;window.htmx = htmx;");
		String swapViolatingFragment = """
				const target = document.createElement('div');
				target.id = 'swapped-' + Date.now();
				document.querySelector('main').appendChild(target);
				htmx.swap('#' + target.id, '<img src="/img/share.png"><input type="text" name="unlabelled">',
				  { swapStyle: 'innerHTML' });""";
		js.executeScript(swapViolatingFragment);
		Object state = js.executeScript("return JSON.stringify({ listening: !!window.__axeSwaps, settled: window.__axeSettled,"
				+ " htmx: typeof htmx, swapped: document.querySelectorAll('main img').length });");
		assertThat(String.join("; ", swappedViolations())).as(String.valueOf(state)).contains("after an htmx swap")
			.contains("image-alt").contains("label");

		// collected by itself before the next visit, so that the test that swapped it would fail
		js.executeScript(swapViolatingFragment);
		Thread.sleep(200);
		browser.get(url("/"));
		assertThat(String.join("; ", swappedViolations())).contains("after an htmx swap").contains("image-alt");
		assertThat(swappedViolations()).as("the new page is clean, and nothing is reported twice").isEmpty();
	}
}
