package org.alliancehub.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.stream.Stream;

import org.alliancehub.platform.AllianceHubProperties;
import org.alliancehub.text.ChineseText;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.NRTCachingDirectory;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The Lucene index in {@code <data>/index}: one generation at a time (a directory named in
 * {@code CURRENT}). A rebuild fills a new generation while searches keep reading the old one, then
 * switches over in one step; changes that arrive meanwhile are replayed into the new generation first.
 */
@Component
public class SearchIndex implements DisposableBean {

	static final String KEY = "key";

	/** The commit data naming the version of the analysis ({@link ChineseText#VERSION}) the documents were written with. */
	static final String ANALYSIS = "analysis";

	/** The commit data naming the position in the change feed ({@code search_feed}) the documents are current to. */
	static final String FEED = "feed";

	private final Path root;

	private final Analyzer analyzer = Analyzers.forIndex();

	private final Analyzer queryAnalyzer = Analyzers.forQuery();

	private final Analyzer highlightAnalyzer = Analyzers.forHighlighting();

	private final ReentrantReadWriteLock switching = new ReentrantReadWriteLock();

	/** How long a change may stay searchable but not yet committed to disk. */
	static final java.time.Duration COMMIT_EVERY = java.time.Duration.ofSeconds(1);

	private final java.util.concurrent.ScheduledExecutorService committer = java.util.concurrent.Executors
		.newSingleThreadScheduledExecutor(r -> {
			Thread t = new Thread(r, "search-commit");
			t.setDaemon(true);
			return t;
		});

	/**
	 * How often the searchers are refreshed while a batch of changes is being written: the documents written first
	 * are searchable before the batch's last ones are analysed (the batch's own refresh comes at its end).
	 */
	static final long REFRESH_MILLIS = 100;

	/** Refreshes the searchers during a batch's write, apart from the thread writing it (and from the commits). */
	private final java.util.concurrent.ScheduledExecutorService refresher = java.util.concurrent.Executors
		.newSingleThreadScheduledExecutor(r -> {
			Thread t = new Thread(r, "search-refresh");
			t.setDaemon(true);
			return t;
		});

	/** Whether documents were written since the last refresh by {@link #refresher} or by a batch's end. */
	private volatile boolean unrefreshed;

	/** When the batch being written began ({@link System#nanoTime}); 0 while none is. */
	private volatile long writingSince;

	/** How many refreshes the timer made; for tests. */
	final java.util.concurrent.atomic.AtomicLong timedRefreshes = new java.util.concurrent.atomic.AtomicLong();

	/**
	 * A batch smaller than this is analysed on the writing thread alone: handing a few dozen documents to the
	 * common pool cost more than it saved on two busy cores, and each thread that takes documents writes a segment of
	 * its own, so a round of the feed flushed two or three tiny segments at its refresh instead of one, and the
	 * merges of those tiny segments took as much CPU as the follower itself (JFR of the feed bench, stop 25).
	 */
	static final int PARALLEL_FROM = 200;

	/** The threads that help a search over a large index (see {@link SliceHelpers}). */
	private final SliceHelpers helpers = new SliceHelpers();

	private volatile @Nullable Generation current;

	/** Keys changed while a rebuild runs; null when none runs. */
	private volatile @Nullable Set<String> touchedDuringRebuild;

	SearchIndex(AllianceHubProperties properties) {
		org.alliancehub.shared.WarmUp.inBackground("chinese-text", ChineseText::warmUp);
		this.root = properties.data().resolve("index").toAbsolutePath();
		open();
		committer.scheduleWithFixedDelay(this::commitQuietly, COMMIT_EVERY.toMillis(), COMMIT_EVERY.toMillis(),
				java.util.concurrent.TimeUnit.MILLISECONDS);
		refresher.scheduleWithFixedDelay(this::refreshQuietly, REFRESH_MILLIS, REFRESH_MILLIS,
				java.util.concurrent.TimeUnit.MILLISECONDS);
	}

	/**
	 * Makes what a batch has written so far searchable, if it wrote anything since the last refresh (the timer's task:
	 * a batch of hundreds of changes takes a second or more to analyse on a busy machine, and its first changes
	 * waited for its last before).
	 */
	void refreshQuietly() {
		long since = writingSince;
		if (!unrefreshed || since == 0 || System.nanoTime() - since < REFRESH_MILLIS * 1_000_000) {
			// nothing written, or a batch that is not slow: its own refresh at its end comes soon. Refreshing in the
			// middle of every short batch (the feed's rounds under a stream of changes: tens of documents each) made
			// a tiny segment more per batch, and the batch's own refresh queued behind the timer's on the searchers'
			// refresh lock (20 waits, 4 s in 30 s of the feed bench, stop 25)
			return;
		}
		switching.readLock().lock();
		try {
			unrefreshed = false;
			Generation g = current;
			if (g != null) {
				g.refresh();
				timedRefreshes.incrementAndGet();
			}
		}
		catch (IOException | RuntimeException e) {
			org.slf4j.LoggerFactory.getLogger(SearchIndex.class).debug("Refreshing the search index failed; retried", e);
			unrefreshed = true;
		}
		finally {
			switching.readLock().unlock();
		}
	}

	/** How long a refresh or a commit waits for merges of small segments; for tests. */
	long mergeWaitOnRefreshMillis() {
		Generation g = current;
		return g == null ? -1 : g.writer.getConfig().getMaxFullFlushMergeWaitMillis();
	}

	/** Commits what was written since the last commit (the timer's task; a failure is retried next time). */
	void commitQuietly() {
		switching.readLock().lock();
		try {
			Generation g = current;
			if (g != null) {
				g.commit();
			}
		}
		catch (IOException | RuntimeException e) {
			org.slf4j.LoggerFactory.getLogger(SearchIndex.class).warn("Committing the search index failed; retried", e);
		}
		finally {
			switching.readLock().unlock();
		}
	}

	/** How many commits the current generation has had (its {@code segments_N} generation); for tests. */
	long commits() throws IOException {
		Generation g = current;
		return g == null ? -1 : SegmentInfos.getLastCommitGeneration(g.directory);
	}

	/** One index directory with its writer and the searchers over it. */
	static final class Generation {

		final Path dir;

		final org.apache.lucene.store.Directory directory;

		final IndexWriter writer;

		final SearcherManager searchers;

		/** The analysis version of the documents in this generation; null for an index older than the marker. */
		final @Nullable String analysis;

		Generation(Path dir, Analyzer analyzer, boolean create, SliceHelpers helpers)
				throws IOException {
			this.dir = dir;
			// The small segments each refresh flushes (a few dozen documents under a stream of changes) are kept in
			// memory until a commit or a merge takes them, instead of being written, and copied into a compound
			// file, on every refresh; a commit writes them to the disk and syncs them as before (NRTCachingDirectory
			// syncs only after writing its cached files through), so what is committed survives a crash as before.
			this.directory = new NRTCachingDirectory(FSDirectory.open(dir), NRT_MERGE_MB, NRT_CACHE_MB);
			// A new generation, or one without a commit yet, is written with today's analysis; an existing one keeps
			// its version until a rebuild replaces it (also across a crash during the rebuild).
			Map<String, String> data = create || !DirectoryReader.indexExists(directory) ? Map.of()
					: SegmentInfos.readLatestCommit(directory).getUserData();
			String written = create || !DirectoryReader.indexExists(directory) ? ChineseText.VERSION : data.get(ANALYSIS);
			this.analysis = written;
			this.position = Long.parseLong(data.getOrDefault(FEED, "0"));
			IndexWriterConfig config = new IndexWriterConfig(analyzer)
				.setOpenMode(create ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
				.setRAMBufferSizeMB(64)
				// Lucene 9 merges small segments on every refresh and commit, waiting up to 500 ms for it: under a
				// stream of changes (a refresh every 100 ms, each adding a small segment) the follower waited for that
				// merge on most refreshes, half a second each on a busy machine (JFR, stop 24), before the changes it
				// had written became searchable. The merges run in the background instead.
				.setMaxFullFlushMergeWaitMillis(0)
				// a flushed segment as separate files: copying each tiny flush into a compound file (and checking
				// it) was a sixth of the follower's flushing (JFR, stop 24); merged segments follow the merge policy
				.setUseCompoundFile(false);
			this.writer = new IndexWriter(directory, config);
			commitData();
			// Each search runs on its request's own thread, helped over a large index by idle helpers (never
			// through a queue: see SliceHelpers).
			this.searchers = new SearcherManager(writer, helpers.searchers());
		}

		/** Merged segments up to this size are written to memory too (until committed). */
		static final double NRT_MERGE_MB = 4;

		/** At most this much of the segments not yet committed is kept in memory; the rest is written at once. */
		static final double NRT_CACHE_MB = 32;

		/** The position in the change feed this generation is current to (committed with it). */
		private volatile long position;

		/** Records the feed position the next commit stores. */
		synchronized void position(long p) {
			position = p;
			commitData();
		}

		long position() {
			return position;
		}

		private void commitData() {
			Map<String, String> data = new java.util.HashMap<>();
			if (analysis != null) {
				data.put(ANALYSIS, analysis);
			}
			data.put(FEED, Long.toString(position));
			writer.setLiveCommitData(data.entrySet());
		}

		/**
		 * Makes the changes written so far searchable (a near-real-time reader over the writer's memory, no
		 * fsync). Writers that arrive together share one refresh: whoever waits behind a refresh finds its change
		 * already in and refreshes for nothing.
		 */
		void refresh() throws IOException {
			searchers.maybeRefreshBlocking();
		}

		/** Taken by a commit: a commit's fsyncs (seconds on a busy disk) must not hold up the writers' positions. */
		private final Object committing = new Object();

		/** Writes the changes so far to disk (one fsync for all of them), if there are any. */
		void commit() throws IOException {
			synchronized (committing) {
				if (writer.isOpen() && writer.hasUncommittedChanges()) {
					writer.commit();
				}
			}
		}

		void close() throws IOException {
			searchers.close();
			writer.close();
			directory.close();
		}
	}

	Analyzer analyzer() {
		return analyzer;
	}

	Analyzer queryAnalyzer() {
		return queryAnalyzer;
	}

	Analyzer highlightAnalyzer() {
		return highlightAnalyzer;
	}

	/** Opens the current generation (a new, empty one on the first start). */
	public synchronized void open() {
		if (current != null) {
			return;
		}
		try {
			Files.createDirectories(root);
			Path pointer = root.resolve("CURRENT");
			String name = Files.exists(pointer) ? Files.readString(pointer, StandardCharsets.UTF_8).strip() : null;
			if (name == null || name.isEmpty() || !Files.isDirectory(root.resolve(name))) {
				name = "g" + System.currentTimeMillis();
				Files.createDirectories(root.resolve(name));
				point(name);
			}
			current = new Generation(root.resolve(name), analyzer, false, helpers);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Closes the index; writes fail until it is opened again (and their events are retried then). */
	public synchronized void close() {
		Generation g = current;
		current = null;
		if (g != null) {
			try {
				synchronized (g) {
					synchronized (g.committing) {
						g.writer.commit();
						g.close();
					}
				}
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
	}

	public boolean isOpen() {
		return current != null;
	}

	/**
	 * Adds or replaces a document (by its key), or removes it when {@code document} is null; searchable at once
	 * and committed to disk with the other changes of the last {@link #COMMIT_EVERY} (and on close).
	 */
	void write(String key, @Nullable Document document) {
		switching.readLock().lock();
		try {
			Generation g = current;
			if (g == null) {
				throw new IllegalStateException("the search index is closed");
			}
			if (document == null) {
				g.writer.deleteDocuments(new Term(KEY, key));
			}
			else {
				g.writer.updateDocument(new Term(KEY, key), document);
			}
			// Searchable before answering, on disk within COMMIT_EVERY: one fsync per change would hold live
			// indexing to the disk's sync rate (a few dozen a second on a busy disk).
			g.refresh();
			Set<String> touched = touchedDuringRebuild;
			if (touched != null) {
				touched.add(key);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		finally {
			switching.readLock().unlock();
		}
	}

	/**
	 * Adds, replaces or removes (null) the documents of a batch read from the change feed, and records the feed
	 * position through which every change is in the index (the follower's settled position, which may lie behind
	 * the batch): searchable at once, and on disk with the position at the next timed commit (no fsync per change or
	 * per batch).
	 */
	void write(Map<String, @Nullable Document> documents, long position) {
		switching.readLock().lock();
		try {
			Generation g = current;
			if (g == null) {
				throw new IllegalStateException("the search index is closed");
			}
			long t0 = System.nanoTime();
			writingSince = t0;
			// Analysis is most of a write: the writer takes documents from several threads at once (each into a
			// segment of its own), so a large batch (a backlog, a replay) is analysed on every core. Each key is in a
			// batch once.
			var entries = new java.util.ArrayList<>(documents.entrySet());
			(entries.size() < PARALLEL_FROM ? entries.stream() : entries.parallelStream()).forEach(e -> {
				try {
					Document d = e.getValue();
					if (d == null) {
						g.writer.deleteDocuments(new Term(KEY, e.getKey()));
					}
					else {
						g.writer.updateDocument(new Term(KEY, e.getKey()), d);
					}
					unrefreshed = true;
				}
				catch (IOException x) {
					throw new UncheckedIOException(x);
				}
			});
			// searchable at once; the timer's commit writes the documents and this position to disk together, so a
			// crash before it replays the batch from the feed instead of losing it
			g.position(position);
			long t1 = System.nanoTime();
			unrefreshed = false;
			g.refresh();
			lastWrite = new RoundTimes.Write(t1 - t0, System.nanoTime() - t1);
			Set<String> touched = touchedDuringRebuild;
			if (touched != null) {
				touched.addAll(documents.keySet());
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		finally {
			writingSince = 0;
			switching.readLock().unlock();
		}
	}

	/** What the last batch's write took (for the follower's account of its rounds). */
	private volatile RoundTimes.Write lastWrite = RoundTimes.Write.NONE;

	RoundTimes.Write lastWrite() {
		return lastWrite;
	}

	<T> T search(Function<IndexSearcher, T> work) {
		Generation g = current;
		if (g == null) {
			throw new IllegalStateException("the search index is closed");
		}
		try {
			IndexSearcher searcher = g.searchers.acquire();
			try {
				return work.apply(searcher);
			}
			finally {
				g.searchers.release(searcher);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Whether the current generation was written with today's analysis ({@link ChineseText#VERSION}). */
	boolean analysisIsCurrent() {
		Generation g = current;
		return g != null && ChineseText.VERSION.equals(g.analysis) && pairsHaveOffsets();
	}

	/**
	 * Whether the body's pairs carry their offsets, which the highlighter reads (an index written before they were
	 * kept is rebuilt; until then the highlighter analyses the shown bodies again).
	 */
	private boolean pairsHaveOffsets() {
		return search(searcher -> {
			var field = org.apache.lucene.index.FieldInfos.getMergedFieldInfos(searcher.getIndexReader())
				.fieldInfo(Analyzers.BODY_BIGRAMS);
			return field == null || field.getIndexOptions()
				.compareTo(org.apache.lucene.index.IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS) >= 0;
		});
	}

	/** Whether a document of the current generation has this field (an index of an older analysis may not). */
	boolean hasField(String field) {
		return search(searcher -> org.apache.lucene.index.FieldInfos.getMergedFieldInfos(searcher.getIndexReader())
			.fieldInfo(field) != null);
	}

	/** The position in the change feed the current generation is current to; 0 for a new index. */
	long position() {
		Generation g = current;
		if (g == null) {
			throw new IllegalStateException("the search index is closed");
		}
		return g.position();
	}

	/** Records that the current generation holds every change of the feed through {@code position}, durably. */
	void advance(long position) {
		switching.readLock().lock();
		try {
			Generation g = current;
			if (g == null) {
				throw new IllegalStateException("the search index is closed");
			}
			g.position(position);
			g.writer.commit();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		finally {
			switching.readLock().unlock();
		}
	}

	public int documents() {
		return current == null ? 0 : current.writer.getDocStats().numDocs;
	}

	/** Starts a new, empty generation for a rebuild; changes from now on are remembered for replay. */
	Generation startRebuild() throws IOException {
		touchedDuringRebuild = ConcurrentHashMap.newKeySet();
		Path dir = root.resolve("g" + System.currentTimeMillis());
		Files.createDirectories(dir);
		return new Generation(dir, analyzer, true, helpers);
	}

	/**
	 * Makes a rebuilt generation the current one. {@code replay} re-reads the keys changed during the
	 * rebuild into it; writers wait meanwhile, so nothing falls between the two generations.
	 */
	void finishRebuild(Generation next, java.util.function.Consumer<Set<String>> replay) throws IOException {
		switching.writeLock().lock();
		try {
			Set<String> touched = touchedDuringRebuild;
			replay.accept(touched == null ? Set.of() : touched);
			// The feed's head when the rebuild began may lie past changes then still committing, which the follower
			// has not settled yet: the new generation keeps the follower's settled position if it is lower, so that a
			// restart reads them again rather than missing them.
			Generation previous = current;
			if (previous != null && previous.position() < next.position()) {
				next.position(previous.position());
			}
			next.writer.commit();
			next.searchers.maybeRefresh();
			point(next.dir.getFileName().toString());
			Generation old = current;
			current = next;
			touchedDuringRebuild = null;
			if (old != null) {
				old.close();
				deleteTree(old.dir);
			}
		}
		finally {
			switching.writeLock().unlock();
		}
	}

	void abandonRebuild(Generation next) {
		touchedDuringRebuild = null;
		try {
			next.close();
			deleteTree(next.dir);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private void point(String name) throws IOException {
		Path temp = root.resolve("CURRENT.tmp");
		Files.writeString(temp, name, StandardCharsets.UTF_8);
		Files.move(temp, root.resolve("CURRENT"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
	}

	private static void deleteTree(Path dir) throws IOException {
		try (Stream<Path> files = Files.walk(dir)) {
			for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(p);
			}
		}
	}

	@Override
	public void destroy() {
		// not interrupted: an interrupt during a commit's file operations closes the index's files under it (Lucene
		// then finds its write lock "invalidated by an external force"); a running commit is let finish
		refresher.shutdown();
		committer.shutdown();
		try {
			refresher.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
			committer.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		close();
		helpers.close();
	}
}
