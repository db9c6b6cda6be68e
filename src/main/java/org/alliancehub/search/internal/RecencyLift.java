package org.alliancehub.search.internal;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;

/**
 * A query's score lifted by {@link RecencyBoost}: the score {@code FunctionScoreQuery.boostByValue(query, recency)}
 * gives, bit for bit ({@code (float) (score * lift)} in double), but with the bound a lift has (at most
 * {@link #MAX_LIFT}) told to the query below, so that a top-10 search skips the documents that cannot make the top
 * (Lucene's block-max WAND): {@code FunctionScoreQuery} asks its query for every hit's complete score and says its own
 * best score is unbounded, so every hit was scored (stop 25's profile).
 */
final class RecencyLift extends Query {

	/** The most {@link RecencyBoost} lifts a score: a quarter, for today or a date ahead. */
	static final double MAX_LIFT = 1.25;

	/** How much lower than asked the query below is told a competitive score is, against rounding. */
	private static final double MARGIN = 1e-6;

	private final Query in;

	private final long now;

	RecencyLift(Query in, long now) {
		this.in = in;
		this.now = now;
	}

	Query query() {
		return in;
	}

	@Override
	public Query rewrite(IndexSearcher searcher) throws IOException {
		Query rewritten = in.rewrite(searcher);
		return rewritten == in ? this : new RecencyLift(rewritten, now);
	}

	@Override
	public void visit(QueryVisitor visitor) {
		in.visit(visitor.getSubVisitor(BooleanClause.Occur.MUST, this));
	}

	@Override
	public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
		Weight inner = in.createWeight(searcher, scoreMode, 1f);
		if (!scoreMode.needsScores()) {
			return inner;
		}
		RecencyBoost recency = new RecencyBoost(now);
		return new Weight(this) {
			@Override
			public Scorer scorer(LeafReaderContext context) throws IOException {
				ScorerSupplier supplier = scorerSupplier(context);
				return supplier == null ? null : supplier.get(Long.MAX_VALUE);
			}

			/** The query's own supplier, told when it is the top-level scoring clause (it then skips by block maxima). */
			@Override
			public ScorerSupplier scorerSupplier(LeafReaderContext context) throws IOException {
				ScorerSupplier supplier = inner.scorerSupplier(context);
				if (supplier == null) {
					return null;
				}
				Weight weight = this;
				return new ScorerSupplier() {
					@Override
					public Scorer get(long leadCost) throws IOException {
						return new Lifted(weight, supplier.get(leadCost), recency.getValues(context, null), boost);
					}

					@Override
					public long cost() {
						return supplier.cost();
					}

					@Override
					public void setTopLevelScoringClause() throws IOException {
						supplier.setTopLevelScoringClause();
					}
				};
			}

			@Override
			public Explanation explain(LeafReaderContext context, int doc) throws IOException {
				Explanation e = inner.explain(context, doc);
				if (!e.isMatch()) {
					return e;
				}
				DoubleValues lift = recency.getValues(context, null);
				lift.advanceExact(doc);
				return Explanation.match(lifted(e.getValue().floatValue(), lift.doubleValue(), boost), "lifted by recency",
						e, Explanation.match(lift.doubleValue(), "recency"));
			}

			@Override
			public Matches matches(LeafReaderContext context, int doc) throws IOException {
				return inner.matches(context, doc);
			}

			@Override
			public boolean isCacheable(LeafReaderContext ctx) {
				return false;
			}
		};
	}

	/** What {@code FunctionScoreQuery.boostByValue} gives: the score times the lift in double, times the boost. */
	static float lifted(float score, double lift, float boost) {
		double factor = score * lift;
		return factor >= 0 ? (float) (factor * boost) : 0;
	}

	private static final class Lifted extends Scorer {

		private final Scorer in;

		private final DoubleValues lift;

		private final float boost;

		Lifted(Weight weight, Scorer in, DoubleValues lift, float boost) {
			super(weight);
			this.in = in;
			this.lift = lift;
			this.boost = boost;
		}

		@Override
		public float score() throws IOException {
			lift.advanceExact(in.docID());
			return lifted(in.score(), lift.doubleValue(), boost);
		}

		@Override
		public int docID() {
			return in.docID();
		}

		@Override
		public DocIdSetIterator iterator() {
			return in.iterator();
		}

		@Override
		public TwoPhaseIterator twoPhaseIterator() {
			return in.twoPhaseIterator();
		}

		@Override
		public int advanceShallow(int target) throws IOException {
			return in.advanceShallow(target);
		}

		@Override
		public float getMaxScore(int upTo) throws IOException {
			float max = in.getMaxScore(upTo);
			// rounding to a float keeps order, so no lifted score is above this
			return max == Float.POSITIVE_INFINITY ? max : (float) (max * MAX_LIFT * Math.max(1f, boost));
		}

		@Override
		public void setMinCompetitiveScore(float minScore) throws IOException {
			if (boost <= 0) {
				return;
			}
			// a document below this scores below minScore whatever its lift
			in.setMinCompetitiveScore(Math.max(0f, Math.nextDown((float) (minScore / MAX_LIFT / boost * (1 - MARGIN)))));
		}

		@Override
		public Collection<ChildScorable> getChildren() {
			return List.of(new ChildScorable(in, "LIFTED"));
		}
	}

	@Override
	public String toString(String field) {
		return "recency(" + in.toString(field) + ")";
	}

	@Override
	public boolean equals(Object o) {
		return sameClassAs(o) && ((RecencyLift) o).in.equals(in) && ((RecencyLift) o).now == now;
	}

	@Override
	public int hashCode() {
		return Objects.hash(classHash(), in, now);
	}
}
