package org.alliancehub;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The back office's layout at desktop width (1280 px), in a real browser: every panel of a page stands in the main
 * column beside the menu, and the fields of a form's row do not lie over one another.
 */
class BackOfficeLayoutBrowserTests extends BrowserTest {

	@Test
	void everyPanelOfABackOfficePageStandsInTheMainColumnBesideTheMenu() {
		signIn("huaxian", "demo-secretariat");
		Dimension before = browser.manage().window().getSize();
		browser.manage().window().setSize(new Dimension(1280, 900));
		try {
			browser.get(url("/admin/a/huaxian/surveys"));
			String survey = (String) ((JavascriptExecutor) browser).executeScript("""
					return [...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href'))
					  .find(h => /^\\/admin\\/a\\/huaxian\\/surveys\\/\\d+$/.test(h));""");
			assertThat(survey).as("a survey of the demo alliance").isNotNull();
			// pages of more than one panel: the workbench, a survey
			for (String path : List.of("/admin/", survey)) {
				browser.get(url(path));
				assertThat(browser.findElements(By.cssSelector(".admin-layout .panel:not(.admin-nav)")).size()).as(path)
					.isGreaterThan(1);
				assertThat(underTheMenu()).as("panels under the menu on " + path).isEmpty();
			}
		}
		finally {
			browser.manage().window().setSize(before);
		}
	}

	@Test
	void theFieldsOfAFormRowDoNotLieOverOneAnother() {
		signIn("admin", ADMIN_PASSWORD);
		Dimension before = browser.manage().window().getSize();
		browser.manage().window().setSize(new Dimension(1280, 900));
		try {
			// the new user's row: a role, an alliance (a select of long names), an organisation
			browser.get(url("/admin/users"));
			@SuppressWarnings("unchecked")
			List<String> overlaps = (List<String>) ((JavascriptExecutor) browser).executeScript("""
					const out = [];
					for (const row of document.querySelectorAll('.form .row')) {
					  const fields = [...row.querySelectorAll('input:not([type=hidden]), select, textarea')];
					  for (let i = 0; i < fields.length; i++) for (let j = i + 1; j < fields.length; j++) {
					    const a = fields[i].getBoundingClientRect(), b = fields[j].getBoundingClientRect();
					    if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1)
					      out.push(fields[i].name + ' over ' + fields[j].name);
					  }
					}
					return out;""");
			assertThat(overlaps).isEmpty();
			assertThat(browser.findElements(By.cssSelector(".form .row select[name=alliance]"))).isNotEmpty();
		}
		finally {
			browser.manage().window().setSize(before);
		}
	}

	/** The back office's panels that begin left of the menu's right edge: in its column, not beside it. */
	@SuppressWarnings("unchecked")
	private List<String> underTheMenu() {
		return (List<String>) ((JavascriptExecutor) browser).executeScript("""
				const menu = document.querySelector('.admin-layout .admin-nav').getBoundingClientRect();
				return [...document.querySelectorAll('.admin-layout .panel:not(.admin-nav)')]
				  .filter(p => p.getBoundingClientRect().left < menu.right)
				  .map(p => p.tagName + ' ' + (p.textContent || '').trim().slice(0, 30));""");
	}
}
