package org.alliancehub.governance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.alliancehub.IntegrationTest;
import org.alliancehub.shared.Hashes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A secret ballot records who voted and what was chosen, and nothing joins the two: not the API, not the
 * tables read directly as the database operator would (this test's JdbcClient), not their order, not the
 * audit log. While it is open only the number of votes cast is told; its log is written when it closes.
 */
class SecretBallotIntegrationTests extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	GovernanceFixtures f;

	final Map<Long, String> choices = new LinkedHashMap<>();

	final Map<Long, String> receipts = new LinkedHashMap<>();

	long motion;

	@BeforeEach
	void aSecretVoteCastByFourCouncilMembers() {
		f = new GovernanceFixtures(admin(), client(), "秘密表决联盟");
		String[] asked = { "YES", "NO", "YES", "ABSTAIN" };
		List<Long> orgs = new ArrayList<>();
		for (int i = 0; i < asked.length; i++) {
			long org = f.organization(i == 0 ? "CHAIR" : "COUNCIL");
			orgs.add(org);
			choices.put(org, asked[i]);
		}
		long meeting = f.councilMeeting();
		f.checkIn(meeting, orgs.stream().mapToLong(Long::longValue).toArray());
		motion = f.openMotion(meeting, Map.of("title", "选举理事长", "ballot", "SECRET"));
		for (long org : orgs) {
			var r = f.vote(f.rep(org), motion, choices.get(org));
			assertThat(r.status()).as(r.body()).isEqualTo(201);
			receipts.put(org, r.json().get("receipt").asString());
		}
	}

	@Test
	void whileOpenOnlyTheNumberOfVotesCastIsToldAndTheLogIsNotWritten() {
		long org = receipts.keySet().iterator().next();
		JsonNode running = f.rep(org).get("/api/v1/motions/" + motion + "/result").json();
		assertThat(running.get("cast").asInt()).isEqualTo(4);
		assertThat(running.get("yes").isNull()).isTrue();
		assertThat(running.get("no").isNull()).isTrue();
		assertThat(running.get("abstain").isNull()).isTrue();
		assertThat(running.get("votes").isNull()).isTrue();
		assertThat(f.admin.get("/api/v1/motions/" + motion + "/ballot-log").json().size()).isZero();
		assertThat(f.admin.get("/api/v1/motions/" + motion + "/ballot-log/verification").status()).isEqualTo(409);
		assertThat(jdbc.sql("select count(*) from ballot_log where motion_id = ?").param(motion).query(Integer.class).single())
			.isZero();
		// the holder of a receipt checks its ballot and choice, by POST; the receipt is in no URL
		var check = f.rep(org).post("/api/v1/motions/" + motion + "/receipts/verification", Map.of("receipt", receipts.get(org)));
		assertThat(check.status()).as(check.body()).isEqualTo(200);
		assertThat(check.json().get("choice").asString()).isEqualTo(choices.get(org));
		assertThat(f.rep(org).get("/api/v1/motions/" + motion + "/receipts/" + receipts.get(org)).status())
			.as("the old GET with the receipt in its path is gone").isIn(404, 405);
	}

	@Test
	void noColumnRowOrderOrAuditEntryJoinsAnOrganisationToItsChoice() {
		assertThat(jdbc.sql("select count(*) from vote where motion_id = ?").param(motion).query(Integer.class).single())
			.as("no row with organisation and choice side by side").isZero();
		assertThat(columns("secret_voter")).containsExactlyInAnyOrder("motion_id", "organization_id", "proxy_holder_id");
		assertThat(columns("ballot_box")).containsExactlyInAnyOrder("motion_id", "entries");
		assertThat(jdbc.sql("select organization_id from secret_voter where motion_id = ?").param(motion).query(Long.class).list())
			.containsExactlyInAnyOrderElementsOf(choices.keySet());

		List<String> box = jdbc.sql("select e from ballot_box b, unnest(b.entries) with ordinality as x(e, n) where b.motion_id = ? order by n")
			.param(motion)
			.query(String.class)
			.list();
		List<String> expected = receipts.entrySet()
			.stream()
			.map(e -> Hashes.sha256(e.getValue()) + " " + choices.get(e.getKey()))
			.sorted()
			.toList();
		assertThat(box).as("the ballots, sorted by receipt hash: no cast order").isEqualTo(expected);

		// Every row of every table that refers to the motion, as the operator (or a pg_dump) sees it: a row
		// naming a voter holds no choice and no receipt, and a row holding a choice or receipt names no voter.
		List<String> hashes = receipts.values().stream().map(Hashes::sha256).toList();
		List<String> tables = jdbc.sql("select table_name from information_schema.columns where table_schema = current_schema() and column_name = 'motion_id'")
			.query(String.class)
			.list();
		assertThat(tables).contains("secret_voter", "ballot_box", "ballot_log", "vote");
		for (String table : tables) {
			for (String row : jdbc.sql("select row_to_json(t)::text from " + table + " t where motion_id = ?").param(motion)
				.query(String.class).list()) {
				boolean namesVoter = choices.keySet().stream()
					.anyMatch(o -> row.matches(".*\"(organization_id|proxy_holder_id)\":" + o + "[^0-9].*"));
				boolean holdsBallot = hashes.stream().anyMatch(row::contains)
						|| row.matches(".*\\b(YES|NO|ABSTAIN)\\b.*");
				assertThat(namesVoter && holdsBallot).as(table + ": " + row).isFalse();
			}
		}
		for (String entry : jdbc.sql("select subject || ' ' || summary from audit_entry where subject = ?")
			.param("motion:" + motion).query(String.class).list()) {
			assertThat(hashes.stream().noneMatch(entry::contains)).as(entry).isTrue();
			assertThat(choices.keySet().stream().noneMatch(o -> entry.contains(String.valueOf(o)))).as(entry).isTrue();
		}
	}

	@Test
	void atCloseTheLogIsWrittenInReceiptHashOrderAndVerifies() {
		JsonNode closed = f.close(motion);
		assertThat(closed.get("yes").asInt()).isEqualTo(2);
		assertThat(closed.get("no").asInt()).isEqualTo(1);
		assertThat(closed.get("abstain").asInt()).isEqualTo(1);
		assertThat(closed.get("votes").isNull()).isTrue();
		long org = receipts.keySet().iterator().next();
		JsonNode log = f.rep(org).get("/api/v1/motions/" + motion + "/ballot-log").json();
		assertThat(log.size()).isEqualTo(4);
		List<String> hashes = new ArrayList<>();
		log.forEach(e -> {
			String[] parts = e.get("payload").asString().split(" ");
			assertThat(parts).hasSize(2);
			hashes.add(parts[1]);
		});
		assertThat(hashes).as("receipt-hash order, not cast order").isSorted()
			.containsExactlyInAnyOrderElementsOf(receipts.values().stream().map(Hashes::sha256).toList());
		JsonNode verified = f.rep(org).get("/api/v1/motions/" + motion + "/ballot-log/verification").json();
		assertThat(verified.get("valid").asBoolean()).as(verified.toString()).isTrue();
		assertThat(verified.get("yes").asInt()).isEqualTo(2);
		for (Map.Entry<Long, String> r : receipts.entrySet()) {
			var check = f.admin.post("/api/v1/motions/" + motion + "/receipts/verification", Map.of("receipt", r.getValue()));
			assertThat(check.json().get("choice").asString()).isEqualTo(choices.get(r.getKey()));
		}
		assertThat(f.vote(f.rep(org), motion, "NO").status()).isEqualTo(409);
	}

	@Test
	void aDoubleSecretVoteIsRefused() {
		long org = receipts.keySet().iterator().next();
		assertThat(f.vote(f.rep(org), motion, "NO").status()).isEqualTo(409);
		assertThat(f.admin.get("/api/v1/motions/" + motion + "/result").json().get("cast").asInt()).isEqualTo(4);
	}

	private List<String> columns(String table) {
		return jdbc.sql("select column_name from information_schema.columns where table_schema = current_schema() and table_name = ?")
			.param(table)
			.query(String.class)
			.list();
	}
}
