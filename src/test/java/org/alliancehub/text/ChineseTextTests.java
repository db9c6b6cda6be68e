package org.alliancehub.text;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChineseTextTests {

	@Test
	void traditionalAndSimplifiedFoldToOneForm() {
		assertThat(ChineseText.fold("渣漿泵聯盟成立大會")).isEqualTo(ChineseText.fold("渣浆泵联盟成立大会"));
		assertThat(ChineseText.fold("ＧＢ／Ｔ 3216")).isEqualTo("gb/t 3216");
	}

	@Test
	void aQuestionWithoutSpacesIsCutIntoWordsTheSameInBothScripts() {
		List<String> words = ChineseText.words("渣浆泵联盟成立大会");
		assertThat(words).contains("联盟", "成立", "大会");
		assertThat(ChineseText.words("渣漿泵聯盟成立大會")).isEqualTo(words);
	}

	@Test
	void pairsCoverTheNamesTheDictionaryDoesNotKnow() {
		assertThat(ChineseText.pairsOfFolded("渣浆泵")).containsExactly("渣浆", "浆泵");
	}

	@Test
	void functionWordsAreKnown() {
		assertThat(ChineseText.isFunctionWord("的")).isTrue();
		assertThat(ChineseText.isFunctionWord("联盟")).isFalse();
	}

	@Test
	void theLongestNameOfAGroupIsFoundButNotInsideALatinWord() {
		Synonyms synonyms = new Synonyms(List.of(List.of("化纤联盟", "化纤产业技术创新战略联盟"), List.of("led", "发光二极管")));
		assertThat(synonyms.spans("化纤产业技术创新战略联盟年会")).containsExactly(
				new Synonyms.Span("化纤产业技术创新战略联盟", List.of("化纤联盟", "化纤产业技术创新战略联盟")),
				new Synonyms.Span("年会", List.of()));
		assertThat(synonyms.spans("filed led")).extracting(Synonyms.Span::isName).containsExactly(false, true);
	}
}
