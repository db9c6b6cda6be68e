package org.alliancehub.certification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.alliancehub.IntegrationTest;
import org.alliancehub.TestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The chain continues: a certificate naming a standard of the platform by number links the standard's page, and
 * the standard's page lists the certificates attesting to it, those not valid today apart and with their status;
 * a national standard (GB/T …) is only named.
 */
class CertificateStandardLinksIntegrationTests extends IntegrationTest {

	String slug;

	TestClient secretariat;

	long holder;

	final LocalDate today = LocalDate.now(Certificates.ZONE);

	@BeforeEach
	void alliance() {
		slug = "cs-" + UUID.randomUUID().toString().substring(0, 8);
		assertThat(admin().post("/api/v1/alliances", Map.of("slug", slug, "name", "链联盟" + slug)).status()).isEqualTo(201);
		secretariat = TestClient.userWith(admin(), client(), List.of(Map.of("role", "SECRETARIAT", "alliance", slug)));
		var o = admin().post("/api/v1/organizations", Map.of("name", "泵厂" + UUID.randomUUID(), "type", "ENTERPRISE"));
		holder = o.json().get("id").asLong();
	}

	@Test
	void aCertificateLinksItsStandardAndTheStandardListsTheCertificatesAttestingToIt() {
		String code = UUID.randomUUID().toString().replaceAll("[^a-f]", "").toUpperCase();
		String number = "T/Y" + code.substring(0, Math.min(6, code.length())) + " 001—2020";
		var s = secretariat.post("/api/v1/alliances/" + slug + "/standards/published", Map.of("number", number, "title",
				"渣浆泵 过流部件 技术条件", "scope", "范围", "issuedOn", "2020-05-01", "effectiveOn", "2020-06-01"));
		assertThat(s.status()).as(s.body()).isEqualTo(201);
		long standard = s.json().get("id").asLong();
		String page = "/a/" + slug + "/standards/" + standard;
		assertThat(client().get(page).body()).as("nothing attests to it yet").doesNotContain("id=\"related\"");

		String valid = issue(number.replace('—', '-'), "渣浆泵产品认证");
		String suspended = issue(number, "渣浆泵检测报告");
		assertThat(secretariat.post("/api/v1/certificates/" + suspended + "/status", Map.of("status", "SUSPENDED", "reason",
				"监督抽查不合格")).status()).isEqualTo(200);
		String national = issue("GB/T 5657-2013", "离心泵产品认证");

		String certificatePage = client().get("/certificates/" + valid).body();
		assertThat(certificatePage).contains("id=\"standard-link\" href=\"" + page + "\"");
		assertThat(client().get("/certificates/" + national).body()).contains("GB/T 5657-2013").doesNotContain("standard-link");

		String standardPage = client().get(page).body();
		assertThat(standardPage).contains("id=\"related\"", "href=\"/certificates/" + valid + "\"",
				"href=\"/certificates/" + suspended + "\"").doesNotContain("/certificates/" + national);
		int validGroup = standardPage.indexOf("证明符合本标准的证书（今日有效）");
		int notValidGroup = standardPage.indexOf("证明符合本标准、今日无效的证书");
		assertThat(validGroup).isPositive();
		assertThat(notValidGroup).isGreaterThan(validGroup);
		assertThat(standardPage.indexOf("/certificates/" + valid)).isBetween(validGroup, notValidGroup);
		assertThat(standardPage.indexOf("/certificates/" + suspended)).isGreaterThan(notValidGroup);
		assertThat(standardPage.substring(notValidGroup)).contains("（暂停）".substring(1, 3));
	}

	String issue(String standardNumber, String subject) {
		Map<String, Object> c = new HashMap<>();
		c.put("kind", "TEST_REPORT");
		c.put("holderOrganizationId", holder);
		c.put("subject", subject);
		c.put("standardNumber", standardNumber);
		c.put("scope", "渣浆泵");
		c.put("issuedOn", today.minusMonths(1).toString());
		c.put("validUntil", today.plusYears(2).toString());
		var r = secretariat.post("/api/v1/alliances/" + slug + "/certificates", c);
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.json().get("number").asString();
	}
}
