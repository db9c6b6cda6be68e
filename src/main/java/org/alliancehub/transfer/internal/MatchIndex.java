package org.alliancehub.transfer.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.alliancehub.platform.DatabaseNotifications;
import org.alliancehub.shared.WarmUp;
import org.alliancehub.text.ChineseText;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An in-memory Lucene index of the demands and achievements, owned by the transfer module and analysed as the
 * site search analyses ({@link ChineseText}: folded, so 繁體 and 简体 are one; words by smartcn, character pairs as
 * the fallback). Filled from the tables in the background at start (or on first use), then kept by every post.
 * BM25 over the words (counted again in a candidate's title), the pairs weighted lower; field, region and
 * maturity are added by the caller.
 */
@Component
public class MatchIndex implements org.springframework.beans.factory.DisposableBean {

	/** The channel on which a node announces a post ({@code node:kind:id}) to the other nodes' match indexes. */
	static final String CHANNEL = "transfer_posts";

	private static final Logger log = LoggerFactory.getLogger(MatchIndex.class);

	static final String KIND = "kind";

	static final String KEY = "key";

	static final String ID = "id";

	static final String WORDS = "words";

	static final String PAIRS = "pairs";

	static final String TITLE = "title";

	private static final int MAX_WORDS = 300;

	private static final int MAX_PAIRS = 400;

	private static final int MAX_TITLE_WORDS = 200;

	private static final float PAIR_WEIGHT = 0.3f;

	/** A question's word found in a candidate's title (its first line) counts this much more. */
	private static final float TITLE_WEIGHT = 1.5f;

	private final JdbcClient jdbc;

	private final IndexWriter writer;

	private final SearcherManager searchers;

	private volatile boolean loaded;

	/** Set once a fill from the tables has begun (see {@link #heard}). */
	private volatile boolean loading;

	private final @Nullable DatabaseNotifications notifications;

	/**
	 * Applies what other nodes announce, one at a time and off the notifications thread (which serves every module's
	 * channel and must not wait for a load).
	 */
	private final java.util.concurrent.ExecutorService follower = java.util.concurrent.Executors
		.newSingleThreadExecutor(r -> {
			Thread t = new Thread(r, "match-index-follow");
			t.setDaemon(true);
			return t;
		});

	/** Documents {@link #put} so far, counted after each is written; see {@link #refreshFor()}. (A rebuild refreshes itself once it is done.) */
	private final java.util.concurrent.atomic.AtomicLong written = new java.util.concurrent.atomic.AtomicLong();

	/** The count of {@link #written} the searchers are known to include (read and set under {@code this.searchers}). */
	private long searchable;

	/** Refreshes of the searchers so far (tests read it). */
	private final java.util.concurrent.atomic.AtomicLong refreshes = new java.util.concurrent.atomic.AtomicLong();

	public record Hit(long id, float score) {
	}

	private record Row(long id, String text) {
	}

	private static final int LOAD_SLICE = 5_000;

	MatchIndex(JdbcClient jdbc, ObjectProvider<DatabaseNotifications> notifications) throws IOException {
		this.jdbc = jdbc;
		this.notifications = notifications.getIfAvailable();
		if (this.notifications != null) {
			String self = this.notifications.node() + ":";
			this.notifications.listen(CHANNEL, payload -> {
				if (!payload.startsWith(self)) {
					follower.execute(() -> heard(payload));
				}
			});
		}
		// the words are segmented once per document (see write), then indexed as given; the pairs are pairs only,
		// as a question asks for them (single characters would only fill the index)
		Analyzer analyzer = new PerFieldAnalyzerWrapper(new WhitespaceAnalyzer(),
				Map.of(PAIRS, ChineseText.pairQueryAnalyzer()));
		this.writer = new IndexWriter(new ByteBuffersDirectory(), new IndexWriterConfig(analyzer));
		this.searchers = new SearcherManager(writer, null);
		WarmUp.inBackground("match-index", MatchIndex::warmUp);
	}

	/**
	 * Indexes, refreshes and searches one document in an index of its own, thrown away: smartcn's dictionaries and
	 * Lucene's write and search path are loaded on another core while the context starts, not inside the first post
	 * (the demo fill's first demand waited for them). This index is not touched.
	 */
	static void warmUp() {
		Analyzer analyzer = new PerFieldAnalyzerWrapper(new WhitespaceAnalyzer(),
				Map.of(PAIRS, ChineseText.pairQueryAnalyzer()));
		try (IndexWriter w = new IndexWriter(new ByteBuffersDirectory(), new IndexWriterConfig(analyzer));
				SearcherManager s = new SearcherManager(w, null)) {
			w.updateDocument(new Term(KEY, "demand:0"), document("demand", 0, "高效节能离心泵叶轮设计\n耐腐蚀材料与精密铸造工艺"));
			s.maybeRefreshBlocking();
			IndexSearcher searcher = s.acquire();
			try {
				searcher.search(new TermQuery(new Term(WORDS, "叶轮")), 1);
			}
			finally {
				s.release(searcher);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * Adds or replaces a demand ({@code demand}) or an achievement ({@code achievement}). The next search sees it: the
	 * searchers are refreshed by the first search after a write ({@link #refreshFor()}), not by every write, so that
	 * a run of posts (the demo fill's 14) costs one refresh instead of one each.
	 */
	public void put(String kind, long id, String text) {
		ensureLoaded();
		write(kind, id, text);
		written.incrementAndGet();
		if (notifications != null) {
			// in the post's transaction: the other nodes hear of it when it commits, and never if it rolls back (posts
			// are few, so the serialised commits of notifying transactions cost nothing here)
			notifications.announce(CHANNEL, notifications.node() + ":" + kind + ":" + id);
		}
	}

	/**
	 * Another node's post ({@code node:kind:id}), read from its table and written here; or {@code *}, when
	 * announcements may have been missed: every row read again. Before the first fill has begun nothing is needed
	 * (the fill reads the tables after this node listens); during it, this waits for it to end, then applies.
	 */
	void heard(String payload) {
		if (!loaded && !loading) {
			return;
		}
		try {
			ensureLoaded();
			if (DatabaseNotifications.ANYTHING.equals(payload)) {
				synchronized (this) {
					fill();
				}
				written.incrementAndGet();
				return;
			}
			String[] parts = payload.split(":");
			String kind = parts.length == 3 ? parts[1] : "";
			if (!kind.equals("demand") && !kind.equals("achievement")) {
				log.warn("Ignored a match index announcement that names no post: {}", payload);
				return;
			}
			long id = Long.parseLong(parts[2]);
			jdbc.sql("select title, description from transfer_" + kind + " where id = ?")
				.param(id)
				.query((rs, i) -> rs.getString(1) + "\n" + rs.getString(2))
				.optional()
				.ifPresent(text -> {
					write(kind, id, text);
					written.incrementAndGet();
				});
		}
		catch (RuntimeException e) {
			// a later announcement, or the reconnect's "*", brings it again; the tables keep the post
			log.warn("Could not apply the match index announcement {}", payload, e);
		}
	}

	/** The best objects of a kind for a text, by BM25 over words and pairs. */
	public List<Hit> search(String kind, String text, int limit) {
		ensureLoaded();
		String folded = ChineseText.fold(text);
		BooleanQuery.Builder terms = new BooleanQuery.Builder();
		int clauses = 0;
		for (String w : distinct(ChineseText.wordsOfFolded(folded), MAX_WORDS)) {
			if (!ChineseText.isFunctionWord(w)) {
				terms.add(new TermQuery(new Term(WORDS, w)), Occur.SHOULD);
				if (clauses++ < MAX_TITLE_WORDS) {
					terms.add(new BoostQuery(new TermQuery(new Term(TITLE, w)), TITLE_WEIGHT), Occur.SHOULD);
				}
			}
		}
		for (String p : distinct(ChineseText.pairsOfFolded(folded), MAX_PAIRS)) {
			terms.add(new BoostQuery(new TermQuery(new Term(PAIRS, p)), PAIR_WEIGHT), Occur.SHOULD);
			clauses++;
		}
		if (clauses == 0) {
			return List.of();
		}
		BooleanQuery query = new BooleanQuery.Builder().add(terms.build(), Occur.MUST)
			.add(new TermQuery(new Term(KIND, kind)), Occur.FILTER)
			.build();
		try {
			refreshFor();
			IndexSearcher searcher = searchers.acquire();
			try {
				TopDocs top = searcher.search(query, limit);
				List<Hit> hits = new ArrayList<>();
				var stored = searcher.storedFields();
				for (ScoreDoc d : top.scoreDocs) {
					hits.add(new Hit(stored.document(d.doc).getField(ID).numericValue().longValue(), d.score));
				}
				return hits;
			}
			finally {
				searchers.release(searcher);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The words of a text as the index sees them, function words and single characters left out. */
	public static Set<String> contentWords(String text) {
		Set<String> out = new LinkedHashSet<>();
		for (String w : ChineseText.words(text)) {
			if (w.codePointCount(0, w.length()) > 1 && !ChineseText.isFunctionWord(w) && !w.chars().allMatch(Character::isDigit)) {
				out.add(w);
			}
		}
		return out;
	}

	private static List<String> distinct(List<String> terms, int max) {
		return new ArrayList<>(new LinkedHashSet<>(terms)).subList(0, Math.min(max, new LinkedHashSet<>(terms).size()));
	}

	/** Fills the index in the background once the application is up, so that no request waits for it. */
	@EventListener(ApplicationReadyEvent.class)
	void loadInBackground() {
		Thread loader = new Thread(this::ensureLoaded, "match-index-load");
		loader.setDaemon(true);
		loader.start();
	}

	private void ensureLoaded() {
		if (!loaded) {
			synchronized (this) {
				if (!loaded) {
					rebuild();
				}
			}
		}
	}

	/**
	 * Empties the index and fills it again from the tables, reading them in slices and analysing each slice on
	 * every core (the analysis, not the reading, is the cost). Searches and posts wait until it is done.
	 */
	public synchronized void rebuild() {
		loading = true;
		try {
			writer.deleteAll();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		fill();
		refresh();
		loaded = true;
	}

	/** Writes every row of the tables into the index (adding or replacing). */
	private void fill() {
		for (String kind : List.of("demand", "achievement")) {
			long after = 0;
			for (List<Row> rows; !(rows = jdbc
				.sql("select id, title, description from transfer_" + kind + " where id > ? order by id limit ?")
				.params(after, LOAD_SLICE)
				.query((rs, i) -> new Row(rs.getLong(1), rs.getString(2) + "\n" + rs.getString(3)))
				.list()).isEmpty(); after = rows.get(rows.size() - 1).id()) {
				rows.parallelStream().forEach(r -> write(kind, r.id(), r.text()));
			}
		}
	}

	/** Adds or replaces one document; safe to call from several threads at once (the writer is). */
	private void write(String kind, long id, String text) {
		try {
			writer.updateDocument(new Term(KEY, kind + ":" + id), document(kind, id, text));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * Before a search: refreshes the searchers when a write was counted since their last refresh, so that a search
	 * begun after a {@link #put} returned sees it. The count is read before the refresh, so every write counted by
	 * then is in it; a search that finds another one refreshing waits for it and checks again.
	 */
	private void refreshFor() {
		long now = written.get();
		synchronized (searchers) {
			if (searchable < now) {
				refresh();
				searchable = now;
			}
		}
	}

	/** Stops following other nodes' posts when the application closes. */
	@Override
	public void destroy() {
		follower.shutdownNow();
	}

	/** How many times the searchers were refreshed. */
	long refreshes() {
		return refreshes.get();
	}

	private static Document document(String kind, long id, String text) {
		String folded = ChineseText.fold(text);
		int line = folded.indexOf('\n');
		String title = String.join(" ", ChineseText.wordsOfFolded(line < 0 ? folded : folded.substring(0, line)));
		String rest = line < 0 ? "" : String.join(" ", ChineseText.wordsOfFolded(folded.substring(line + 1)));
		Document doc = new Document();
		doc.add(new TextField(TITLE, title, Field.Store.NO));
		doc.add(new StringField(KIND, kind, Field.Store.NO));
		doc.add(new StringField(KEY, kind + ":" + id, Field.Store.NO));
		doc.add(new StoredField(ID, id));
		doc.add(new TextField(WORDS, title + " " + rest, Field.Store.NO));
		doc.add(new TextField(PAIRS, folded, Field.Store.NO));
		return doc;
	}

	private void refresh() {
		refreshes.incrementAndGet();
		try {
			searchers.maybeRefreshBlocking();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
