package org.alliancehub.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.mail.internet.MimeMessage;
import org.alliancehub.IntegrationTest;
import org.alliancehub.TestClient;

/**
 * Technology transfer's test data through the API: alliances, member organisations each with a signed-in
 * representative (its e-mail read back from the test's SMTP server), and demand and achievement bodies.
 */
final class TransferFixtures {

	final Map<Long, TestClient> reps = new HashMap<>();

	final Map<Long, String> emails = new HashMap<>();

	final Map<Long, String> usernames = new HashMap<>();

	private final Supplier<TestClient> admin;

	private final Supplier<TestClient> client;

	TransferFixtures(Supplier<TestClient> admin, Supplier<TestClient> client) {
		this.admin = admin;
		this.client = client;
	}

	/** Two alliances: a seeker and a holder of the first, an outsider of the second, each with its representative. */
	record Cast(String slug, String otherSlug, long seeker, long holder, long outsider) {
	}

	Cast cast(String name) {
		String slug = alliance(name);
		String other = alliance("另一" + name);
		return new Cast(slug, other, member(slug), member(slug), member(other));
	}

	Map<String, Object> demand(long org, String title, String description, String visibility) {
		return Map.of("organizationId", org, "title", title, "description", description, "field", "FLUID_MACHINERY",
				"region", "130100", "visibility", visibility, "budget", 80, "deadline", "2027-06-30");
	}

	Map<String, Object> achievement(long org, String title, String description, String visibility) {
		Map<String, Object> a = new HashMap<>(Map.of("organizationId", org, "title", title, "description", description,
				"field", "FLUID_MACHINERY", "region", "130200", "visibility", visibility, "maturity", 7, "ipStatus",
				"GRANTED_PATENT", "patentNumber", "ZL202310000000.1", "transferModes", List.of("LICENCE", "EQUITY")));
		a.put("terms", "首年许可费面议");
		return a;
	}

	long post(TestClient who, String path, Map<String, Object> body) {
		var r = who.post(path, body);
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.json().get("id").asLong();
	}

	String alliance(String name) {
		String s = "t-" + UUID.randomUUID().toString().substring(0, 8);
		var r = admin.get().post("/api/v1/alliances", Map.of("slug", s, "name", name + s));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return s;
	}

	/** A new member organisation of the alliance, with a representative (username {@code t…}, password {@code password-t…}). */
	long member(String allianceSlug) {
		TestClient a = admin.get();
		var o = a.post("/api/v1/organizations", Map.of("name", "转移单位" + UUID.randomUUID(), "type", "ENTERPRISE"));
		assertThat(o.status()).as(o.body()).isEqualTo(201);
		long id = o.json().get("id").asLong();
		var m = a.post("/api/v1/alliances/" + allianceSlug + "/members", Map.of("organizationId", id, "role", "MEMBER"));
		assertThat(m.status()).as(m.body()).isEqualTo(201);
		String username = "t" + UUID.randomUUID().toString().substring(0, 8);
		String email = username + "@example.org";
		var u = a.post("/api/v1/users", Map.of("username", username, "displayName", "代表" + username, "email", email,
				"password", "password-" + username, "roles", List.of(Map.of("role", "MEMBER_REP", "organizationId", id))));
		assertThat(u.status()).as(u.body()).isEqualTo(201);
		reps.put(id, client.get().login(username, "password-" + username));
		emails.put(id, email);
		usernames.put(id, username);
		return id;
	}

	/** The messages sent to the organisation's representative, waiting up to 15 s for {@code count} of them. */
	List<MimeMessage> mailTo(long organization, int count) throws Exception {
		String address = emails.get(organization);
		long deadline = System.currentTimeMillis() + 15_000;
		List<MimeMessage> found;
		do {
			found = Arrays.stream(IntegrationTest.MAIL.getReceivedMessages()).filter(m -> {
				try {
					return m.getAllRecipients()[0].toString().equals(address);
				}
				catch (jakarta.mail.MessagingException e) {
					return false;
				}
			}).toList();
			if (found.size() >= count) {
				return found;
			}
			Thread.sleep(100);
		}
		while (System.currentTimeMillis() < deadline);
		return found;
	}
}
