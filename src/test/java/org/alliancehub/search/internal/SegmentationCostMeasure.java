package org.alliancehub.search.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;

class SegmentationCostMeasure {

	@Test
	void measure() throws Exception {
		String json = Files.readString(Path.of("src/main/resources/demo/network.json"));
		Matcher m = Pattern.compile("\"body\": \"((?:[^\"\\\\]|\\\\.)*)\"").matcher(json);
		List<String> bodies = new ArrayList<>();
		while (m.find()) {
			bodies.add(org.alliancehub.text.ChineseText.fold(m.group(1).replaceAll("<[^>]+>", " ")));
		}
		for (int round = 0; round < 2; round++) {
			for (boolean words : new boolean[] { false, true }) {
				Path dir = Files.createTempDirectory("seg");
				int n = 10_000;
				long t = System.nanoTime();
				try (FSDirectory d = FSDirectory.open(dir);
						IndexWriter w = new IndexWriter(d, new IndexWriterConfig(Analyzers.forIndex()).setRAMBufferSizeMB(64))) {
					for (int i = 0; i < n; i++) {
						String body = bodies.get(i % bodies.size()) + " " + i;
						Document doc = new Document();
						doc.add(new StoredField(Analyzers.BODY, body));
						doc.add(new TextField(Analyzers.BODY_BIGRAMS, body, Field.Store.NO));
						doc.add(new TextField(Analyzers.TITLE, body.substring(0, Math.min(30, body.length())), Field.Store.YES));
						if (words) {
							doc.add(new TextField(Analyzers.BODY_WORDS, body, Field.Store.NO));
						}
						w.addDocument(doc);
					}
					w.forceMerge(1);
				}
				double secs = (System.nanoTime() - t) / 1e9;
				long size;
				try (var s = Files.walk(dir)) {
					size = s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
				}
				System.out.printf("round %d words=%s: %d docs (avg %d chars) in %.2f s = %.0f docs/s, one thread; index %.1f MB%n",
						round, words, n, bodies.stream().mapToInt(String::length).sum() / bodies.size(), secs, n / secs, size / 1e6);
			}
		}
	}
}
