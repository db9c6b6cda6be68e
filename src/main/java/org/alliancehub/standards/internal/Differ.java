package org.alliancehub.standards.internal;

import java.util.ArrayList;
import java.util.List;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.DeltaType;
import org.alliancehub.standards.DraftDiff;
import org.alliancehub.standards.DraftDiff.DiffKind;
import org.alliancehub.standards.DraftDiff.DiffRow;
import org.alliancehub.standards.DraftDiff.DiffSegment;

/**
 * Compares two versions of a draft with java-diff-utils (Myers' algorithm): first the paragraphs (a paragraph is
 * a non-blank line; blank lines and the whitespace around a paragraph do not count as changes), then, inside a
 * changed paragraph, the characters, since Chinese text has no spaces to split words at.
 */
public final class Differ {

	private Differ() {
	}

	public static List<String> paragraphs(String text) {
		List<String> out = new ArrayList<>();
		for (String line : text.split("\\R")) {
			String p = line.strip();
			if (!p.isEmpty()) {
				out.add(p);
			}
		}
		return out;
	}

	public static DraftDiff diff(int version, String newer, int against, String older) {
		List<String> before = paragraphs(older);
		List<String> after = paragraphs(newer);
		List<DiffRow> rows = new ArrayList<>();
		int added = 0;
		int removed = 0;
		int changed = 0;
		for (AbstractDelta<String> d : DiffUtils.diff(before, after, true).getDeltas()) {
			List<String> from = d.getSource().getLines();
			List<String> to = d.getTarget().getLines();
			switch (d.getType()) {
				case EQUAL -> from.forEach(p -> rows.add(new DiffRow(DiffKind.EQUAL, List.of(new DiffSegment(p, false)), List.of(new DiffSegment(p, false)))));
				case DELETE -> {
					from.forEach(p -> rows.add(new DiffRow(DiffKind.DELETE, List.of(new DiffSegment(p, true)), List.of())));
					removed += from.size();
				}
				case INSERT -> {
					to.forEach(p -> rows.add(new DiffRow(DiffKind.INSERT, List.of(), List.of(new DiffSegment(p, true)))));
					added += to.size();
				}
				case CHANGE -> {
					int pairs = Math.min(from.size(), to.size());
					for (int i = 0; i < pairs; i++) {
						rows.add(characters(from.get(i), to.get(i)));
					}
					changed += pairs;
					for (int i = pairs; i < from.size(); i++) {
						rows.add(new DiffRow(DiffKind.DELETE, List.of(new DiffSegment(from.get(i), true)), List.of()));
						removed++;
					}
					for (int i = pairs; i < to.size(); i++) {
						rows.add(new DiffRow(DiffKind.INSERT, List.of(), List.of(new DiffSegment(to.get(i), true))));
						added++;
					}
				}
			}
		}
		return new DraftDiff(version, against, rows, added, removed, changed);
	}

	/** One changed paragraph, with the characters taken out and put in marked. */
	static DiffRow characters(String before, String after) {
		List<String> a = codePoints(before);
		List<String> b = codePoints(after);
		Pieces left = new Pieces();
		Pieces right = new Pieces();
		for (AbstractDelta<String> d : DiffUtils.diff(a, b, true).getDeltas()) {
			boolean equal = d.getType() == DeltaType.EQUAL;
			left.add(String.join("", d.getSource().getLines()), !equal);
			right.add(String.join("", d.getTarget().getLines()), !equal);
		}
		return new DiffRow(DiffKind.CHANGE, left.segments, right.segments);
	}

	private static List<String> codePoints(String s) {
		return s.codePoints().mapToObj(Character::toString).toList();
	}

	/** Segments with neighbours of the same marking joined. */
	private static final class Pieces {

		final List<DiffSegment> segments = new ArrayList<>();

		void add(String text, boolean marked) {
			if (text.isEmpty()) {
				return;
			}
			int last = segments.size() - 1;
			if (last >= 0 && segments.get(last).marked() == marked) {
				segments.set(last, new DiffSegment(segments.get(last).text() + text, marked));
			}
			else {
				segments.add(new DiffSegment(text, marked));
			}
		}
	}
}
