package org.alliancehub.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HtmlTests {

	@Test
	void scriptsHandlersAndJavascriptLinksAreRemoved() {
		String dirty = "<h3 onclick=\"x()\">标题</h3><p>正文<script>alert(1)</script><a href=\"javascript:alert(1)\">链接</a>"
				+ "<iframe src=\"https://evil.example\"></iframe><img src=\"https://example.org/a.png\" onerror=\"x()\"></p>";
		String clean = Html.sanitize(dirty);
		assertThat(clean).doesNotContain("script", "onclick", "javascript", "iframe", "onerror")
			.contains("<h3>标题</h3>", "正文", "<img src=\"https://example.org/a.png\" alt=\"\" />");
	}

	@Test
	void anImageNobodyDescribedIsMarkedDecorativeAndAGivenAltIsKept() {
		assertThat(Html.sanitize("<p><img src=\"/files/a.png\"></p>")).contains("<img src=\"/files/a.png\" alt=\"\" />");
		assertThat(Html.sanitize("<p><img src=\"/files/a.png\" alt=\"会场\"></p>")).contains("alt=\"会场\"")
			.doesNotContain("alt=\"\"");
	}

	@Test
	void textAndExcerptDropTags() {
		assertThat(Html.text("<p>渣浆泵&amp;阀门</p><p>2023年</p>")).isEqualTo("渣浆泵&阀门 2023年");
		assertThat(Html.excerpt("<p>一二三四五</p>", 3)).isEqualTo("一二三…");
	}

	@Test
	void pagingRejectsSizesOutsideTheContract() {
		assertThat(Paging.of(null, null)).isEqualTo(new Paging(0, 20));
		assertThatThrownBy(() -> Paging.of(0, 101)).isInstanceOf(Invalid.class);
		assertThatThrownBy(() -> Paging.of(-1, 10)).isInstanceOf(Invalid.class);
		assertThat(new PageResult<>(java.util.List.of(1), 0, 20, 41).pages()).isEqualTo(3);
	}

	@Test
	void slugsAreLowerCaseAsciiWithDashes() {
		assertThat(Slugs.isValid("hb-zjb-2023")).isTrue();
		assertThat(Slugs.isValid("渣浆泵")).isFalse();
		assertThat(Slugs.isValid("-x")).isFalse();
		assertThat(Slugs.isValid("Upper")).isFalse();
	}
}
