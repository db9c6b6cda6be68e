package org.alliancehub.search.internal;

import java.io.IOException;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexSearcher;

/**
 * A gentle lift for recent items: up to a quarter more score for today, half of that for half a year
 * ago, fading with age, so relevance still decides and news of this year comes before the same words
 * from five years ago.
 */
final class RecencyBoost extends DoubleValuesSource {

	private static final double HALF_LIFE_MILLIS = 180d * 24 * 3600 * 1000;

	private final long now;

	RecencyBoost(long now) {
		this.now = now;
	}

	@Override
	public DoubleValues getValues(LeafReaderContext ctx, DoubleValues scores) throws IOException {
		NumericDocValues published = DocValues.getNumeric(ctx.reader(), IndexDocuments.PUBLISHED);
		return new DoubleValues() {
			private double value = 1;

			@Override
			public double doubleValue() {
				return value;
			}

			@Override
			public boolean advanceExact(int doc) throws IOException {
				if (published.advanceExact(doc) && published.longValue() > 0) {
					double age = Math.max(0, now - published.longValue());
					value = 1 + 0.25 / (1 + age / HALF_LIFE_MILLIS);
				}
				else {
					value = 1;
				}
				return true;
			}
		};
	}

	@Override
	public boolean needsScores() {
		return false;
	}

	@Override
	public DoubleValuesSource rewrite(IndexSearcher searcher) {
		return this;
	}

	@Override
	public boolean isCacheable(LeafReaderContext ctx) {
		return false;
	}

	@Override
	public int hashCode() {
		return Long.hashCode(now / 86_400_000);
	}

	@Override
	public boolean equals(Object obj) {
		return obj instanceof RecencyBoost r && r.now / 86_400_000 == now / 86_400_000;
	}

	@Override
	public String toString() {
		return "recency";
	}
}
