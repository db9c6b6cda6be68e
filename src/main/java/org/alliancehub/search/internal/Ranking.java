package org.alliancehub.search.internal;

import java.io.IOException;
import java.util.Arrays;

import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryRescorer;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.jspecify.annotations.Nullable;

/**
 * The best hits of a question in two phases (stop 27). First the candidates: the best {@link #WINDOW} (or as many as
 * the page goes deep) by the question's words alone ({@link Questions.Purpose#CANDIDATES}), lifted by recency, in a
 * top-k search that skips what cannot make them (block-max WAND through {@link RecencyLift}'s bound). Then Lucene's
 * {@link QueryRescorer} gives the first {@link #WINDOW} of them the whole question's score (the page holding every word,
 * the phrases, the whole question in a title, which only reorder: they match no document the words do not) and orders
 * them by it. Hits deeper than the window keep the order and score of their words, after the window's: every hit
 * stands in one place whatever the depth asked, so pages never repeat or skip a hit, and the scores still fall, since
 * the whole score of a hit is never below the score of its words.
 *
 * <p>Scoring every clause of every hit while picking the best (one phase) walked the phrases' positions and the
 * extra clauses' postings for every candidate block-max WAND could not skip: two thirds of a new question's time at
 * 1,000,000 documents (stop 26's profile).
 */
final class Ranking {

	/** How many of the best candidates get the whole question's score. */
	static final int WINDOW = 100;

	private Ranking() {
	}

	/**
	 * The best {@code depth} hits.
	 * @param candidates the question's words, lifted by recency (the first phase)
	 * @param whole the whole question, lifted by recency: matches the documents {@code candidates} matches; null when
	 *        it is the candidates' query (nothing is added to the words' score, as for a question of one word)
	 */
	static TopDocs top(IndexSearcher searcher, Query candidates, @Nullable Query whole, int depth) throws IOException {
		if (whole == null) {
			return searcher.search(candidates, new TopScoreDocCollectorManager(depth, null, depth));
		}
		int n = Math.max(depth, WINDOW);
		TopDocs all = rescored(searcher, searcher.search(candidates, new TopScoreDocCollectorManager(n, null, n)), whole);
		return all.scoreDocs.length <= depth ? all : new TopDocs(all.totalHits, Arrays.copyOf(all.scoreDocs, depth));
	}

	/** The first {@link #WINDOW} of the candidates ordered by the whole question's score, the rest as they were. */
	static TopDocs rescored(IndexSearcher searcher, TopDocs first, Query whole) throws IOException {
		return rescored(searcher, first, whole, WINDOW);
	}

	/** The first {@code window} of the candidates ordered by the whole question's score, the rest as they were. */
	static TopDocs rescored(IndexSearcher searcher, TopDocs first, Query whole, int window) throws IOException {
		int w = Math.min(window, first.scoreDocs.length);
		// copies: the rescorer sets the scores of the documents it is given
		ScoreDoc[] best = new ScoreDoc[w];
		for (int i = 0; i < w; i++) {
			best[i] = new ScoreDoc(first.scoreDocs[i].doc, first.scoreDocs[i].score, first.scoreDocs[i].shardIndex);
		}
		TopDocs rescored = new WholeScore(whole).rescore(searcher, new TopDocs(first.totalHits, best), w);
		ScoreDoc[] all = Arrays.copyOf(rescored.scoreDocs, first.scoreDocs.length);
		System.arraycopy(first.scoreDocs, w, all, w, first.scoreDocs.length - w);
		return new TopDocs(first.totalHits, all);
	}

	/** Lucene's rescorer, a hit's new score being the whole question's score of it. */
	static final class WholeScore extends QueryRescorer {

		WholeScore(Query whole) {
			super(whole);
		}

		@Override
		protected float combine(float firstPassScore, boolean secondPassMatches, float secondPassScore) {
			return secondPassMatches ? secondPassScore : firstPassScore;
		}
	}
}
