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

	@Test
	void aLocaleReadsOneOfTheThreeLanguagesAndALinkOpensInIt() {
		assertThat(Language.of(java.util.Locale.US)).isEqualTo(Language.EN);
		assertThat(Language.of(java.util.Locale.forLanguageTag("zh-HK"))).isEqualTo(Language.ZH_TW);
		assertThat(Language.of(java.util.Locale.forLanguageTag("zh-Hant"))).isEqualTo(Language.ZH_TW);
		assertThat(Language.of(java.util.Locale.TRADITIONAL_CHINESE)).isEqualTo(Language.ZH_TW);
		assertThat(Language.of(java.util.Locale.forLanguageTag("zh-SG"))).isEqualTo(Language.ZH_CN);
		assertThat(Language.of(java.util.Locale.FRENCH)).isEqualTo(Language.ZH_CN);
		assertThat(Language.ZH_CN.query()).isEmpty();
		assertThat(Language.EN.query()).isEqualTo("?lang=en");
		assertThat(Language.ZH_TW.query()).isEqualTo("?lang=zh-TW");
	}
}
