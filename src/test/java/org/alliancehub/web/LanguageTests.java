package org.alliancehub.web;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import jakarta.servlet.http.Cookie;

import static org.assertj.core.api.Assertions.assertThat;

class LanguageTests {

	@Test
	void simplifiedChineseUnlessChosen() {
		assertThat(Language.of(new MockHttpServletRequest())).isEqualTo(Language.ZH_CN);
		MockHttpServletRequest tw = new MockHttpServletRequest();
		tw.setParameter("lang", "zh-TW");
		assertThat(Language.of(tw)).isEqualTo(Language.ZH_TW);
		MockHttpServletRequest remembered = new MockHttpServletRequest();
		remembered.setCookies(new Cookie("lang", "en"));
		assertThat(Language.of(remembered)).isEqualTo(Language.EN);
		MockHttpServletRequest unknown = new MockHttpServletRequest();
		unknown.setParameter("lang", "fr");
		assertThat(Language.of(unknown)).isEqualTo(Language.ZH_CN);
	}
}
