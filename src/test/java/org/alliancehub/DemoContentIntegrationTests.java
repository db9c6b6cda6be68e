package org.alliancehub;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo network from the source pages: the network's council, admitted alliances, sites with content. */
class DemoContentIntegrationTests extends IntegrationTest {

	@Test
	void theNetworkHasSeventeenCouncilAlliancesAndTheFiveAdmitted() {
		JsonNode council = client().get("/api/v1/alliances/lmxfw/members?role=COUNCIL&size=100").json();
		assertThat(council.get("total").asLong()).isEqualTo(17);
		JsonNode members = client().get("/api/v1/alliances/lmxfw/members?role=MEMBER&size=100").json();
		assertThat(members.get("items").valueStream().map(m -> m.get("organizationName").asString()))
			.contains("健康建筑产业技术创新战略联盟", "临床试验产业技术创新战略联盟", "纳米科技产业技术创新战略联盟");
		assertThat(members.get("items").valueStream().allMatch(m -> !m.get("representsAllianceId").isNull())).isTrue();
	}

	@Test
	void allianceSitesShowTheirGovernanceAndFooter() {
		assertThat(client().get("/a/huaxian/").body()).contains("京ICP备11034544号-2", "010-65987533", "100025");
		JsonNode pump = client().get("/api/v1/alliances/hebei-zhajiangbeng").json();
		assertThat(pump.get("governance").valueStream().map(s -> s.get("organizationName").asString()))
			.contains("石家庄工业泵厂有限公司");
		assertThat(client().get("/api/v1/alliances/hebei-zhajiangbeng/articles").json().get("total").asLong())
			.isGreaterThanOrEqualTo(8);
		assertThat(client().get("/").body()).contains("河北省渣浆泵产业技术创新战略联盟", "国家环保装备产业技术创新战略联盟");
	}
}
