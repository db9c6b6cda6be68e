package org.alliancehub.web;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** A page's numbers are written as each language's {@link NumberFormat} writes them. */
class PageContextNumbersTests {

	@Test
	void wholeNumbersAreWrittenAsTheLanguagesNumberFormatWritesThem() {
		List<Long> numbers = new ArrayList<>(List.of(0L, 1L, -1L, 9L, 10L, 99L, 100L, 999L, -999L, 1_000L, -1_000L, 1_001L,
				12_345L, 123_456L, 1_234_567L, -1_234_567L, 10_000_000L, 999_999_999L, Long.MAX_VALUE, Long.MIN_VALUE,
				Long.MIN_VALUE + 1, (long) Integer.MAX_VALUE, (long) Integer.MIN_VALUE));
		SplittableRandom random = new SplittableRandom(29);
		for (int i = 0; i < 2_000; i++) {
			numbers.add(random.nextLong() >> random.nextInt(64));
		}
		for (Language language : Language.values()) {
			PageContext ctx = context(language);
			NumberFormat format = NumberFormat.getIntegerInstance(language.locale());
			for (long n : numbers) {
				assertThat(ctx.number(n)).as("%s in %s", n, language).isEqualTo(format.format(n));
			}
		}
		assertThat(context(Language.ZH_CN).number(1_234_567)).isEqualTo("1,234,567");
		assertThat(context(Language.EN).number(-12_345)).isEqualTo("-12,345");
	}

	private static PageContext context(Language language) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setParameter(Language.PARAM, language.tag());
		return new PageContext(request, new StaticMessageSource(), "http://localhost");
	}
}
