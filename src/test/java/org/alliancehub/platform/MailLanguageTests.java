package org.alliancehub.platform;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The language a reader gets mail in, and the query that opens a link's page in it. */
class MailLanguageTests {

	@Test
	void aLocaleReadsOneOfTheThreeLanguagesAndALinkOpensInIt() {
		assertThat(Mail.language(Locale.US)).isEqualTo("en");
		assertThat(Mail.language(Locale.forLanguageTag("zh-HK"))).isEqualTo("zh-TW");
		assertThat(Mail.language(Locale.forLanguageTag("zh-MO"))).isEqualTo("zh-TW");
		assertThat(Mail.language(Locale.forLanguageTag("zh-Hant"))).isEqualTo("zh-TW");
		assertThat(Mail.language(Locale.TRADITIONAL_CHINESE)).isEqualTo("zh-TW");
		assertThat(Mail.language(Locale.forLanguageTag("zh-SG"))).isEqualTo("zh-CN");
		assertThat(Mail.language(Locale.FRENCH)).isEqualTo("zh-CN");
		assertThat(Mail.languageQuery(Locale.SIMPLIFIED_CHINESE)).isEmpty();
		assertThat(Mail.languageQuery(Locale.ENGLISH)).isEqualTo("?lang=en");
		assertThat(Mail.languageQuery(Locale.forLanguageTag("zh-TW"))).isEqualTo("?lang=zh-TW");
	}
}
