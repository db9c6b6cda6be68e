package org.alliancehub.governance;

import java.util.List;
import java.util.Map;

import org.alliancehub.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** An alliance's charter sets the quorum and majority of its motions; motions may ask for more, never less. */
class CharterRulesIntegrationTests extends IntegrationTest {

	GovernanceFixtures f;

	long chair;

	long council;

	long vice;

	long supervisor;

	@BeforeEach
	void alliance() {
		f = new GovernanceFixtures(admin(), client());
		chair = f.organization("CHAIR");
		council = f.organization("COUNCIL");
		vice = f.organization("VICE_CHAIR");
		supervisor = f.organization("SUPERVISOR");
	}

	String charter() {
		return "/api/v1/alliances/" + f.slug + "/charter";
	}

	@Test
	void anAllianceWithoutACharterHasTheBuiltInRules() {
		JsonNode c = client().get(charter()).json();
		assertThat(c.get("builtIn").asBoolean()).isTrue();
		assertThat(c.get("quorum").get("COUNCIL").decimalValue()).isEqualByComparingTo("0.5");
		assertThat(c.get("majority").get("ORDINARY").asString()).isEqualTo("SIMPLE");
		assertThat(c.get("majority").get("CHARTER_AMENDMENT").asString()).isEqualTo("TWO_THIRDS");
		assertThat(c.get("majority").get("GROUP_STANDARD").asString()).isEqualTo("THREE_QUARTERS");
		assertThat(c.get("maxProxiesPerHolder").asInt()).isEqualTo(1);

		long meeting = f.councilMeeting();
		JsonNode amendment = f.propose(meeting, Map.of("title", "修改章程", "type", "CHARTER_AMENDMENT")).json();
		assertThat(amendment.get("majority").asString()).isEqualTo("TWO_THIRDS");
		assertThat(amendment.get("quorum").decimalValue()).isEqualByComparingTo("0.5");
		assertThat(f.propose(meeting, Map.of("title", "修改章程", "type", "CHARTER_AMENDMENT", "majority", "SIMPLE"))
			.invalidFields()).containsExactly("majority");
	}

	@Test
	void aCharterWithInvalidEntriesIsRefusedNamingEveryOneAndChangesNothing() {
		var r = f.admin.put(charter(), Map.of("quorum", Map.of("COUNCIL", 1.5, "PARTY", 0.5), "majority",
				Map.of("ORDINARY", "MOST"), "maxProxiesPerHolder", -1));
		assertThat(r.status()).isEqualTo(400);
		assertThat(r.invalidFields()).containsExactlyInAnyOrder("quorum.COUNCIL", "quorum.PARTY", "majority.ORDINARY",
				"maxProxiesPerHolder");
		assertThat(client().get(charter()).json().get("builtIn").asBoolean()).isTrue();
	}

	@Test
	void onlyTheAlliancesOwnSecretariatWritesItsCharter() {
		Map<String, Object> lax = Map.of("quorum", Map.of("COUNCIL", 0.1));
		assertThat(f.outsider().put(charter(), lax).status()).isEqualTo(403);
		assertThat(f.rep(chair).put(charter(), lax).status()).isEqualTo(403);
		assertThat(client().put(charter(), lax).status()).isEqualTo(401);
		assertThat(client().get(charter()).json().get("quorum").get("COUNCIL").decimalValue()).isEqualByComparingTo("0.5");
		var own = f.secretariat().put(charter(), lax);
		assertThat(own.status()).as(own.body()).isEqualTo(200);
		assertThat(own.json().get("quorum").get("COUNCIL").decimalValue()).isEqualByComparingTo("0.1");
	}

	@Test
	void motionsTakeTheCharterRulesAndMayOnlyAskForStricterOnes() {
		var written = f.admin.put(charter(), Map.of("quorum", Map.of("COUNCIL", 0.6667), "majority",
				Map.of("BUDGET", "TWO_THIRDS"), "version", 0));
		assertThat(written.status()).as(written.body()).isEqualTo(200);
		assertThat(written.json().get("builtIn").asBoolean()).isFalse();
		assertThat(written.json().get("majority").get("CHARTER_AMENDMENT").asString())
			.as("entries left out keep the built-in rule").isEqualTo("TWO_THIRDS");
		assertThat(f.admin.put(charter(), Map.of("version", 0)).status()).as("stale version").isEqualTo(409);

		long meeting = f.councilMeeting();
		JsonNode ordinary = f.propose(meeting, Map.of("title", "一般事项")).json();
		assertThat(ordinary.get("quorum").decimalValue()).isEqualByComparingTo("0.6667");
		assertThat(ordinary.get("majority").asString()).isEqualTo("SIMPLE");
		assertThat(ordinary.get("type").asString()).isEqualTo("ORDINARY");

		var lax = f.propose(meeting, Map.of("title", "经费预算", "type", "BUDGET", "majority", "SIMPLE", "quorum", 0.5));
		assertThat(lax.status()).isEqualTo(400);
		assertThat(lax.invalidFields()).containsExactly("quorum", "majority");
		assertThat(f.propose(meeting, Map.of("title", "经费预算", "type", "BUDGET", "majority", "ABSOLUTE")).invalidFields())
			.as("ABSOLUTE cannot stand in for two thirds of those present").containsExactly("majority");
		assertThat(f.admin.get("/api/v1/meetings/" + meeting + "/motions").json().size()).isEqualTo(1);

		JsonNode strict = f.propose(meeting, Map.of("title", "经费预算", "type", "BUDGET", "majority", "THREE_QUARTERS",
				"quorum", 0.8)).json();
		assertThat(strict.get("majority").asString()).isEqualTo("THREE_QUARTERS");
		assertThat(strict.get("quorum").decimalValue()).isEqualByComparingTo("0.8");
		assertThat(f.propose(meeting, Map.of("title", "一般事项", "majority", "ABSOLUTE")).status()).isEqualTo(201);
	}

	@Test
	void theDraftingOrganisationsOfAGroupStandardDoNotVoteOnItAndAreLeftOutOfTheCount() {
		long meeting = f.councilMeeting();
		f.checkIn(meeting, chair, council, vice);
		long motion = f.openMotion(meeting, Map.of("title", "《渣浆泵 团体标准》审定", "type", "GROUP_STANDARD",
				"draftingOrganizationIds", List.of(chair)));
		JsonNode m = f.admin.get("/api/v1/motions/" + motion).json();
		assertThat(m.get("majority").asString()).isEqualTo("THREE_QUARTERS");
		assertThat(m.get("draftingOrganizationIds").valueStream().map(JsonNode::asLong)).containsExactly(chair);

		var drafter = f.vote(f.rep(chair), motion, "YES");
		assertThat(drafter.status()).isEqualTo(403);
		assertThat(drafter.json().get("detail").asString()).contains("drafted this group standard");
		assertThat(f.vote(f.rep(council), motion, "YES").status()).isEqualTo(201);
		assertThat(f.vote(f.rep(vice), motion, "YES").status()).isEqualTo(201);
		JsonNode result = f.close(motion);
		assertThat(result.get("eligible").asInt()).isEqualTo(2);
		assertThat(result.get("present").asInt()).isEqualTo(2);
		assertThat(result.get("outcome").asString()).as("2 of 2, where 2 of 3 would miss three quarters")
			.isEqualTo("ADOPTED");
	}

	@Test
	void aGroupStandardNamesItsDraftersAmongTheVotersAndNoOtherMotionHasAny() {
		long meeting = f.councilMeeting();
		assertThat(f.propose(meeting, Map.of("title", "团体标准", "type", "GROUP_STANDARD")).invalidFields())
			.containsExactly("draftingOrganizationIds");
		assertThat(f.propose(meeting, Map.of("title", "一般事项", "draftingOrganizationIds", List.of(chair))).invalidFields())
			.containsExactly("draftingOrganizationIds");
		assertThat(f.propose(meeting, Map.of("title", "团体标准", "type", "GROUP_STANDARD", "draftingOrganizationIds",
				List.of(chair, supervisor))).invalidFields()).containsExactly("draftingOrganizationIds[1]");
		assertThat(f.propose(meeting, Map.of("title", "团体标准", "type", "ELECTION_OF_POPE")).invalidFields())
			.containsExactly("type");
	}

	@Test
	void theOpenApiDocumentDescribesTheGovernanceRulesEndpoints() {
		JsonNode paths = client().get("/v3/api-docs").json().get("paths");
		assertThat(paths.get("/api/v1/alliances/{slug}/charter").has("put")).isTrue();
		assertThat(paths.get("/api/v1/meetings/{id}/proxies").has("post")).isTrue();
		assertThat(paths.get("/api/v1/meetings/{id}/proxies/{fromOrganizationId}").has("delete")).isTrue();
		assertThat(paths.get("/api/v1/alliances/{slug}/motions").has("post")).isTrue();
		assertThat(paths.get("/api/v1/users/{id}/roles").has("put")).isTrue();
	}
}
