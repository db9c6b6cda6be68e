package org.alliancehub.search.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.alliancehub.text.ChineseText;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How a question ranks pages, on a small index with the search's own fields and analysis. */
class QuestionsTests {

	private final ByteBuffersDirectory directory = new ByteBuffersDirectory();

	private void add(IndexWriter w, String title, String body) throws IOException {
		Document d = new Document();
		String t = ChineseText.fold(title);
		String b = ChineseText.fold(body);
		d.add(new StringField(IndexDocuments.DISPLAY_TITLE, title, Field.Store.YES));
		d.add(new TextField(Analyzers.TITLE, t, Field.Store.NO));
		d.add(new TextField(Analyzers.TITLE_BIGRAMS, t, Field.Store.NO));
		d.add(new TextField(Analyzers.BODY_WORDS, b, Field.Store.NO));
		d.add(new TextField(Analyzers.BODY_BIGRAMS, b, Field.Store.NO));
		w.addDocument(d);
	}

	private List<String> top(String question, int n) throws IOException {
		try (DirectoryReader reader = DirectoryReader.open(directory)) {
			IndexSearcher searcher = new IndexSearcher(reader);
			List<String> out = new ArrayList<>();
			for (ScoreDoc d : searcher.search(new Questions(Analyzers.forQuery()).parse(ChineseText.fold(question), List.of()), n).scoreDocs) {
				out.add(searcher.storedFields().document(d.doc).get(IndexDocuments.DISPLAY_TITLE));
				System.out.println("  " + d.score + " " + out.get(out.size() - 1));
			}
			return out;
		}
	}

	@Test
	void aPageHoldingEveryWordOfALongQuestionRanksAbovePagesHoldingMost() throws IOException {
		try (IndexWriter w = new IndexWriter(directory, new IndexWriterConfig(Analyzers.forIndex()))) {
			add(w, "铸件热处理问答", "<p>铸件热处理工艺的常见问题与解答，铸件热处理工艺要点。</p>");
			add(w, "铸件热处理要点", "<p>介绍铸件热处理工艺的几个要点，以及铸件热处理工艺的改进。</p>");
			add(w, "铸件热处理改进", "<p>企业改进铸件热处理工艺的做法，铸件热处理工艺的成效。</p>");
			add(w, "铸件热处理标准发布", "<p>联盟发布工艺规范团体标准。</p>");
			for (int i = 0; i < 20; i++) {
				add(w, "联盟动态第" + i + "期", "<p>成员单位交流会。</p>");
			}
		}
		assertThat(top("铸件热处理工艺规范", 5).subList(0, 3)).contains("铸件热处理标准发布");
	}
}
