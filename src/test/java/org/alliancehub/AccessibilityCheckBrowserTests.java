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
}
