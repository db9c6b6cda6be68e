package org.alliancehub.collaboration;

import java.util.List;
import java.util.Map;

import org.alliancehub.IntegrationTest;
import org.alliancehub.TestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Agreements with parties of three kinds and the demonstration bases they set up, in public registers of the
 * alliance and the network; members-only agreements hidden from others; every invalid field named.
 */
class AgreementsIntegrationTests extends IntegrationTest {

	CollaborationFixtures f;

	String slug;

	TestClient sec;

	long host;

	@BeforeEach
	void anAlliance() {
		f = new CollaborationFixtures(admin(), client());
		slug = f.alliance("协议联盟");
		sec = f.secretariat(slug);
		host = f.member(slug);
	}

	@Test
	void anAgreementSetsUpABaseAndBothAppearInThePublicRegisters() {
		String partner = f.alliance("伙伴联盟");
		var a = sec.post("/api/v1/alliances/" + slug + "/agreements", Map.of("title", "共建产业化示范基地战略合作协议",
				"subject", "共建示范基地", "signedOn", "2017-11-20", "signedPlace", "辽宁营口", "parties", List.of(
						Map.of("kind", "ORGANIZATION", "organizationId", host),
						Map.of("kind", "ALLIANCE", "alliance", partner),
						Map.of("kind", "OUTSIDE_BODY", "name", "宁安市人民政府"))));
		assertThat(a.status()).as(a.body()).isEqualTo(201);
		long agreement = a.json().get("id").asLong();
		JsonNode parties = a.json().get("parties");
		assertThat(parties.size()).isEqualTo(3);
		assertThat(parties.get(1).get("alliance").asString()).isEqualTo(partner);
		assertThat(parties.get(2).get("name").asString()).isEqualTo("宁安市人民政府");
		var b = sec.post("/api/v1/alliances/" + slug + "/bases", Map.of("name", "产业化示范基地（宁安市）", "hostOrganizationId",
				host, "regionCode", "231000", "focus", "环保装备产业化", "agreementId", agreement, "status", "ACTIVE"));
		assertThat(b.status()).as(b.body()).isEqualTo(201);
		assertThat(b.json().get("region").asString()).contains("黑龙江省");
		long base = b.json().get("id").asLong();
		assertThat(client().get("/api/v1/agreements/" + agreement).json().get("bases").get(0).get("id").asLong()).isEqualTo(base);
		assertThat(client().get("/api/v1/alliances/" + slug + "/agreements").json().get("total").asLong()).isEqualTo(1);
		assertThat(client().get("/api/v1/alliances/" + slug + "/bases").json().get("items").get(0).get("agreementTitle")
			.asString()).isEqualTo("共建产业化示范基地战略合作协议");
		assertThat(client().get("/api/v1/bases?size=100").body()).contains("产业化示范基地（宁安市）");
		assertThat(client().get("/api/v1/bases/" + base).status()).isEqualTo(200);
		// the signed document, and what came of the agreement
		var doc = sec.upload("/api/v1/agreements/" + agreement + "/document", "协议.pdf", ProjectsIntegrationTests.pdf());
		assertThat(doc.status()).as(doc.body()).isEqualTo(200);
		assertThat(client().getBytes("/api/v1/agreements/" + agreement + "/document").status()).isEqualTo(200);
		var outcome = sec.patch("/api/v1/agreements/" + agreement, Map.of("outcomes", "基地已投入运行"));
		assertThat(outcome.status()).isEqualTo(200);
		assertThat(outcome.json().get("outcomes").asString()).isEqualTo("基地已投入运行");
	}

	@Test
	void everyInvalidFieldIsNamed() {
		var a = sec.post("/api/v1/alliances/" + slug + "/agreements", Map.of("title", "协议", "parties", List.of(
				Map.of("kind", "ORGANIZATION"), Map.of("kind", "ALLIANCE", "alliance", "no-such-alliance"),
				Map.of("kind", "OUTSIDE_BODY"))));
		assertThat(a.status()).as(a.body()).isEqualTo(400);
		assertThat(a.invalidFields()).containsExactly("parties[0].organizationId", "parties[1].alliance", "parties[2].name");
		var empty = sec.post("/api/v1/alliances/" + slug + "/agreements", Map.of());
		assertThat(empty.status()).isEqualTo(400);
		assertThat(empty.invalidFields()).containsExactlyInAnyOrder("title", "parties");
		String other = f.alliance("别盟");
		long foreign = f.secretariat(other).post("/api/v1/alliances/" + other + "/agreements", Map.of("title", "别盟协议",
				"parties", List.of(Map.of("kind", "OUTSIDE_BODY", "name", "某市政府")))).json().get("id").asLong();
		var b = sec.post("/api/v1/alliances/" + slug + "/bases", Map.of("name", "基地", "hostOrganizationId", 987654321,
				"regionCode", "999999", "agreementId", foreign));
		assertThat(b.status()).as(b.body()).isEqualTo(400);
		assertThat(b.invalidFields()).containsExactlyInAnyOrder("hostOrganizationId", "regionCode", "agreementId");
	}

	@Test
	void otherAlliancesNeitherSeeMembersOnlyAgreementsNorRecordForThisOne() {
		long hidden = sec.post("/api/v1/alliances/" + slug + "/agreements", Map.of("title", "内部协议", "visibility", "MEMBERS",
				"parties", List.of(Map.of("kind", "OUTSIDE_BODY", "name", "某研究院")))).json().get("id").asLong();
		String other = f.alliance("外联盟");
		TestClient otherSec = f.secretariat(other);
		long stranger = f.member(other);
		for (TestClient c : List.of(client(), otherSec, f.rep(stranger))) {
			assertThat(c.get("/api/v1/agreements/" + hidden).status()).isEqualTo(404);
			assertThat(c.get("/api/v1/alliances/" + slug + "/agreements").json().get("total").asLong()).isZero();
		}
		assertThat(f.rep(host).get("/api/v1/agreements/" + hidden).status()).isEqualTo(200);
		assertThat(f.rep(host).patch("/api/v1/agreements/" + hidden, Map.of("outcomes", "x")).status()).isEqualTo(403);
		assertThat(otherSec.post("/api/v1/alliances/" + slug + "/agreements", Map.of("title", "越权", "parties",
				List.of(Map.of("kind", "OUTSIDE_BODY", "name", "x")))).status()).isEqualTo(403);
		assertThat(otherSec.post("/api/v1/alliances/" + slug + "/bases", Map.of("name", "越权", "hostOrganizationId", host))
			.status()).isEqualTo(403);
		long base = sec.post("/api/v1/alliances/" + slug + "/bases", Map.of("name", "基地", "hostOrganizationId", host))
			.json().get("id").asLong();
		assertThat(otherSec.patch("/api/v1/bases/" + base, Map.of("status", "CLOSED")).status()).isEqualTo(403);
		assertThat(sec.patch("/api/v1/bases/" + base, Map.of("status", "ACTIVE")).status()).isEqualTo(200);
	}
}
