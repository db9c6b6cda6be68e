package org.alliancehub.search.internal;

import java.nio.file.Path;
import java.time.Duration;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * A question asked again over the same index is answered from the answers kept for the current index reader
 * (issue 14, stop 22), exactly as it is answered afresh (hits, order, scores, facet counts, snippets, suggestion);
 * and no kept answer is ever served once the index changed, nor to a viewer who may see other documents.
 */
class SearchAnswersTests {

	@TempDir
	Path data;

	private SearchIndex index;

	private final Access access = mock(Access.class);

	private final SearchSynonyms synonyms = mock(SearchSynonyms.class);

	private static final String[] SENTENCES = { "高铬铸铁过流部件耐磨试验取得进展。", "联盟秘书处发布了团体标准的征求意见稿。",
			"渣浆泵叶轮的磨损在高浓度工况下明显加快！", "會員單位就標準草案提出了修改意見。", "本季度共有十二家企业加入产业联盟。",
			"泵体采用双相不锈钢，耐腐蚀性能良好。", "关于举办耐磨材料技术交流会的通知。", "理事会审议通过了年度工作计划。" };

	private static final String[] QUESTIONS = { "高铬铸铁", "联盟 标准", "\"耐磨试验\"", "渣浆泵", "標準", "泵 叶轮 磨损", "耐磨",
			"理事会 计划", "耐模", "联盟" };

	@BeforeEach
	void fill() {
		index = new SearchIndex(new AllianceHubProperties(data, false, null, Duration.ofHours(12), 1024, true, "http://localhost"));
		when(access.membersOnlyScope()).thenReturn(Set.of());
		when(access.organizationsActedFor()).thenReturn(Set.of());
		when(synonyms.folded()).thenReturn(List.of());
		when(synonyms.allianceByName()).thenReturn(Map.of());
		Random random = new Random(22);
		for (int id = 1; id <= 40; id++) {
			StringBuilder body = new StringBuilder();
			for (int i = 0, n = 1 + random.nextInt(20); i < n; i++) {
				body.append(SENTENCES[random.nextInt(SENTENCES.length)]);
			}
			index.write("ARTICLE:" + id, document(id, SENTENCES[random.nextInt(SENTENCES.length)], body.toString(),
					id % 6 == 0 ? 7L : null));
		}
	}

	@AfterEach
	void close() {
		index.close();
	}

	/** An article of alliance a(id % 3); members-only of {@code membersOf} when given. */
	private static Document document(long id, String title, String body, Long membersOf) {
		return TestDocuments.searchable(id, title, body, 1_700_000_000_000L + id * 86_400_000L, membersOf);
	}

	private static SearchQuery query(String q, SearchQuery.Order order, int page, int size) {
		return new SearchQuery(q, null, null, null, null, null, order, page, size);
	}

	/** Everything of an answer but the time it took. */
	private static List<Object> content(SearchResult r) {
		return List.of(r.items(), r.total(), r.page(), r.size(), r.facets(), String.valueOf(r.suggestion()));
	}

	@Test
	void aQuestionAskedAgainIsAnsweredFromTheKeptAnswerExactlyAsAfresh() {
		Searcher searcher = new Searcher(index, access, synonyms);
		int compared = 0;
		for (String q : QUESTIONS) {
			for (SearchQuery.Order order : SearchQuery.Order.values()) {
				for (int page = 0; page < 2; page++) {
					SearchQuery query = query(q, order, page, 5);
					for (int attempt = 0; attempt < 3; attempt++) {
						long minute = System.currentTimeMillis() / 60_000;
						SearchResult first = searcher.search(query);
						SearchResult again = searcher.search(query);
						// a searcher with nothing kept: the answer computed afresh
						SearchResult fresh = new Searcher(index, access, synonyms).search(query);
						if (System.currentTimeMillis() / 60_000 != minute) {
							continue; // the recency boost's minute turned meanwhile: ask again
						}
						assertThat(again.items()).as("kept, not searched again: %s", query).isSameAs(first.items());
						assertThat(content(again)).as(q).isEqualTo(content(first));
						assertThat(content(fresh)).as(q).isEqualTo(content(first));
						compared++;
						break;
					}
				}
			}
		}
		assertThat(compared).isEqualTo(QUESTIONS.length * 4);
		SearchResult some = new Searcher(index, access, synonyms).search(query("联盟", SearchQuery.Order.RELEVANCE, 0, 5));
		assertThat(some.total()).isPositive();
		assertThat(some.facets().get(IndexDocuments.ALLIANCE)).isNotEmpty();
		assertThat(some.items()).anySatisfy(h -> assertThat(h.snippet()).contains("<em>"));
	}

	@Test
	void everyChangeToTheIndexIsSeenByTheNextSearch() {
		Searcher searcher = new Searcher(index, access, synonyms);
		SearchQuery query = query("珐琅涂层", SearchQuery.Order.RELEVANCE, 0, 10);
		assertThat(searcher.search(query).total()).isZero();
		assertThat(searcher.search(query).total()).isZero();
		index.write("ARTICLE:100", document(100, "珐琅涂层新工艺", "珐琅涂层在泵体上的应用。", null));
		SearchResult added = searcher.search(query);
		assertThat(added.total()).isEqualTo(1);
		assertThat(added.items().get(0).title()).isEqualTo("珐琅涂层新工艺");
		index.write("ARTICLE:100", document(100, "珐琅涂层工艺定稿", "珐琅涂层在泵体上的应用。", null));
		assertThat(searcher.search(query).items().get(0).title()).isEqualTo("珐琅涂层工艺定稿");
		index.write("ARTICLE:100", null);
		assertThat(searcher.search(query).total()).isZero();
	}

	@Test
	void viewersWhoMaySeeDifferentDocumentsDoNotShareAnswers() {
		Searcher searcher = new Searcher(index, access, synonyms);
		SearchQuery query = query("联盟", SearchQuery.Order.RELEVANCE, 0, 100);
		SearchResult anonymous = searcher.search(query);
		when(access.membersOnlyScope()).thenReturn(Set.of(7L));
		SearchResult member = searcher.search(query);
		when(access.membersOnlyScope()).thenReturn(null); // the network administrator sees everything
		SearchResult admin = searcher.search(query);
		when(access.membersOnlyScope()).thenReturn(Set.of());
		SearchResult anonymousAgain = searcher.search(query);
		assertThat(member.total()).isGreaterThan(anonymous.total());
		assertThat(admin.total()).isEqualTo(member.total());
		assertThat(anonymous.items()).noneMatch(h -> h.id() % 6 == 0);
		assertThat(member.items()).anyMatch(h -> h.id() % 6 == 0);
		assertThat(anonymousAgain.total()).isEqualTo(anonymous.total());
		assertThat(anonymousAgain.items()).noneMatch(h -> h.id() % 6 == 0);
	}

	/**
	 * Why search-bench.sh found no shared top-10 hit for some one-word questions (stop 23): documents that a question
	 * scores alike by its words are shown newest first (the recency lift), where plain Lucene, without it, takes the
	 * first by document number. With hundreds of such documents tied, the two top 10s can differ and both be right.
	 */
	@Test
	void documentsAQuestionScoresAlikeByTheirWordsAreShownNewestFirst() {
		Map<String, org.apache.lucene.document.Document> same = new java.util.LinkedHashMap<>();
		for (long id = 201; id <= 230; id++) {
			same.put("ARTICLE:" + id, document(id, "煤化工联盟召开年会", "煤化工联盟召开年会，交流煤化工技术。", null));
		}
		index.write(same, 0);
		SearchResult shown = new Searcher(index, access, synonyms).search(query("煤化工", SearchQuery.Order.RELEVANCE, 0, 10));
		assertThat(shown.total()).isEqualTo(30);
		// the newest ten (the later the number, the newer here), newest first
		assertThat(shown.items()).extracting(SearchResult.Hit::id)
			.containsExactly(230L, 229L, 228L, 227L, 226L, 225L, 224L, 223L, 222L, 221L);
		assertThat(shown.items().get(0).score()).isGreaterThan(shown.items().get(9).score());
	}

	@Test
	void aChangedSynonymGroupChangesTheAnswerAtOnce() {
		Searcher searcher = new Searcher(index, access, synonyms);
		SearchQuery query = query("耐磨联合体", SearchQuery.Order.RELEVANCE, 0, 10);
		long before = searcher.search(query).total();
		when(synonyms.folded()).thenReturn(List.of(List.of("耐磨联合体", "高铬铸铁")));
		long after = searcher.search(query).total();
		assertThat(after).isGreaterThan(before);
		when(synonyms.folded()).thenReturn(List.of());
		assertThat(searcher.search(query).total()).isEqualTo(before);
	}

	@Test
	void anAnswerIsRenderedOnceWhileItIsKeptAndAfreshForEveryChangeOfTheIndexViewerOrSynonyms() {
		Searcher searcher = new Searcher(index, access, synonyms);
		SearchQuery query = query("联盟", SearchQuery.Order.RELEVANCE, 0, 100);
		java.util.concurrent.atomic.AtomicInteger rendered = new java.util.concurrent.atomic.AtomicInteger();
		java.util.function.Function<SearchResult, List<Object>> render = r -> {
			rendered.incrementAndGet();
			return content(r);
		};
		var once = searcher.search(query, render);
		var again = searcher.search(query, render);
		assertThat(rendered).as("rendered once, then given again").hasValue(1);
		assertThat(again.rendering()).isSameAs(once.rendering()).isEqualTo(content(searcher.search(query)));
		assertThat(once.rendering()).isEqualTo(content(new Searcher(index, access, synonyms).search(query)));
		// another viewer (a member of alliance 7; the same scope acting for an organisation; the administrator)
		when(access.membersOnlyScope()).thenReturn(Set.of(7L));
		var member = searcher.search(query, render);
		when(access.organizationsActedFor()).thenReturn(Set.of(3L));
		searcher.search(query, render);
		when(access.membersOnlyScope()).thenReturn(null);
		searcher.search(query, render);
		assertThat(rendered).hasValue(4);
		assertThat(member.rendering()).isNotEqualTo(once.rendering());
		when(access.membersOnlyScope()).thenReturn(Set.of());
		when(access.organizationsActedFor()).thenReturn(Set.of());
		assertThat(searcher.search(query, render).rendering()).isSameAs(once.rendering());
		// another synonym list
		when(synonyms.folded()).thenReturn(List.of(List.of("耐磨联合体", "高铬铸铁")));
		assertThat(searcher.search(query, render).rendering()).isEqualTo(once.rendering());
		assertThat(rendered).hasValue(5);
		when(synonyms.folded()).thenReturn(List.of());
		// a change of the index
		index.write("ARTICLE:100", document(100, "产业联盟新成员", "本季度共有十二家企业加入产业联盟。", null));
		var changed = searcher.search(query, render);
		assertThat(rendered).hasValue(6);
		assertThat(changed.rendering()).isNotEqualTo(once.rendering())
			.isEqualTo(content(new Searcher(index, access, synonyms).search(query)));
	}

	@Test
	void aRenderingKeptForAMemberIsNeverGivenToAnAnonymousViewer() {
		Searcher searcher = new Searcher(index, access, synonyms);
		SearchQuery query = query("联盟", SearchQuery.Order.RELEVANCE, 0, 100);
		java.util.function.Function<SearchResult, List<SearchResult.Hit>> hits = SearchResult::items;
		when(access.membersOnlyScope()).thenReturn(Set.of(7L));
		List<SearchResult.Hit> member = searcher.search(query, hits).rendering();
		when(access.membersOnlyScope()).thenReturn(Set.of());
		List<SearchResult.Hit> anonymous = searcher.search(query, hits).rendering();
		when(access.membersOnlyScope()).thenReturn(Set.of(7L));
		assertThat(searcher.search(query, hits).rendering()).isSameAs(member);
		when(access.membersOnlyScope()).thenReturn(Set.of());
		assertThat(searcher.search(query, hits).rendering()).isSameAs(anonymous);
		assertThat(member).anyMatch(h -> h.id() % 6 == 0);
		assertThat(anonymous).isNotEmpty().noneMatch(h -> h.id() % 6 == 0);
	}

	@Test
	void aQuestionAskedWithOtherFiltersIsParsedOnceAndAnsweredAsByASearcherThatParsedItAfresh() {
		Searcher searcher = new Searcher(index, access, synonyms);
		List<List<String>> none = List.of();
		assertThat(searcher.parse("联盟标准", none, Map.of())).isSameAs(searcher.parse("联盟标准", none, Map.of()));
		List<List<String>> other = List.of(List.of("联盟", "联合体"));
		assertThat(searcher.parse("联盟标准", other, Map.of())).isNotEqualTo(searcher.parse("联盟标准", none, Map.of()));
		int compared = 0;
		for (String q : QUESTIONS) {
			for (java.time.LocalDate to : List.of(java.time.LocalDate.of(2100, 1, 2), java.time.LocalDate.of(2100, 1, 3),
					java.time.LocalDate.of(2023, 12, 1))) {
				for (SearchQuery.Order order : SearchQuery.Order.values()) {
					SearchQuery query = new SearchQuery(q, null, null, null, null, to, order, 0, 5);
					for (int attempt = 0; attempt < 3; attempt++) {
						long minute = System.currentTimeMillis() / 60_000;
						SearchResult warm = searcher.search(query);
						SearchResult fresh = new Searcher(index, access, synonyms).search(query);
						if (System.currentTimeMillis() / 60_000 != minute) {
							continue; // the recency boost's minute turned meanwhile: ask again
						}
						assertThat(content(warm)).as("%s", query).isEqualTo(content(fresh));
						compared++;
						break;
					}
				}
			}
		}
		assertThat(compared).isEqualTo(QUESTIONS.length * 6);
	}
}
