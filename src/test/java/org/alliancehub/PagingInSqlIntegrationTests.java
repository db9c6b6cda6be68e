package org.alliancehub;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.alliancehub.membership.Member;
import org.alliancehub.membership.Memberships;
import org.alliancehub.network.Alliance;
import org.alliancehub.network.Alliances;
import org.alliancehub.shared.PageResult;
import org.alliancehub.shared.Paging;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The alliance and member lists are paged by the database, in the same order as the full lists. */
class PagingInSqlIntegrationTests extends IntegrationTest {

	@Autowired
	Alliances alliances;

	@Autowired
	Memberships memberships;

	@Test
	void alliancePagesComeFromTheDatabaseInThePinyinOrderOfTheFullList() {
		TestClient admin = admin();
		List<String> mine = new ArrayList<>();
		for (String name : List.of("中华泵业联盟", "阿胶产业联盟", "白酒产业联盟", "长城汽车联盟")) {
			String slug = "p-" + UUID.randomUUID().toString().substring(0, 8);
			assertThat(admin.post("/api/v1/alliances", Map.of("slug", slug, "name", name + slug)).status()).isEqualTo(201);
			mine.add(slug);
		}
		List<String> full = alliances.list().stream().map(Alliance::slug).toList();
		// a (阿), bai (白), chang (长), zhong (中)
		assertThat(full.stream().filter(mine::contains).toList())
			.containsExactly(mine.get(1), mine.get(2), mine.get(3), mine.get(0));
		PageResult<Alliance> second = alliances.page(new Paging(1, 2));
		assertThat(second.total()).isEqualTo(full.size());
		assertThat(second.items()).extracting(Alliance::slug).containsExactlyElementsOf(full.subList(2, 4));

		List<String> paged = new ArrayList<>();
		for (int page = 0; page * 3 < full.size(); page++) {
			JsonNode json = client().get("/api/v1/alliances?size=3&page=" + page).json();
			assertThat(json.get("total").asLong()).isEqualTo(full.size());
			json.get("items").forEach(i -> paged.add(i.get("slug").asString()));
		}
		assertThat(paged).containsExactlyElementsOf(full);
	}

	@Test
	void memberPagesComeFromTheDatabaseInRollOrder() {
		long lmxfw = alliances.get("lmxfw").id();
		List<Long> full = memberships.members(lmxfw, null, null).stream().map(Member::organizationId).toList();
		assertThat(full.size()).isGreaterThan(4);
		PageResult<Member> second = memberships.members(lmxfw, null, null, new Paging(1, 2));
		assertThat(second.total()).isEqualTo(full.size());
		assertThat(second.items()).extracting(Member::organizationId).containsExactlyElementsOf(full.subList(2, 4));

		List<Long> paged = new ArrayList<>();
		for (int page = 0; page * 4 < full.size(); page++) {
			JsonNode json = client().get("/api/v1/alliances/lmxfw/members?size=4&page=" + page).json();
			assertThat(json.get("total").asLong()).isEqualTo(full.size());
			json.get("items").forEach(i -> paged.add(i.get("organizationId").asLong()));
		}
		assertThat(paged).containsExactlyElementsOf(full);
	}
}
