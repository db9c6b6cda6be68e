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

	@Test
	void aSmallBatchIsAnalysedOnTheWritingThreadAndFlushedAsOneSegment() throws Exception {
		SearchIndex index = open();
		index.write("ARTICLE:0", doc("ARTICLE:0"));
		int segmentsBefore = index.<Integer>search(s -> s.getIndexReader().leaves().size());
		Set<Thread> analysing = java.util.concurrent.ConcurrentHashMap.newKeySet();
		java.util.Map<String, Document> documents = new java.util.LinkedHashMap<>();
		for (int i = 1; i <= 60; i++) {
			Document d = doc("ARTICLE:" + i);
			d.add(new org.apache.lucene.document.TextField("seen", new ThreadTokens(analysing)));
			documents.put("ARTICLE:" + i, d);
		}
		index.write(documents, 0);
		// before, the batch went to the common pool: analysed on two threads or more, into a segment each
		assertThat(analysing).containsExactly(Thread.currentThread());
		assertThat((int) index.<Integer>search(s -> s.getIndexReader().numDocs())).isEqualTo(61);
		assertThat((int) index.<Integer>search(s -> s.getIndexReader().leaves().size())).isEqualTo(segmentsBefore + 1);
		index.destroy();
	}

	@Test
	void theTimerDoesNotRefreshInTheMiddleOfAShortBatch() throws Exception {
		SearchIndex index = open();
		// twenty batches of 40 ms each, for 0.8 s: a timer refreshing every 100 ms whenever a batch had written
		// something refreshed in the middle of about two batches in five
		for (int b = 0; b < 20; b++) {
			java.util.Map<String, Document> documents = new java.util.LinkedHashMap<>();
			for (int i = 0; i < 2; i++) {
				Document d = doc("ARTICLE:" + b + "-" + i);
				d.add(new org.apache.lucene.document.TextField("slow", new SlowTokens(20)));
				documents.put("ARTICLE:" + b + "-" + i, d);
			}
			index.write(documents, 0);
		}
		assertThat(index.timedRefreshes.get()).as("refreshes by the timer during short batches").isLessThanOrEqualTo(3);
		assertThat((int) index.<Integer>search(s -> s.getIndexReader().numDocs())).isEqualTo(40);
		index.destroy();
	}

	@Test
	void refreshedSegmentsStayInMemoryUntilCommittedAndAreThenOnTheDisk() throws Exception {
		SearchIndex index = open();
		Path generation = data.resolve("index").resolve(Files.readString(data.resolve("index").resolve("CURRENT")).strip());
		index.commitQuietly();
		java.util.Map<String, Document> documents = new java.util.LinkedHashMap<>();
		for (int i = 0; i < 50; i++) {
			documents.put("ARTICLE:" + i, doc("ARTICLE:" + i));
		}
		index.write(documents, 42);
		assertThat((int) index.<Integer>search(s -> s.getIndexReader().numDocs())).as("searchable").isEqualTo(50);
		// before, each refresh wrote its segment to the disk, copied into a compound file (the stored fields are
		// still written to the disk as the documents come)
		assertThat(files(generation)).as("the refreshed segment's terms and postings are not on the disk")
			.noneMatch(n -> n.endsWith(".cfs") || n.endsWith(".tim") || n.endsWith(".doc"));
		index.commitQuietly();
		// committed: a reader of the disk alone (what a restart after a crash reads) has every document and the position
		assertThat(committed(generation)).isEqualTo(50);
		try (FSDirectory d = FSDirectory.open(generation)) {
			assertThat(org.apache.lucene.index.SegmentInfos.readLatestCommit(d).getUserData()).containsEntry(SearchIndex.FEED, "42");
		}
		index.destroy();
	}

	private static java.util.Set<String> files(Path dir) throws java.io.IOException {
		try (var s = Files.list(dir)) {
			return s.map(p -> p.getFileName().toString()).filter(n -> !n.equals("write.lock")).collect(java.util.stream.Collectors.toSet());
		}
	}

	/** A field that records the thread analysing it. */
	private static final class ThreadTokens extends org.apache.lucene.analysis.TokenStream {

		private final Set<Thread> threads;

		ThreadTokens(Set<Thread> threads) {
			this.threads = threads;
		}

		@Override
		public boolean incrementToken() {
			threads.add(Thread.currentThread());
			return false;
		}
	}

	/** A field whose analysis takes 100 ms. */
	private static final class SlowTokens extends org.apache.lucene.analysis.TokenStream {

		private final long millis;

		SlowTokens() {
			this(100);
		}

		SlowTokens(long millis) {
			this.millis = millis;
		}

		@Override
		public boolean incrementToken() {
			try {
				Thread.sleep(millis);
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
