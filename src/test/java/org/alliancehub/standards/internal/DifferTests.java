package org.alliancehub.standards.internal;

import java.util.List;

import org.alliancehub.standards.DraftDiff;
import org.alliancehub.standards.DraftDiff.DiffKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The difference between two versions of a Chinese draft: paragraphs first, characters inside a changed one. */
class DifferTests {

	@Test
	void aChangedParagraphMarksOnlyTheCharactersTakenOutAndPutIn() {
		DraftDiff d = Differ.diff(2, "4.1 硬度不低于 HRC60。", 1, "4.1 硬度不低于 HRC58。");
		assertThat(d.changed()).isEqualTo(1);
		DraftDiff.DiffRow row = d.rows().get(0);
		assertThat(row.kind()).isEqualTo(DiffKind.CHANGE);
		assertThat(row.before()).extracting(DraftDiff.DiffSegment::text).containsExactly("4.1 硬度不低于 HRC", "58", "。");
		assertThat(row.after()).filteredOn(DraftDiff.DiffSegment::marked).extracting(DraftDiff.DiffSegment::text).containsExactly("60");
	}

	@Test
	void paragraphsAddedAndRemovedAreWholeRowsAndBlankLinesAndSpacesAroundDoNotCount() {
		String older = "1 范围\n\n本文件规定了要求。\n2 术语\n3 要求";
		String newer = "  1 范围  \n本文件规定了要求。\n\n\n3 要求\n4 试验方法";
		DraftDiff d = Differ.diff(2, newer, 1, older);
		assertThat(d.rows()).extracting(DraftDiff.DiffRow::kind)
			.containsExactly(DiffKind.EQUAL, DiffKind.EQUAL, DiffKind.DELETE, DiffKind.EQUAL, DiffKind.INSERT);
		assertThat(d.added()).isEqualTo(1);
		assertThat(d.removed()).isEqualTo(1);
		assertThat(d.changed()).isZero();
	}

	@Test
	void charactersOutsideTheBasicPlaneStayWhole() {
		DraftDiff d = Differ.diff(2, "𠀀甲", 1, "𠀀乙");
		assertThat(d.rows().get(0).after()).extracting(DraftDiff.DiffSegment::text).containsExactly("𠀀", "甲");
		assertThat(Differ.paragraphs("a\r\nb\n\nc")).isEqualTo(List.of("a", "b", "c"));
	}
}
