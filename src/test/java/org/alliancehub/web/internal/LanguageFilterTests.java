package org.alliancehub.web.internal;

import org.alliancehub.shared.Traditional;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LanguageFilterTests {

	@Test
	void convertingThePageTextByTextGivesWhatConvertingTheWholePageGives() {
		String page = """
				<!doctype html><html lang="zh-CN"><head><title>联盟协发网 — 资讯</title></head>
				<body><nav><a href="/a/lmxfw">联盟协发网</a> <a href="/a/lmxfw/about" title="关于联盟">关于</a></nav>
				<main><h1>渣浆泵联盟发布团体标准</h1><p>会议指出，发展是第一要务，<em>软件</em>与硬件并重；头发、发现、
				皇后、后面、干燥、干部、里面、公里。</p><p>2024年，联盟成员单位在节能降耗方面取得进展。</p>
				<input name="_csrf" value="abc-123"><script>var x = 1 < 2 && 3 > 2;</script></main></body></html>
				""";
		assertThat(LanguageFilter.toTraditional(page)).isEqualTo(Traditional.of(page));
		// Again, from the texts remembered the first time.
		assertThat(LanguageFilter.toTraditional(page)).isEqualTo(Traditional.of(page));
		assertThat(LanguageFilter.toTraditional(page)).contains("聯盟協發網 — 資訊", "頭髮、發現");
		assertThat(LanguageFilter.toTraditional("<p>abc</p>")).isEqualTo("<p>abc</p>");
		assertThat(LanguageFilter.toTraditional("")).isEmpty();
	}
}
