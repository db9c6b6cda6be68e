package org.alliancehub.collaboration;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.mail.internet.MimeMessage;
import org.alliancehub.IntegrationTest;
import org.alliancehub.TestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shared resources: offered by the owning organisation (or its alliance's secretariat), requested in an
 * organisation's name, approved or declined by the owner's representatives only, an equipment calendar that
 * refuses overlapping bookings even when fifty arrive at once, and e-mail to everyone involved.
 */
class SharedResourcesIntegrationTests extends IntegrationTest {

	CollaborationFixtures f;

	String slug;

	TestClient sec;

	long owner;

	long requester;

	long equipment;

	@BeforeEach
	void anAllianceWithEquipment() {
		f = new CollaborationFixtures(admin(), client());
		slug = f.alliance("资源共享联盟");
		sec = f.secretariat(slug);
		owner = f.member(slug);
		requester = f.member(slug);
		equipment = offer(f.rep(owner), owner, "EQUIPMENT", "PUBLIC");
	}

	long offer(TestClient who, long organization, String kind, String visibility) {
		var r = who.post("/api/v1/alliances/" + slug + "/resources", Map.of("kind", kind, "organizationId", organization,
				"name", "渣浆泵综合性能试验台", "location", "河北石家庄", "capabilities", "流量 0–5000 m³/h", "conditions", "提前两周预约",
				"visibility", visibility));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.json().get("id").asLong();
	}

	TestClient.Response book(TestClient who, long resource, long organization, String from, String to) {
		return who.post("/api/v1/resources/" + resource + "/requests", Map.of("organizationId", organization, "from", from,
				"to", to, "purpose", "叶轮磨损对比试验"));
	}

	@Test
	void overlappingBookingsAreRefusedAndADeclineFreesTheDays() {
		var first = book(f.rep(requester), equipment, requester, "2027-03-01", "2027-03-05");
		assertThat(first.status()).as(first.body()).isEqualTo(201);
		assertThat(first.json().get("status").asString()).isEqualTo("PENDING");
		var overlapping = book(f.rep(requester), equipment, requester, "2027-03-05", "2027-03-08");
		assertThat(overlapping.status()).as(overlapping.body()).isEqualTo(409);
		assertThat(book(f.rep(requester), equipment, requester, "2027-03-06", "2027-03-08").status()).isEqualTo(201);
		var declined = f.rep(owner).post("/api/v1/resource-requests/" + first.json().get("id").asLong() + "/decision",
				Map.of("decision", "DECLINE", "reason", "设备检修"));
		assertThat(declined.status()).as(declined.body()).isEqualTo(200);
		assertThat(declined.json().get("reason").asString()).isEqualTo("设备检修");
		assertThat(book(f.rep(requester), equipment, requester, "2027-03-02", "2027-03-04").status()).isEqualTo(201);
		// the calendar shows the booked days, not who booked them
		String calendar = client().get("/api/v1/resources/" + equipment).body();
		assertThat(calendar).contains("2027-03-02").contains("2027-03-06").doesNotContain("叶轮磨损");
	}

	@Test
	void fiftyOverlappingBookingsAtOnceAcceptExactlyOne() throws Exception {
		long bench = offer(f.rep(owner), owner, "EQUIPMENT", "PUBLIC");
		TestClient rep = f.rep(requester);
		ExecutorService pool = Executors.newFixedThreadPool(50);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Integer>> answers = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			int day = 1 + i % 5; // five different periods, each overlapping all the others
			answers.add(pool.submit(() -> {
				start.await();
				return book(rep, bench, requester, "2027-05-0" + day, "2027-05-1" + day).status();
			}));
		}
		start.countDown();
		List<Integer> statuses = new ArrayList<>();
		for (Future<Integer> a : answers) {
			statuses.add(a.get());
		}
		pool.shutdown();
		assertThat(statuses.stream().filter(s -> s == 201).count()).as(statuses.toString()).isEqualTo(1);
		assertThat(statuses.stream().filter(s -> s == 409).count()).as(statuses.toString()).isEqualTo(49);
		assertThat(f.rep(owner).get("/api/v1/resources/" + bench + "/requests").json().size()).isEqualTo(1);
	}

	@Test
	void onlyTheOwningOrganisationDecidesWithAReasonForADecline() {
		long id = book(f.rep(requester), equipment, requester, "2027-04-01", "2027-04-02").json().get("id").asLong();
		String decision = "/api/v1/resource-requests/" + id + "/decision";
		// the alliance's secretariat and the requester read the request but do not decide it
		assertThat(sec.get("/api/v1/resource-requests/" + id).status()).isEqualTo(200);
		assertThat(sec.post(decision, Map.of("decision", "APPROVE")).status()).isEqualTo(403);
		assertThat(f.rep(requester).post(decision, Map.of("decision", "APPROVE")).status()).isEqualTo(403);
		// others do not see it at all
		String otherSlug = f.alliance("旁观联盟");
		long stranger = f.member(otherSlug);
		assertThat(f.rep(stranger).get("/api/v1/resource-requests/" + id).status()).isEqualTo(404);
		assertThat(f.rep(stranger).post(decision, Map.of("decision", "APPROVE")).status()).isEqualTo(404);
		assertThat(f.secretariat(otherSlug).post(decision, Map.of("decision", "APPROVE")).status()).isEqualTo(404);
		assertThat(client().get("/api/v1/resource-requests/" + id).status()).isEqualTo(404);
		var noReason = f.rep(owner).post(decision, Map.of("decision", "DECLINE"));
		assertThat(noReason.status()).isEqualTo(400);
		assertThat(noReason.invalidFields()).containsExactly("reason");
		var badDecision = f.rep(owner).post(decision, Map.of("decision", "MAYBE"));
		assertThat(badDecision.status()).isEqualTo(400);
		var approved = f.rep(owner).post(decision, Map.of("decision", "APPROVE"));
		assertThat(approved.status()).as(approved.body()).isEqualTo(200);
		assertThat(approved.json().get("status").asString()).isEqualTo("APPROVED");
		assertThat(f.rep(owner).post(decision, Map.of("decision", "DECLINE", "reason", "改主意")).status()).isEqualTo(409);
	}

	@Test
	void everyoneInvolvedIsEmailed() throws Exception {
		long id = book(f.rep(requester), equipment, requester, "2027-06-01", "2027-06-03").json().get("id").asLong();
		// GreenMail lists messages per mailbox, not in order of arrival: count each new representative's own
		assertThat(mailTo(owner, 1)).hasSize(1);
		assertThat(mailTo(requester, 1)).hasSize(1);
		assertThat(plainText(mailTo(owner, 1).get(0))).contains("渣浆泵综合性能试验台").contains("叶轮磨损对比试验");
		f.rep(owner).post("/api/v1/resource-requests/" + id + "/decision", Map.of("decision", "DECLINE", "reason", "当周已满"));
		assertThat(mailTo(owner, 2)).hasSize(2);
		List<MimeMessage> toRequester = mailTo(requester, 2);
		assertThat(toRequester).hasSize(2);
		StringBuilder texts = new StringBuilder();
		for (MimeMessage m : toRequester) {
			texts.append(plainText(m));
		}
		assertThat(texts.toString()).contains("当周已满");
	}

	/** The messages to an organisation's representative, once there are {@code count} of them (or after 15 s). */
	List<MimeMessage> mailTo(long organization, int count) throws Exception {
		String address = f.emails.get(organization);
		long deadline = System.currentTimeMillis() + 15_000;
		List<MimeMessage> found;
		do {
			found = Arrays.stream(MAIL.getReceivedMessages()).filter(m -> addressOf(m).equals(address)).toList();
			if (found.size() >= count) {
				return found;
			}
			Thread.sleep(100);
		}
		while (System.currentTimeMillis() < deadline);
		return found;
	}

	String addressOf(MimeMessage m) {
		try {
			return m.getAllRecipients()[0].toString();
		}
		catch (jakarta.mail.MessagingException e) {
			throw new IllegalStateException(e);
		}
	}

	@Test
	void onlyTheOrganisationOrItsSecretariatOffersItsResources() {
		String otherSlug = f.alliance("他盟");
		TestClient otherSec = f.secretariat(otherSlug);
		Map<String, Object> body = Map.of("kind", "EXPERT", "organizationId", owner, "name", "张工", "title", "教授级高工");
		assertThat(otherSec.post("/api/v1/alliances/" + slug + "/resources", body).status()).isEqualTo(403);
		assertThat(f.rep(requester).post("/api/v1/alliances/" + slug + "/resources", body).status()).isEqualTo(403);
		assertThat(client().post("/api/v1/alliances/" + slug + "/resources", body).status()).isEqualTo(401);
		assertThat(sec.post("/api/v1/alliances/" + slug + "/resources", body).status()).isEqualTo(201);
		// an organisation offers only through an alliance it belongs to
		var elsewhere = f.rep(owner).post("/api/v1/alliances/" + otherSlug + "/resources", body);
		assertThat(elsewhere.status()).isEqualTo(400);
		assertThat(elsewhere.invalidFields()).containsExactly("organizationId");
		var invalid = sec.post("/api/v1/alliances/" + slug + "/resources", Map.of("kind", "EXPERT"));
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.invalidFields()).containsExactlyInAnyOrder("organizationId", "name");
		assertThat(sec.post("/api/v1/alliances/" + slug + "/resources", Map.of("kind", "CAR", "organizationId", owner,
				"name", "x")).status()).isEqualTo(400);
	}

	@Test
	void aRequestIsMadeOnlyInTheNameOfOnesOwnOrganisationWithEveryInvalidFieldNamed() {
		assertThat(book(f.rep(requester), equipment, owner, "2027-07-01", "2027-07-02").status()).isEqualTo(403);
		assertThat(book(sec, equipment, requester, "2027-07-01", "2027-07-02").status()).isEqualTo(403);
		var missing = f.rep(requester).post("/api/v1/resources/" + equipment + "/requests", Map.of());
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.invalidFields()).containsExactlyInAnyOrder("organizationId", "from", "to", "purpose");
		var backwards = book(f.rep(requester), equipment, requester, "2027-07-05", "2027-07-01");
		assertThat(backwards.status()).isEqualTo(400);
		assertThat(backwards.invalidFields()).containsExactly("to");
		assertThat(book(f.rep(requester), 987654321L, requester, "2027-07-01", "2027-07-02").status()).isEqualTo(404);
		var farFuture = book(f.rep(requester), equipment, requester, "9999-01-01", "+999999999-12-31");
		assertThat(farFuture.status()).as(farFuture.body()).isEqualTo(400);
	}

	@Test
	void aMembersOnlyResourceDoesNotExistForOtherAlliances() {
		long hidden = offer(f.rep(owner), owner, "FUND", "MEMBERS");
		String otherSlug = f.alliance("外盟");
		long stranger = f.member(otherSlug);
		for (TestClient c : List.of(client(), f.rep(stranger), f.secretariat(otherSlug))) {
			assertThat(c.get("/api/v1/resources/" + hidden).status()).isEqualTo(404);
			assertThat(c.get("/api/v1/alliances/" + slug + "/resources").body()).doesNotContain("\"id\":" + hidden + ",");
		}
		assertThat(book(f.rep(stranger), hidden, stranger, "2027-08-01", "2027-08-02").status()).isEqualTo(404);
		assertThat(f.rep(requester).get("/api/v1/resources/" + hidden).status()).isEqualTo(200);
		assertThat(f.rep(requester).get("/api/v1/alliances/" + slug + "/resources").body()).contains("\"id\":" + hidden + ",");
		// a public resource may be asked for by a member of another alliance
		assertThat(book(f.rep(stranger), equipment, stranger, "2027-08-10", "2027-08-11").status()).isEqualTo(201);
		assertThat(LocalDate.parse("2027-08-10")).isNotNull();
	}
}
