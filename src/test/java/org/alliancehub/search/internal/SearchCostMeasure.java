package org.alliancehub.search.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.alliancehub.identity.Access;
import org.alliancehub.platform.AllianceHubProperties;
import org.alliancehub.search.SearchQuery;
import org.alliancehub.search.SearchResult;
import org.alliancehub.search.SearchSynonyms;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.util.BytesRef;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * Not a test: measures, on one thread, what a search never asked before costs in the search module alone (no HTTP),
 * over an index of the demo network's texts repeated ({@code -Ddocs=}), with the demo questions of
 * {@code bench/search/questions.txt}, each request distinct (a different far-future "to" day) so that no kept answer
 * serves it. Prints microseconds per search and the answers' digest (to compare two builds' answers).
 * {@code -Dindex=<data dir>} searches a copy of an index the application wrote (e.g. the demo network's, copied from
 * {@code ALLIANCEHUB_DATA}) instead; {@code -Ddump=<file>} writes every answer of the first round (hits, snippets,
 * total, facets) to compare two builds' answers line by line; {@code -Dsize=} the page size (default 20).
 * Run: {@code java -cp target/test-classes:target/classes:<deps> org.alliancehub.search.internal.SearchCostMeasure}.
 */
public final class SearchCostMeasure {

	public static void main(String[] args) throws Exception {
		int docs = Integer.getInteger("docs", 2000);
		int rounds = Integer.getInteger("rounds", 20);
		int size = Integer.getInteger("size", 20);
		Path data = Files.createTempDirectory("search-cost");
		String existing = System.getProperty("index");
		if (existing != null) {
			copy(Path.of(existing).resolve("index"), data.resolve("index"));
		}
		List<String> bodies = TestDocuments.demo("body");
		List<String> titles = TestDocuments.demo("title");
		List<String> questions = Files.readAllLines(Path.of("bench/search/questions.txt"))
			.stream()
			.filter(l -> !l.isBlank() && !l.startsWith("#"))
			.toList();
		SearchIndex index = new SearchIndex(
				new AllianceHubProperties(data, false, null, Duration.ofHours(12), 1024, true, "http://localhost"));
		Random random = new Random(23);
		Map<String, Document> batch = new java.util.LinkedHashMap<>();
		if (existing != null) {
			docs = 0;
		}
		for (int id = 1; id <= docs; id++) {
			batch.put("ARTICLE:" + id, document(id, titles.get(random.nextInt(titles.size())),
					bodies.get(random.nextInt(bodies.size())), random));
			if (batch.size() == 500 || id == docs) {
				index.write(batch, 0);
				batch.clear();
			}
		}
		index.commitQuietly();
		Searcher searcher = anonymous(index);
		long day = 0;
		StringBuilder dump = new StringBuilder();
		for (int round = 0; round < rounds; round++) {
			var bean = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
			long started = bean.getCurrentThreadCpuTime();
			long allocated = bean.getCurrentThreadAllocatedBytes();
			long digest = 0;
			int n = 0;
			for (String q : questions) {
				SearchResult r = searcher.search(new SearchQuery(q, null, null, null, null,
						LocalDate.of(2100, 1, 1).plusDays(day++), SearchQuery.Order.RELEVANCE, 0, size));
				if (round == 0) {
					dump.append(q).append(" total ").append(r.total()).append(' ').append(r.facets()).append(" suggestion ")
						.append(r.suggestion()).append('\n');
					r.items().forEach(h -> dump.append("  ").append(h).append('\n'));
				}
				digest = digest * 31 + List.of(r.items(), r.total(), r.facets(), String.valueOf(r.suggestion())).hashCode();
				n++;
			}
			long micros = (bean.getCurrentThreadCpuTime() - started) / 1000 / n;
			long kb = (bean.getCurrentThreadAllocatedBytes() - allocated) / 1024 / n;
			System.out.printf("round %d: %d µs of CPU and %d KB allocated per search (%d questions, %d documents), answers %x%n",
					round, micros, kb, n, docs, digest);
		}
		index.close();
		if (System.getProperty("dump") != null) {
			Files.writeString(Path.of(System.getProperty("dump")), dump);
		}
	}

	private static void copy(Path from, Path to) throws java.io.IOException {
		try (var files = Files.walk(from)) {
			for (Path f : (Iterable<Path>) files::iterator) {
				if (!f.getFileName().toString().equals("write.lock")) {
					Files.copy(f, to.resolve(from.relativize(f).toString()));
				}
			}
		}
	}

	/** A searcher asked by an anonymous reader, with no synonyms. */
	static Searcher anonymous(SearchIndex index) {
		Access access = mock(Access.class);
		SearchSynonyms synonyms = mock(SearchSynonyms.class);
		when(access.membersOnlyScope()).thenReturn(Set.of());
		when(access.organizationsActedFor()).thenReturn(Set.of());
		when(synonyms.folded()).thenReturn(List.of());
		when(synonyms.allianceByName()).thenReturn(Map.of());
		return new Searcher(index, access, synonyms);
	}

	private static Document document(long id, String title, String body, Random random) {
		Document d = TestDocuments.article(id);
		String category = "c" + id % 5;
		d.add(new StringField(IndexDocuments.CATEGORY, category, Field.Store.NO));
		d.add(new SortedDocValuesField(IndexDocuments.CATEGORY, new BytesRef(category)));
		d.add(new StoredField(IndexDocuments.ID, id));
		d.add(new StringField(IndexDocuments.ALLIANCE, "a" + id % 9, Field.Store.NO));
		d.add(new SortedSetDocValuesField(IndexDocuments.ALLIANCE, new BytesRef("a" + id % 9)));
		d.add(new StoredField(IndexDocuments.ALLIANCE + "Slug", "a" + id % 9));
		d.add(new StoredField(IndexDocuments.ALLIANCE_NAME, "联盟" + id % 9));
		long millis = 1_600_000_000_000L + random.nextInt(2000) * 86_400_000L;
		d.add(new LongPoint(IndexDocuments.PUBLISHED, millis));
		d.add(new NumericDocValuesField(IndexDocuments.PUBLISHED, millis));
		d.add(new StoredField(IndexDocuments.PUBLISHED, millis));
		TestDocuments.addText(d, title, body);
		d.add(new StoredField(IndexDocuments.URL, "/a/x/articles/" + id));
		d.add(new StringField(IndexDocuments.VISIBILITY, "PUBLIC", Field.Store.NO));
		return d;
	}
}
