package org.alliancehub.admin;

import java.util.List;
import java.util.Map;

import org.alliancehub.FormSession;
import org.alliancehub.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What operators and load balancers read: liveness and readiness probes (UP or DOWN, to anyone, nothing more),
 * and the metrics for Prometheus (requests, the database pool, the search index, the mailing outbox), which on
 * the public port only the network administrator reads.
 */
class OperationsEndpointsIntegrationTests extends IntegrationTest {

	@Test
	void livenessAndReadinessAnswerUpToAnyoneWithoutDetails() {
		for (String probe : List.of("/actuator/health/liveness", "/actuator/health/readiness", "/actuator/health")) {
			var r = FormSession.anonymous(port).get(probe);
			assertThat(r.statusCode()).as(probe).isEqualTo(200);
			assertThat(r.body()).as(probe).contains("\"status\":\"UP\"").doesNotContain("components").doesNotContain("details");
		}
		// the public contract (API.md): the root answers exactly this, the probes' groups are not listed in it
		assertThat(FormSession.anonymous(port).get("/actuator/health").body()).isEqualTo("{\"status\":\"UP\"}");
	}

	@Test
	void metricsForPrometheusCountRequestsThePoolTheIndexAndTheOutbox() {
		FormSession.anonymous(port).get("/api/v1/alliances");
		var r = FormSession.signIn(port, "admin", ADMIN_PASSWORD).get("/actuator/prometheus");
		assertThat(r.statusCode()).isEqualTo(200);
		assertThat(r.body()).contains("http_server_requests_seconds_count{")
			.contains("hikaricp_connections_active{")
			.contains("alliancehub_search_documents{")
			.contains("alliancehub_mail_outbox{")
			.contains("status=\"pending\"")
			// the caches the platform makes (platform.Platform), bound as Spring Boot binds its own
			.containsPattern("cache_gets_total\\{[^}]*cache=\"alliances-by-slug\"");
	}

	@Test
	void onThePublicPortMetricsAreForTheNetworkAdministratorOnly() {
		var anonymous = FormSession.anonymous(port).get("/actuator/prometheus");
		assertThat(anonymous.statusCode()).isEqualTo(302);
		assertThat(anonymous.headers().firstValue("Location").orElseThrow()).contains("/login");
		FormSession secretariat = FormSession.signIn(admin(), port,
				List.of(Map.of("role", "SECRETARIAT", "alliance", "huanbao-zhuangbei")));
		assertThat(secretariat.get("/actuator/prometheus").statusCode()).isEqualTo(403);
	}
}
