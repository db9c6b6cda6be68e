package org.alliancehub.search.web;

import java.nio.charset.StandardCharsets;

import org.alliancehub.search.SearchResult;
import tools.jackson.databind.ObjectMapper;

/**
 * A search answer written as JSON once, by the application's own JSON mapper (the one Spring MVC writes every other
 * answer with), cut around the time the search took: an answer asked again is this JSON with the time of that search
 * written in between, byte for byte what the mapper writes of it (proven by {@code SearchJsonIntegrationTests}).
 */
record AnswerJson(byte[] head, byte[] tail) {

	/**
	 * A time no search takes, written where {@code tookMs} goes and then cut out: {@code "tookMs":} with its quotes
	 * can stand only as the answer's own property (inside a string the quotes are escaped), and it is the only one of
	 * that name.
	 */
	static final long MARK = -7_349_162_585_117_452_193L;

	private static final byte[] AT = ("\"tookMs\":" + MARK).getBytes(StandardCharsets.UTF_8);

	/** The JSON with the time of this search. */
	byte[] with(long tookMs) {
		byte[] took = Long.toString(tookMs).getBytes(StandardCharsets.US_ASCII);
		byte[] out = new byte[head.length + took.length + tail.length];
		System.arraycopy(head, 0, out, 0, head.length);
		System.arraycopy(took, 0, out, head.length, took.length);
		System.arraycopy(tail, 0, out, head.length + took.length, tail.length);
		return out;
	}

	/** Writes answers with the application's JSON mapper. */
	record Writer(ObjectMapper json) {

		AnswerJson of(SearchResult answer) {
			byte[] whole = json.writeValueAsBytes(new SearchResult(answer.items(), answer.total(), MARK, answer.page(),
					answer.size(), answer.facets(), answer.suggestion()));
			int at = indexOf(whole, AT);
			if (at < 0 || indexOf(whole, AT, at + 1) >= 0) {
				throw new IllegalStateException("the answer's JSON holds its time once, as tookMs");
			}
			int digits = at + AT.length - Long.toString(MARK).length();
			byte[] head = java.util.Arrays.copyOfRange(whole, 0, digits);
			byte[] tail = java.util.Arrays.copyOfRange(whole, at + AT.length, whole.length);
			return new AnswerJson(head, tail);
		}

		private static int indexOf(byte[] in, byte[] what) {
			return indexOf(in, what, 0);
		}

		private static int indexOf(byte[] in, byte[] what, int from) {
			outer: for (int i = from; i <= in.length - what.length; i++) {
				for (int j = 0; j < what.length; j++) {
					if (in[i + j] != what[j]) {
						continue outer;
					}
				}
				return i;
			}
			return -1;
		}
	}
}
