package org.alliancehub.search.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

/** Counts the hits, and the hits per alliance, category and type from doc values. */
final class FacetCounts implements CollectorManager<FacetCounts.Counter, FacetCounts.Counted> {

	/** The hits counted, and per facet and value. */
	record Counted(long total, Map<String, Map<String, Long>> facets) {
	}

	static final String[] SINGLE = { IndexDocuments.TYPE, IndexDocuments.CATEGORY };

	@Override
	public Counter newCollector() {
		return new Counter();
	}

	@Override
	public Counted reduce(Collection<Counter> collectors) {
		Map<String, Map<String, Long>> all = new HashMap<>();
		long total = 0;
		for (Counter c : collectors) {
			total += c.total;
			c.counts.forEach((facet, values) -> values
				.forEach((v, n) -> all.computeIfAbsent(facet, k -> new HashMap<>()).merge(v, n, Long::sum)));
		}
		return new Counted(total, all);
	}

	static final class Counter implements Collector {

		final Map<String, Map<String, Long>> counts = new HashMap<>();

		long total;

		@Override
		public ScoreMode scoreMode() {
			return ScoreMode.COMPLETE_NO_SCORES;
		}

		@Override
		public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
			List<SortedDocValues> single = new ArrayList<>();
			List<int[]> singleCounts = new ArrayList<>();
			for (String f : SINGLE) {
				SortedDocValues dv = DocValues.getSorted(context.reader(), f);
				single.add(dv);
				singleCounts.add(new int[dv.getValueCount()]);
			}
			SortedSetDocValues alliances = DocValues.getSortedSet(context.reader(), IndexDocuments.ALLIANCE);
			int[] allianceCounts = new int[(int) alliances.getValueCount()];
			return new LeafCollector() {
				@Override
				public void setScorer(Scorable scorer) {
				}

				@Override
				public void collect(int doc) throws IOException {
					total++;
					for (int i = 0; i < single.size(); i++) {
						SortedDocValues dv = single.get(i);
						if (dv.advanceExact(doc)) {
							singleCounts.get(i)[dv.ordValue()]++;
						}
					}
					if (alliances.advanceExact(doc)) {
						for (int i = 0; i < alliances.docValueCount(); i++) {
							allianceCounts[(int) alliances.nextOrd()]++;
						}
					}
				}

				@Override
				public void finish() throws IOException {
					for (int i = 0; i < single.size(); i++) {
						int[] c = singleCounts.get(i);
						for (int ord = 0; ord < c.length; ord++) {
							if (c[ord] > 0) {
								add(SINGLE[i], single.get(i).lookupOrd(ord).utf8ToString(), c[ord]);
							}
						}
					}
					for (int ord = 0; ord < allianceCounts.length; ord++) {
						if (allianceCounts[ord] > 0) {
							add(IndexDocuments.ALLIANCE, alliances.lookupOrd(ord).utf8ToString(), allianceCounts[ord]);
						}
					}
				}
			};
		}

		private void add(String facet, String value, long n) {
			counts.computeIfAbsent(facet, k -> new HashMap<>()).merge(value, n, Long::sum);
		}
	}
}
