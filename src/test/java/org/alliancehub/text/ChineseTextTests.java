package org.alliancehub.text;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.github.houbb.opencc4j.util.ZhConverterUtil;

import static org.assertj.core.api.Assertions.assertThat;

class ChineseTextTests {

	@Test
	void traditionalAndSimplifiedFoldToOneForm() {
		assertThat(ChineseText.fold("渣漿泵聯盟成立大會")).isEqualTo(ChineseText.fold("渣浆泵联盟成立大会"));
		assertThat(ChineseText.fold("ＧＢ／Ｔ 3216")).isEqualTo("gb/t 3216");
	}

	@Test
	void regionalChemistryVariantsOpenCCKeepsAreFoldedToo() {
		assertThat(ChineseText.fold("乙醯水楊酸")).isEqualTo(ChineseText.fold("乙酰水杨酸")).isEqualTo("乙酰水杨酸");
		assertThat(ChineseText.fold("聚醯亞胺薄膜")).isEqualTo("聚酰亚胺薄膜");
		assertThat(ChineseText.fold("單晶矽")).isEqualTo("单晶硅");
		assertThat(ChineseText.words("聚醯亞胺")).isEqualTo(ChineseText.words("聚酰亚胺"));
	}

	@Test
	void skippingOpenCCWhereItCanChangeNothingGivesWhatOpenCCGives() throws Exception {
		String demo = Files.readString(Path.of("src/main/resources/demo/network.json"));
		List<String> texts = new ArrayList<>();
		for (String line : demo.split("\\R")) {
			if (!line.isBlank()) {
				texts.add(line);
				texts.add(ZhConverterUtil.toTraditional(line));
			}
		}
		texts.addAll(List.of("乾隆", "乾燥", "著作", "後來", "皇后", "頭髮", "發展", "干部", "一目瞭然", "理髮店"));
		int skipped = 0;
		for (String t : texts) {
			assertThat(ChineseText.opencc(t)).as(t).isEqualTo(ZhConverterUtil.toSimple(t));
			if (!ChineseText.mayConvert(t)) {
				skipped++;
			}
		}
		assertThat(skipped).as("texts OpenCC is not asked about").isPositive();
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
