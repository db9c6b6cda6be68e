package org.alliancehub.search.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import org.alliancehub.platform.AllianceHubProperties;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class SearchIndexTests {

	@TempDir
	Path data;

	private SearchIndex open() {
		return new SearchIndex(new AllianceHubProperties(data, false, null, Duration.ofHours(12), 1024, true, "http://localhost"));
	}

	private static Document doc(String key) {
		Document d = new Document();
		d.add(new StringField(SearchIndex.KEY, key, Field.Store.YES));
		return d;
	}

	@Test
	void anIndexRemembersTheAnalysisItWasWrittenWithAndOneOfAnOlderAnalysisIsKnownUntilRebuilt() throws Exception {
		// An index as an older version wrote it: documents, no analysis version in its commit.
		Path old = data.resolve("index").resolve("g1");
		Files.createDirectories(old);
		try (FSDirectory d = FSDirectory.open(old); IndexWriter w = new IndexWriter(d, new IndexWriterConfig())) {
			w.addDocument(doc("ARTICLE:1"));
			w.commit();
		}
		Files.writeString(data.resolve("index").resolve("CURRENT"), "g1");

		SearchIndex index = open();
		assertThat(index.documents()).isEqualTo(1);
		assertThat(index.analysisIsCurrent()).isFalse();
		// A change written before the rebuild does not make the old documents current.
		index.write("ARTICLE:2", doc("ARTICLE:2"));
		index.close();
		index.open();
		assertThat(index.analysisIsCurrent()).isFalse();

		SearchIndex.Generation next = index.startRebuild();
		next.writer.addDocument(doc("ARTICLE:1"));
		index.finishRebuild(next, Set::size);
		assertThat(index.analysisIsCurrent()).isTrue();
		index.close();
		index.open();
		assertThat(index.analysisIsCurrent()).isTrue();
		index.destroy();
	}

	@Test
	void aNewIndexIsWrittenWithTodaysAnalysis() {
		SearchIndex index = open();
		assertThat(index.analysisIsCurrent()).isTrue();
		index.write("ARTICLE:1", doc("ARTICLE:1"));
		index.close();
		index.open();
		assertThat(index.analysisIsCurrent()).isTrue();
		index.destroy();
	}

	@Test
	void singleChangesAreSearchableAtOnceAndShareCommitsInsteadOfOneFsyncEach() throws Exception {
		SearchIndex index = open();
		long before = index.commits();
		int changes = 100;
		for (int i = 0; i < changes; i++) {
			String key = "ARTICLE:" + i;
			index.write(key, doc(key));
			assertThat((int) index.<Integer>search(s -> count(s, key))).as("searchable as soon as written").isEqualTo(1);
		}
		// One commit (and fsync) per change would be 100 commits; the timer commits once a second at most.
		assertThat(index.commits() - before).isLessThan(30);
		index.destroy();
	}

	@Test
	void aWrittenChangeReachesTheDiskWithinSecondsWithoutAnotherWrite() throws Exception {
		SearchIndex index = open();
		index.write("ARTICLE:7", doc("ARTICLE:7"));
		Path generation = data.resolve("index").resolve(Files.readString(data.resolve("index").resolve("CURRENT")).strip());
		org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> committed(generation) == 1);
		index.destroy();
	}

	@Test
	void refreshesAndCommitsDoNotWaitForMergesOfSmallSegments() {
		// Lucene 9's default (merge on refresh, up to 500 ms) held each refresh of the follower's writes for half a
		// second on a busy machine before the changes became searchable.
		SearchIndex index = open();
		assertThat(index.mergeWaitOnRefreshMillis()).isZero();
		index.destroy();
	}

	@Test
	void theFirstDocumentsOfASlowBatchAreSearchableBeforeItsLastAreWritten() throws Exception {
		SearchIndex index = open();
		int batch = 30;
		java.util.Map<String, Document> documents = new java.util.LinkedHashMap<>();
		for (int i = 0; i < batch; i++) {
			Document d = doc("ARTICLE:" + i);
			// each document takes 100 ms to analyse: the batch takes over a second
			d.add(new org.apache.lucene.document.TextField("slow", new SlowTokens()));
			documents.put("ARTICLE:" + i, d);
		}
		Thread writing = new Thread(() -> index.write(java.util.Map.copyOf(documents), 0));
		writing.start();
		int partly = -1;
		while (writing.isAlive()) {
			int seen = index.<Integer>search(s -> s.getIndexReader().numDocs());
			if (seen > 0 && seen < batch) {
				partly = seen;
			}
			Thread.sleep(10);
		}
		writing.join();
		// before, the batch's documents became searchable all together at its end
		assertThat(partly).as("documents of the batch searchable while the rest were still being analysed").isPositive();
		assertThat((int) index.<Integer>search(s -> s.getIndexReader().numDocs())).isEqualTo(batch);
		index.destroy();
	}

	/** A field whose analysis takes 100 ms. */
	private static final class SlowTokens extends org.apache.lucene.analysis.TokenStream {

		@Override
		public boolean incrementToken() {
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			return false;
		}
	}

	private static int count(org.apache.lucene.search.IndexSearcher searcher, String key) {
		try {
			return searcher.count(new org.apache.lucene.search.TermQuery(new org.apache.lucene.index.Term(SearchIndex.KEY, key)));
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	/** The documents a reader opened from the disk sees (what survives a crash of the process now). */
	private static int committed(Path generation) throws java.io.IOException {
		try (FSDirectory d = FSDirectory.open(generation)) {
			if (!org.apache.lucene.index.DirectoryReader.indexExists(d)) {
				return 0;
			}
			try (var reader = org.apache.lucene.index.DirectoryReader.open(d)) {
				return reader.numDocs();
			}
		}
	}
}
