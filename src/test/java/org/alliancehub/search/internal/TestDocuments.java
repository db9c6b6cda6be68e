package org.alliancehub.search.internal;

import org.alliancehub.text.ChineseText;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.util.BytesRef;

/** The text fields of an indexed document as the indexer writes them, for tests and measures that build an index by hand. */
final class TestDocuments {

	private TestDocuments() {
	}

	/** A new article document with its key and its type, as the indexer writes them. */
	static Document article(long id) {
		Document d = new Document();
		d.add(new StringField(SearchIndex.KEY, "ARTICLE:" + id, Field.Store.YES));
		d.add(new StringField(IndexDocuments.TYPE, "ARTICLE", Field.Store.YES));
		d.add(new SortedDocValuesField(IndexDocuments.TYPE, new BytesRef("ARTICLE")));
		return d;
	}

	/**
	 * An article as a search shows it: of alliance a(id % 3), published at {@code millis}, members-only of
	 * {@code membersOf} when given.
	 */
	static Document searchable(long id, String title, String body, long millis, @org.jspecify.annotations.Nullable Long membersOf) {
		Document d = article(id);
		d.add(new StoredField(IndexDocuments.ID, id));
		d.add(new StringField(IndexDocuments.ALLIANCE, "a" + id % 3, Field.Store.NO));
		d.add(new org.apache.lucene.document.SortedSetDocValuesField(IndexDocuments.ALLIANCE, new BytesRef("a" + id % 3)));
		d.add(new StoredField(IndexDocuments.ALLIANCE + "Slug", "a" + id % 3));
		d.add(new StoredField(IndexDocuments.ALLIANCE_NAME, "联盟" + id % 3));
		d.add(new org.apache.lucene.document.LongPoint(IndexDocuments.PUBLISHED, millis));
		d.add(new org.apache.lucene.document.NumericDocValuesField(IndexDocuments.PUBLISHED, millis));
		d.add(new StoredField(IndexDocuments.PUBLISHED, millis));
		addText(d, title, body);
		d.add(new StoredField(IndexDocuments.URL, "/a/x/articles/" + id));
		d.add(new StringField(IndexDocuments.VISIBILITY, membersOf == null ? "PUBLIC" : "MEMBERS", Field.Store.NO));
		if (membersOf != null) {
			d.add(new StringField(IndexDocuments.MEMBERS_OF, String.valueOf(membersOf), Field.Store.NO));
		}
		return d;
	}

	/**
	 * The demo network's texts of one kind ({@code "title"} or {@code "body"}, markup left out), in the order they
	 * stand in {@code src/main/resources/demo/network.json}.
	 */
	static java.util.List<String> demo(String field) throws java.io.IOException {
		String json = java.nio.file.Files.readString(java.nio.file.Path.of("src/main/resources/demo/network.json"));
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"" + field + "\": \"((?:[^\"\\\\]|\\\\.)*)\"").matcher(json);
		java.util.List<String> out = new java.util.ArrayList<>();
		while (m.find()) {
			out.add(m.group(1).replaceAll("<[^>]+>", " ").replace("\\n", " "));
		}
		return out;
	}

	/** Adds a title and a body the way {@link IndexDocuments} does: folded to one script, words and character pairs. */
	static void addText(Document d, String title, String body) {
		String foldedTitle = ChineseText.fold(title);
		String foldedBody = ChineseText.fold(body);
		d.add(new StoredField(IndexDocuments.DISPLAY_TITLE, title));
		d.add(new TextField(Analyzers.TITLE, foldedTitle, Field.Store.YES));
		d.add(new StoredField(Analyzers.BODY, foldedBody));
		d.add(new TextField(Analyzers.BODY_WORDS, foldedBody, Field.Store.NO));
		d.add(new TextField(Analyzers.TITLE_BIGRAMS, foldedTitle, Field.Store.NO));
		d.add(new Field(Analyzers.BODY_BIGRAMS, foldedBody, Analyzers.WITH_OFFSETS));
	}
}
