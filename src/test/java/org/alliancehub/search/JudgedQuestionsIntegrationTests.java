package org.alliancehub.search;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.alliancehub.IntegrationTest;
import org.alliancehub.TestClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The judged questions of {@code search/judged.tsv}, asked anonymously through the API as a reader
 * types them: the share whose pages all rank in the top 3 is printed, and must be 90 % at least.
 */
class JudgedQuestionsIntegrationTests extends IntegrationTest {

	record Judged(String question, List<String> titles) {
	}

	static List<String[]> rows(String resource) throws IOException {
		try (InputStream in = JudgedQuestionsIntegrationTests.class.getResourceAsStream(resource)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.filter(l -> !l.isBlank() && !l.startsWith("#"))
				.map(l -> l.split("\t"))
				.toList();
		}
	}

	List<String> top3(String q) {
		var r = client().get("/api/v1/search?size=3&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		return r.json().get("items").valueStream().map(h -> h.get("title").asString()).toList();
	}

	@Test
	void atLeastNineInTenJudgedQuestionsFindTheirPagesInTheTopThree() throws IOException {
		TestClient admin = admin();
		String slug = "judged-" + UUID.randomUUID().toString().substring(0, 8);
		admin.post("/api/v1/alliances", Map.of("slug", slug, "name", "评测页面联盟" + slug));
		List<String[]> pages = rows("/search/pages.tsv");
		for (String[] p : pages) {
			admin.post("/api/v1/alliances/" + slug + "/articles", Map.of("title", p[0], "category", "ALLIANCE_NEWS",
					"body", p[1], "status", "PUBLISHED", "visibility", "PUBLIC", "tags", List.of()));
		}
		await().atMost(Duration.ofSeconds(30)).until(() -> top3(pages.get(pages.size() - 1)[0]).contains(pages.get(pages.size() - 1)[0])
				&& top3("渣浆泵联盟简报（第1期）").contains("渣浆泵联盟简报（第1期）"));
		List<Judged> judged = rows("/search/judged.tsv").stream()
			.map(r -> new Judged(r[0], Arrays.asList(r[1].split("\\|"))))
			.toList();
		assertThat(judged).hasSizeGreaterThanOrEqualTo(30);
		List<String> missed = new ArrayList<>();
		for (Judged j : judged) {
			List<String> top = top3(j.question());
			if (!top.containsAll(j.titles())) {
				missed.add(j.question() + " → " + top);
			}
		}
		double share = 1 - (double) missed.size() / judged.size();
		System.out.printf("Judged questions answered: %d of %d (%.1f %%)%n", judged.size() - missed.size(), judged.size(),
				share * 100);
		missed.forEach(m -> System.out.println("  missed: " + m));
		assertThat(share).as("share answered; missed: %s", missed).isGreaterThanOrEqualTo(0.9);
	}

	@Test
	void aTraditionalQuestionRanksTheSamePagesAsItsSimplifiedForm() throws IOException {
		await().atMost(Duration.ofSeconds(30)).until(() -> top3("渣浆泵联盟简报（第1期）").contains("渣浆泵联盟简报（第1期）"));
		List<String> differ = new ArrayList<>();
		List<String[]> rows = rows("/search/judged.tsv");
		for (String[] r : rows) {
			String traditional = com.github.houbb.opencc4j.util.ZhConverterUtil.toTraditional(r[0]);
			List<String> simplified = top3(com.github.houbb.opencc4j.util.ZhConverterUtil.toSimple(r[0]));
			if (!top3(traditional).equals(simplified)) {
				differ.add(traditional);
			}
		}
		System.out.printf("Traditional questions ranking as their simplified form: %d of %d%n", rows.size() - differ.size(),
				rows.size());
		assertThat(differ).isEmpty();
	}
}
