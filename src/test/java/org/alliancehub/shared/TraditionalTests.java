package org.alliancehub.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TraditionalTests {

	@Test
	void theDevelopingAndIssuing发IsNotTheHair发() {
		assertThat(Traditional.of("联盟协发网")).isEqualTo("聯盟協發網");
		assertThat(Traditional.of("协发网动态")).isEqualTo("協發網動態");
		assertThat(Traditional.of("定期编发《化纤联盟简报》")).isEqualTo("定期編發《化纖聯盟簡報》");
		assertThat(Traditional.of("行业在不断发展，不断发布新标准。")).isEqualTo("行業在不斷發展，不斷發布新標準。");
	}

	@Test
	void hairStaysHairAndTheRestIsOpenCC() {
		assertThat(Traditional.of("头发、理发店、洗发水")).isEqualTo("頭髮、理髮店、洗髮水");
		assertThat(Traditional.of("渣浆泵行业年会在石家庄举行")).isEqualTo("渣漿泵行業年會在石家莊舉行");
		assertThat(Traditional.of("")).isEmpty();
	}
}
