package org.alliancehub.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Names that stand for each other (化纤联盟 and 化纤产业技术创新战略联盟, 涤纶 and 聚酯纤维): finds them in a
 * folded text, so that the caller can accept any name of the group where one was written. The groups come
 * from the caller (the search keeps them in its table), folded as {@link ChineseText#fold} does.
 */
public final class Synonyms {

	/**
	 * A stretch of the text: plain text when {@code group} is empty, otherwise a name of {@code group} as
	 * written in the text.
	 */
	public record Span(String text, List<String> group) {

		public boolean isName() {
			return !group.isEmpty();
		}
	}

	private final Collection<List<String>> groups;

	public Synonyms(Collection<List<String>> groups) {
		this.groups = groups;
	}

	/**
	 * The text cut into plain stretches and names, from left to right; where names of several groups start
	 * at one place the longest wins, and a name never counts inside a longer Latin word or number (led in
	 * filed).
	 */
	public List<Span> spans(String folded) {
		List<Span> out = new ArrayList<>();
		StringBuilder plain = new StringBuilder();
		int i = 0;
		while (i < folded.length()) {
			List<String> group = null;
			int longest = 0;
			for (List<String> g : groups) {
				for (String name : g) {
					if (name.length() > longest && folded.startsWith(name, i) && bounded(folded, i, i + name.length())) {
						group = g;
						longest = name.length();
					}
				}
			}
			if (group == null) {
				plain.append(folded.charAt(i++));
				continue;
			}
			if (!plain.isEmpty()) {
				out.add(new Span(plain.toString(), List.of()));
				plain.setLength(0);
			}
			out.add(new Span(folded.substring(i, i + longest), List.copyOf(group)));
			i += longest;
		}
		if (!plain.isEmpty()) {
			out.add(new Span(plain.toString(), List.of()));
		}
		return out;
	}

	private static boolean bounded(String text, int from, int to) {
		return !(from > 0 && latin(text.charAt(from)) && latin(text.charAt(from - 1)))
				&& !(to < text.length() && latin(text.charAt(to - 1)) && latin(text.charAt(to)));
	}

	private static boolean latin(char c) {
		return c < 128 && Character.isLetterOrDigit(c);
	}
}
