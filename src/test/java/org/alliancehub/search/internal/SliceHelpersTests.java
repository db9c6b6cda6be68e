package org.alliancehub.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.alliancehub.platform.AllianceHubProperties;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SliceHelpersTests {

	private static final String[] WORDS = { "pump", "slurry", "wear", "alloy", "seal", "flow", "test", "standard", "energy",
			"member" };

	private final ByteBuffersDirectory directory = new ByteBuffersDirectory();

	private DirectoryReader reader;

	/** 24 segments of 500 documents each: 12,000 documents. */
	@BeforeEach
	void index() throws IOException {
		Random r = new Random(3);
		try (IndexWriter w = new IndexWriter(directory,
				new IndexWriterConfig(new WhitespaceAnalyzer()).setMergePolicy(NoMergePolicy.INSTANCE))) {
			for (int segment = 0; segment < 24; segment++) {
				for (int i = 0; i < 500; i++) {
					StringBuilder text = new StringBuilder();
					for (int k = 0; k < 3 + r.nextInt(12); k++) {
						text.append(WORDS[r.nextInt(WORDS.length)]).append(' ');
					}
					Document d = new Document();
					d.add(new TextField("text", text.toString(), Field.Store.NO));
					String type = r.nextBoolean() ? "ARTICLE" : "PRODUCT";
					d.add(new StringField(IndexDocuments.TYPE, type, Field.Store.NO));
					d.add(new SortedDocValuesField(IndexDocuments.TYPE, new BytesRef(type)));
					d.add(new SortedDocValuesField(IndexDocuments.CATEGORY, new BytesRef("C" + r.nextInt(4))));
					w.addDocument(d);
				}
				w.commit();
			}
		}
		reader = DirectoryReader.open(directory);
	}

	@AfterEach
	void close() throws IOException {
		reader.close();
		directory.close();
	}

	@Test
	void aLargeIndexIsSearchedInSlicesWithAnIdleHelperAndGivesTheAnswersOfOneThread() throws IOException {
		try (SliceHelpers helpers = new SliceHelpers(1, 1_200)) {
			IndexSearcher sliced = helpers.searcher(reader);
			IndexSearcher alone = new IndexSearcher(reader);
			assertThat(reader.leaves()).hasSize(24);
			// 500 documents a segment, a slice closed once over 1,200: three segments a slice (Lucene's own slices
			// would be five segments each)
			assertThat(sliced.getSlices()).hasSize(8);
			Set<String> threads = ConcurrentHashMap.newKeySet();
			Random r = new Random(5);
			for (int i = 0; i < 60; i++) {
				Query q = question(r);
				TopDocs expected = alone.search(q, new TopScoreDocCollectorManager(20, null, Integer.MAX_VALUE));
				TopDocs actual = sliced.search(q, new TopScoreDocCollectorManager(20, null, Integer.MAX_VALUE));
				assertThat(actual.totalHits).isEqualTo(expected.totalHits);
				assertThat(docsAndScores(actual)).isEqualTo(docsAndScores(expected));
				assertThat(sliced.search(q, new FacetCounts())).isEqualTo(alone.search(q, new FacetCounts()));
				assertThat(sliced.count(q)).isEqualTo(alone.count(q));
				sliced.search(q, recordingThreads(threads));
			}
			// the search's own thread ran slices, and the idle helper took some
			assertThat(threads).contains(Thread.currentThread().getName());
			assertThat(threads).anyMatch(t -> t.startsWith("search-helper-"));
		}
	}

	@Test
	void withEveryHelperBusyASearchRunsEverySliceOnItsOwnThreadWithoutWaiting() throws Exception {
		try (SliceHelpers helpers = new SliceHelpers(1, 2_000)) {
			IndexSearcher sliced = helpers.searcher(reader);
			CountDownLatch release = new CountDownLatch(1);
			CountDownLatch busy = new CountDownLatch(1);
			// the one helper, busy
			helpers.executor().execute(() -> {
				busy.countDown();
				try {
					release.await(30, TimeUnit.SECONDS);
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
			});
			assertThat(busy.await(30, TimeUnit.SECONDS)).isTrue();
			try {
				Set<String> threads = ConcurrentHashMap.newKeySet();
				Random r = new Random(9);
				for (int i = 0; i < 20; i++) {
					Query q = question(r);
					assertThat(sliced.count(q)).isEqualTo(new IndexSearcher(reader).count(q));
					sliced.search(q, recordingThreads(threads));
				}
				assertThat(threads).containsExactly(Thread.currentThread().getName());
			}
			finally {
				release.countDown();
			}
		}
	}

	@Test
	void thePlatformsSearchesAreHelpedAndASmallIndexIsOneSlice(@TempDir Path data) throws IOException {
		SearchIndex index = new SearchIndex(
				new AllianceHubProperties(data, false, null, Duration.ofHours(12), 1024, true, "http://localhost"));
		try {
			index.write(java.util.Map.of("ARTICLE:1", TestDocuments.searchable(1, "渣浆泵联盟成立", "渣浆泵产业技术创新战略联盟", 0, null)), 0);
			assertThat(index.search(IndexSearcher::getExecutor)).isNotNull();
			assertThat(index.<Integer>search(s -> s.getSlices().length)).isEqualTo(1);
		}
		finally {
			index.destroy();
		}
	}

	private static Query question(Random r) {
		BooleanQuery.Builder b = new BooleanQuery.Builder();
		int words = 1 + r.nextInt(3);
		for (int k = 0; k < words; k++) {
			b.add(new TermQuery(new Term("text", WORDS[r.nextInt(WORDS.length)])), Occur.SHOULD);
		}
		if (words > 1) {
			b.setMinimumNumberShouldMatch(words - 1);
		}
		return b.build();
	}

	private static List<String> docsAndScores(TopDocs top) {
		List<String> out = new ArrayList<>();
		for (var d : top.scoreDocs) {
			out.add(d.doc + ":" + d.score);
		}
		return out;
	}

	/** Records which threads collected a slice's segments. */
	private static CollectorManager<SimpleCollector, Object> recordingThreads(Set<String> threads) {
		return new CollectorManager<>() {
			@Override
			public SimpleCollector newCollector() {
				return new SimpleCollector() {
					@Override
					protected void doSetNextReader(LeafReaderContext context) {
						String thread = Thread.currentThread().getName();
						threads.add(thread);
						if (!thread.startsWith("search-helper-")) {
							// the search's own thread slowed, so that an idle helper takes a slice before it is done
							java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
						}
					}

					@Override
					public void collect(int doc) {
					}

					@Override
					public ScoreMode scoreMode() {
						return ScoreMode.COMPLETE_NO_SCORES;
					}
				};
			}

			@Override
			public Object reduce(java.util.Collection<SimpleCollector> collectors) {
				return null;
			}
		};
	}
}
