package org.alliancehub.search.internal;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.alliancehub.platform.AllianceHubProperties;
import org.alliancehub.text.ChineseText;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;

/**
 * The follower's index work alone, without the database or the writers: rounds of {@code batch} changes (half new
 * articles, half updates of seeded ones, each a short sentence like the feed bench's) written with
 * {@link SearchIndex#write(Map, long)} (analysis, the batch's refresh; the timers commit and refresh as in the
 * application), one after the other on one thread. Reports the milliseconds per round (p50/p99), the changes per
 * second one thread sustains, and the process's CPU per change, then checks that every change is searchable.
 * Run it with bench/index-rounds.sh, against another build's classes with CLASSES=.
 */
public class IndexRounds {

	public static void main(String[] args) throws Exception {
		int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 300;
		int batch = args.length > 1 ? Integer.parseInt(args[1]) : 50;
		Path data = Files.createTempDirectory("alliancehub-index-rounds");
		SearchIndex index = new SearchIndex(
				new AllianceHubProperties(data, false, null, Duration.ofHours(12), 1024, true, "http://localhost"));
		int seeded = 2000;
		Map<String, Document> seed = new LinkedHashMap<>();
		for (int i = 0; i < seeded; i++) {
			seed.put("ARTICLE:" + i, article(i, "预先发布的资讯"));
		}
		index.write(seed, 0);
		var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
		long[] took = new long[rounds];
		int next = seeded;
		int made = 0;
		long cpu0 = os.getProcessCpuTime();
		long start = System.nanoTime();
		for (int r = 0; r < rounds; r++) {
			Map<String, Document> documents = new LinkedHashMap<>();
			for (int i = 0; i < batch; i++, made++) {
				int id = made % 2 == 0 ? next++ : (made / 2) % seeded;
				documents.put("ARTICLE:" + id, article(id, "实时索引的单条变更 " + word(made)));
			}
			long t = System.nanoTime();
			index.write(documents, r);
			took[r] = System.nanoTime() - t;
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		double cpu = (os.getProcessCpuTime() - cpu0) / 1e6;
		Arrays.sort(took);
		// every change is searchable: each article's latest word
		int missing = 0;
		for (int m = Math.max(0, made - 4000); m < made; m++) {
			String w = term(index, word(m));
			int count = index.<Integer>search(s -> {
				try {
					return s.count(new TermQuery(new Term(Analyzers.BODY_WORDS, w)));
				}
				catch (java.io.IOException e) {
					throw new java.io.UncheckedIOException(e);
				}
			});
			// an update may have been replaced by the article's next update (2,000 updates later)
			boolean replaced = m % 2 == 1 && m + 2 * seeded < made;
			if (count == 0 && !replaced) {
				missing++;
			}
		}
		System.out.printf(
				"%d rounds of %d changes: %.0f changes/s on one thread; round p50 %.1f ms, p99 %.1f ms; process CPU %.2f ms per change; documents %d (expected %d); changes of the last 4,000 not searchable by their word: %d%n",
				rounds, batch, made / seconds, took[rounds / 2] / 1e6, took[rounds * 99 / 100] / 1e6, cpu / made,
				index.documents(), next, missing);
		index.destroy();
	}

	/** The word as the index holds it (folded, stemmed). */
	static String term(SearchIndex index, String word) {
		try (var ts = index.analyzer().tokenStream(Analyzers.BODY_WORDS, word)) {
			var term = ts.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
			ts.reset();
			ts.incrementToken();
			String t = term.toString();
			ts.end();
			return t;
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	static String word(int n) {
		StringBuilder s = new StringBuilder("zq");
		do {
			s.append((char) ('a' + n % 26));
			n /= 26;
		}
		while (n > 0);
		return s.toString();
	}

	/** A document made as IndexDocuments makes an article's (its fields, analysed the same way). */
	static Document article(int id, String body) {
		Document d = new Document();
		String title = "实时索引资讯 " + id;
		d.add(new StringField(SearchIndex.KEY, "ARTICLE:" + id, Field.Store.YES));
		d.add(new StringField("type", "ARTICLE", Field.Store.YES));
		d.add(new StoredField("id", id));
		d.add(new StringField("alliance", "feed-bench", Field.Store.NO));
		String foldedTitle = ChineseText.fold(title);
		String foldedBody = ChineseText.fold(body);
		d.add(new StoredField("displayTitle", title));
		d.add(new TextField(Analyzers.TITLE, foldedTitle, Field.Store.YES));
		d.add(new StoredField(Analyzers.BODY, foldedBody));
		d.add(new TextField(Analyzers.BODY_WORDS, foldedBody, Field.Store.NO));
		d.add(new TextField(Analyzers.TITLE_BIGRAMS, foldedTitle, Field.Store.NO));
		d.add(new Field(Analyzers.BODY_BIGRAMS, foldedBody, Analyzers.WITH_OFFSETS));
		return d;
	}
}
