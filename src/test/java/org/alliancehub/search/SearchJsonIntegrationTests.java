package org.alliancehub.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.alliancehub.IntegrationTest;
import org.alliancehub.TestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.mock.http.MockHttpOutputMessage;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The search API writes an answer's JSON once and gives it again to a question asked again (issue 14, stop 24): byte
 * for byte what Spring MVC's own JSON converter writes of the answer (but the time the search took), and never to a
 * viewer who may read other documents.
 */
class SearchJsonIntegrationTests extends IntegrationTest {

	@Autowired
	Search search;

	@Autowired
	RequestMappingHandlerAdapter mvc;

	String slug;

	TestClient admin;

	@BeforeEach
	void alliance() {
		admin = admin();
		slug = "j-" + UUID.randomUUID().toString().substring(0, 8);
		admin.post("/api/v1/alliances", Map.of("slug", slug, "name", "答案字节联盟" + slug));
	}

	long publish(String title, String body, String visibility) {
		return admin.post("/api/v1/alliances/" + slug + "/articles", Map.of("title", title, "category", "TECHNOLOGY",
				"body", body, "status", "PUBLISHED", "visibility", visibility, "tags", List.of())).json().get("id").asLong();
	}

	static String url(String q, String params) {
		return "/api/v1/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + params;
	}

	/** The JSON but the time the search took. */
	static String timeless(String json) {
		assertThat(json).containsOnlyOnce("\"tookMs\":");
		return json.replaceFirst("\"tookMs\":\\d+", "\"tookMs\":0");
	}

	@SuppressWarnings("unchecked")
	String writtenBySpringMvc(SearchResult answer) throws Exception {
		HttpMessageConverter<Object> json = (HttpMessageConverter<Object>) mvc.getMessageConverters()
			.stream()
			.filter(c -> c.canWrite(SearchResult.class, MediaType.APPLICATION_JSON))
			.findFirst()
			.orElseThrow();
		MockHttpOutputMessage out = new MockHttpOutputMessage();
		json.write(answer, MediaType.APPLICATION_JSON, out);
		return out.getBodyAsString(StandardCharsets.UTF_8);
	}

	@Test
	void aQuestionAskedAgainGetsByteForByteTheJsonSpringMvcWritesOfTheAnswer() throws Exception {
		long first = publish("钒钛磁铁矿选冶试验<纪要>", "<p>钒钛磁铁矿的选冶试验，\"回收率\"提高了 3.5%。</p>", "PUBLIC");
		long second = publish("钒钛磁铁矿综合利用", "<p>综合利用钒钛磁铁矿 & 尾矿。</p>", "PUBLIC");
		String[] asked = { url("钒钛磁铁矿", ""), url("钒钛磁铁矿", "&sort=DATE&size=1&page=1"),
				url("钒钛磁铁矿 选冶", "&alliance=" + slug + "&type=ARTICLE"), url("钒钛磁铁旷", "") };
		await().atMost(Duration.ofSeconds(10)).until(() -> {
			String body = client().get(asked[0]).body();
			return body.contains("\"id\":" + first + ",") && body.contains("\"id\":" + second + ",");
		});
		for (String path : asked) {
			TestClient.Response once = client().get(path);
			TestClient.Response again = client().get(path);
			TestClient.Response thrice = client().get(path);
			assertThat(once.status()).as(path).isEqualTo(200);
			assertThat(once.header("Content-Type")).as(path).isEqualTo("application/json");
			assertThat(again.header("Content-Type")).as(path).isEqualTo("application/json");
			assertThat(timeless(again.body())).as(path).isEqualTo(timeless(once.body()));
			assertThat(timeless(thrice.body())).as(path).isEqualTo(timeless(once.body()));
			// the answer as the search gives it, written by Spring MVC's JSON converter as for any other answer
			java.util.regex.Matcher q = java.util.regex.Pattern.compile("q=([^&]*)").matcher(path);
			assertThat(q.find()).isTrue();
			String words = java.net.URLDecoder.decode(q.group(1), StandardCharsets.UTF_8);
			SearchQuery query = new SearchQuery(words, path.contains("alliance=") ? slug : null, null,
					path.contains("type=ARTICLE") ? DocumentType.ARTICLE : null, null, null,
					path.contains("sort=DATE") ? SearchQuery.Order.DATE : SearchQuery.Order.RELEVANCE,
					path.contains("page=1") ? 1 : 0, path.contains("size=1") ? 1 : 20);
			assertThat(timeless(again.body())).as(path).isEqualTo(timeless(writtenBySpringMvc(search.search(query))));
		}
		assertThat(client().get(asked[0]).json().get("total").asLong()).isEqualTo(2);
		assertThat(client().get(asked[1]).json().get("items").size()).isEqualTo(1);
	}

	@Test
	void aMembersOnlyHitAMemberWasShownIsNotInTheAnswerAnAnonymousViewerIsGivenAgain() {
		long open = publish("铌钽精矿提纯进展", "<p>铌钽精矿提纯。</p>", "PUBLIC");
		long secret = publish("铌钽精矿提纯内部稿", "<p>铌钽精矿提纯，仅供成员。</p>", "MEMBERS");
		long org = admin.post("/api/v1/organizations", Map.of("name", "字节成员单位" + slug, "type", "ENTERPRISE"))
			.json().get("id").asLong();
		admin.post("/api/v1/alliances/" + slug + "/members", Map.of("organizationId", org, "role", "MEMBER"));
		TestClient member = TestClient.userWith(admin, client(), List.of(Map.of("role", "MEMBER_REP", "organizationId", org)));
		String path = url("铌钽精矿提纯", "");
		await().atMost(Duration.ofSeconds(10)).until(() -> member.get(path).json().get("total").asLong() == 2);
		for (int round = 0; round < 3; round++) {
			String shownToMember = member.get(path).body();
			String shownToAnonymous = client().get(path).body();
			assertThat(shownToMember).contains("\"id\":" + secret + ",").contains("\"id\":" + open + ",");
			assertThat(shownToAnonymous).doesNotContain("\"id\":" + secret + ",").doesNotContain("内部稿")
				.contains("\"id\":" + open + ",").contains("\"total\":1,");
		}
	}
}
