package org.alliancehub.governance;

import org.alliancehub.governance.internal.Ballots;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.alliancehub.IntegrationTest;
import org.alliancehub.shared.Hashes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Migration V20 splits secret votes stored the old way (organisation, choice and receipt in one row, the log
 * in cast order): its data statements are run here over such rows, inside a transaction that is rolled back
 * afterwards so that the shared database is left as it was.
 */
class SecretBallotMigrationIntegrationTests extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void oldSecretVotesAreSplitIntoVotersAndABallotBoxAndAClosedLogIsRewrittenInReceiptHashOrder() throws Exception {
		GovernanceFixtures f = new GovernanceFixtures(admin(), client(), "迁移测试联盟");
		List<Long> orgs = List.of(f.organization("CHAIR"), f.organization("COUNCIL"), f.organization("COUNCIL"));
		long meeting = f.councilMeeting();
		f.checkIn(meeting, orgs.stream().mapToLong(Long::longValue).toArray());
		long closed = f.openMotion(meeting, Map.of("title", "旧的秘密表决（已结束）", "ballot", "SECRET"));
		long open = f.openMotion(meeting, Map.of("title", "旧的秘密表决（进行中）", "ballot", "SECRET"));
		String[] choices = { "YES", "NO", "YES" };
		List<String> statements = dataStatements();

		new TransactionTemplate(transactions).executeWithoutResult(tx -> {
			Map<String, String> ballots = new LinkedHashMap<>();
			for (long motion : List.of(closed, open)) {
				String prev = Ballots.GENESIS;
				for (int i = 0; i < orgs.size(); i++) {
					// as main wrote them: organisation beside choice and receipt, the log in cast order
					String hash = Hashes.sha256("receipt-" + motion + "-" + i);
					jdbc.sql("insert into vote (motion_id, organization_id, choice, receipt_hash) values (?, ?, ?, ?)")
						.params(motion, orgs.get(i), choices[i], hash).update();
					String payload = choices[i] + " " + hash;
					String entry = Ballots.chain(prev, payload);
					jdbc.sql("insert into ballot_log (motion_id, seq, payload, prev_hash, entry_hash) values (?, ?, ?, ?, ?)")
						.params(motion, i + 1, payload, prev, entry).update();
					prev = entry;
					if (motion == closed) {
						ballots.put(hash, choices[i]);
					}
				}
			}
			jdbc.sql("update motion set status = 'CLOSED', outcome = 'ADOPTED', eligible = 3, present = 3, closed_at = now() where id = ?")
				.param(closed).update();

			for (String statement : statements) {
				jdbc.sql(statement).update();
			}

			for (long motion : List.of(closed, open)) {
				assertThat(jdbc.sql("select count(*) from vote where motion_id = ?").param(motion).query(Integer.class).single())
					.isZero();
				assertThat(jdbc.sql("select organization_id from secret_voter where motion_id = ?").param(motion)
					.query(Long.class).list()).containsExactlyInAnyOrderElementsOf(orgs);
				List<String> box = jdbc.sql("select e from ballot_box b, unnest(b.entries) with ordinality x(e, n) where b.motion_id = ? order by n")
					.param(motion).query(String.class).list();
				assertThat(box).hasSize(3).isSorted();
			}
			assertThat(jdbc.sql("select count(*) from ballot_log where motion_id = ?").param(open).query(Integer.class).single())
				.as("an open secret vote's log is written when it closes").isZero();

			record Entry(String payload, String prev, String hash) {
			}
			List<Entry> log = jdbc.sql("select payload, prev_hash, entry_hash from ballot_log where motion_id = ? order by seq")
				.param(closed).query((rs, i) -> new Entry(rs.getString(1), rs.getString(2), rs.getString(3))).list();
			assertThat(log).hasSize(3);
			String prev = Ballots.GENESIS;
			List<String> hashes = new ArrayList<>();
			for (Entry e : log) {
				assertThat(e.prev()).isEqualTo(prev);
				assertThat(e.hash()).as("the chain computed in SQL is the one the application verifies")
					.isEqualTo(Ballots.chain(prev, e.payload()));
				String[] parts = e.payload().split(" ");
				assertThat(ballots).containsEntry(parts[1], parts[0]);
				hashes.add(parts[1]);
				prev = e.hash();
			}
			assertThat(hashes).as("receipt-hash order").isSorted();
			tx.setRollbackOnly();
		});
	}

	/** The data statements of V20 (its tables and columns exist already: the test database is migrated). */
	private static List<String> dataStatements() throws IOException {
		String sql = new ClassPathResource("db/migration/V20__governance_secret_ballots.sql")
			.getContentAsString(StandardCharsets.UTF_8);
		List<String> statements = new ArrayList<>();
		for (String s : sql.split(";\n")) {
			String code = s.lines().filter(l -> !l.strip().startsWith("--")).reduce("", (a, b) -> a + b + "\n").strip();
			if (code.startsWith("insert") || code.startsWith("delete")) {
				statements.add(code);
			}
		}
		assertThat(statements).hasSize(5);
		return statements;
	}
}
