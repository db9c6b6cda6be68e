package org.alliancehub.standards;

import java.util.List;

/**
 * The difference between two versions of a draft, paragraph by paragraph: paragraphs kept, added, removed or
 * changed; a changed paragraph shows, character by character, what was taken out and what was put in (Chinese
 * text has no spaces between words, so characters are the unit).
 */
public record DraftDiff(int version, int against, List<DiffRow> rows, int added, int removed, int changed) {

	public enum DiffKind {
		EQUAL, INSERT, DELETE, CHANGE
	}

	/** A piece of a paragraph; {@code marked} when it differs from the other version. */
	public record DiffSegment(String text, boolean marked) {
	}

	/** A paragraph of the older version ({@code against}) beside the newer one ({@code version}). */
	public record DiffRow(DiffKind kind, List<DiffSegment> before, List<DiffSegment> after) {

		public boolean equal() {
			return kind == DiffKind.EQUAL;
		}

		public boolean inserted() {
			return kind == DiffKind.INSERT;
		}

		public boolean deleted() {
			return kind == DiffKind.DELETE;
		}
	}
}
