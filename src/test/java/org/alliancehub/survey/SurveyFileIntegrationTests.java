package org.alliancehub.survey;

import org.alliancehub.survey.internal.SurveyFiles;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.alliancehub.IntegrationTest;
import org.alliancehub.TestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Files handed in for FILE fields: only for organisations the survey asks, within a quota per answer (count
 * and bytes), and deleted once no answer names them (replaced at once, never used after a day).
 */
class SurveyFileIntegrationTests extends IntegrationTest {

	@Autowired
	SurveyFiles files;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	org.alliancehub.platform.Uploads uploads;

	SurveyFixtures fixtures;

	String slug;

	long survey;

	long first;

	long second;

	@BeforeEach
	void survey() {
		fixtures = new SurveyFixtures(admin(), "http://127.0.0.1:" + port);
		slug = (String) fixtures.alliance("fl")[1];
		first = fixtures.member(slug, "ENTERPRISE", "北京市");
		second = fixtures.member(slug, "ENTERPRISE", "上海市");
		survey = fixtures.draft(slug, "附件测试", "2024", null, null,
				List.of(new SurveyFixtures.Field("licence", "营业执照", "FILE", null),
						new SurveyFixtures.Field("report", "财务报表", "FILE", null)));
		fixtures.publish(survey);
	}

	static byte[] pdf(int size, int seed) {
		byte[] head = ("%PDF-1.4\n% " + seed + "\n1 0 obj <<>> endobj\n").getBytes(StandardCharsets.US_ASCII);
		byte[] tail = "\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
		byte[] b = new byte[Math.max(size, head.length + tail.length)];
		Arrays.fill(b, (byte) ' ');
		System.arraycopy(head, 0, b, 0, head.length);
		System.arraycopy(tail, 0, b, b.length - tail.length, tail.length);
		return b;
	}

	TestClient.Response upload(long organizationId, byte[] content) {
		return admin().upload("/api/v1/surveys/" + survey + "/responses/" + organizationId + "/files", "证明.pdf", content);
	}

	long uploaded(long organizationId, byte[] content) {
		var r = upload(organizationId, content);
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.json().get("id").asLong();
	}

	@Test
	void filesAreTakenOnlyForOrganisationsTheSurveyAsks() {
		long outsider = admin().post("/api/v1/organizations",
				Map.of("name", "非调查对象" + java.util.UUID.randomUUID(), "type", "ENTERPRISE", "region", "北京市"))
			.json().get("id").asLong();
		var r = upload(outsider, pdf(100, 1));
		assertThat(r.status()).as(r.body()).isEqualTo(403);
		assertThat(jdbc.sql("select count(*) from survey_file where organization_id = ?").param(outsider).query(Integer.class).single())
			.isZero();
	}

	@Test
	void anAnswerKeepsAtMostTwentyFiles() {
		for (int i = 0; i < 20; i++) {
			uploaded(first, pdf(200, i));
		}
		var refused = upload(first, pdf(200, 99));
		assertThat(refused.status()).as(refused.body()).isEqualTo(409);
		assertThat(refused.json().get("detail").asString()).contains("at most 20 files");
		// the quota is the answer's: another organisation still uploads
		uploaded(second, pdf(200, 99));
	}

	@Test
	void anAnswersFilesTakeAtMostFiftyMegabytesTogether() {
		byte[] big = pdf(9 * 1024 * 1024, 7);
		for (int i = 0; i < 5; i++) {
			uploaded(first, big);
		}
		var refused = upload(first, big);
		assertThat(refused.status()).as(refused.body()).isEqualTo(413);
		assertThat(refused.json().get("detail").asString()).contains("50 MB");
		assertThat(jdbc.sql("select count(*) from survey_file where survey_id = ? and organization_id = ?")
			.params(survey, first).query(Integer.class).single()).isEqualTo(5);
	}

	@Test
	void aFileReplacedInTheAnswerIsDeleted() {
		long a = uploaded(first, pdf(300, 1));
		assertThat(admin().put("/api/v1/surveys/" + survey + "/responses/" + first,
				Map.of("values", Map.of("licence", a), "submit", false)).status()).isEqualTo(201);
		long b = uploaded(first, pdf(300, 2));
		Map<String, Object> values = new HashMap<>(Map.of("licence", b));
		assertThat(admin().put("/api/v1/surveys/" + survey + "/responses/" + first,
				Map.of("values", values, "submit", false)).status()).isEqualTo(200);
		assertThat(admin().getBytes("/api/v1/survey-files/" + a).status()).isEqualTo(404);
		assertThat(admin().getBytes("/api/v1/survey-files/" + b).status()).isEqualTo(200);
	}

	@Test
	void filesNoAnswerNamesAreDeletedAfterADayAndTheBytesWithThem() {
		long used = uploaded(first, pdf(400, 1));
		long forgotten = uploaded(first, pdf(400, 2));
		long recent = uploaded(first, pdf(400, 3));
		admin().put("/api/v1/surveys/" + survey + "/responses/" + first, Map.of("values", Map.of("licence", used)));
		jdbc.sql("update survey_file set created_at = now() - interval '2 days' where id in (?, ?)").params(used, forgotten).update();
		String sha = jdbc.sql("select sha256 from survey_file where id = ?").param(forgotten).query(String.class).single();
		java.nio.file.Path bytes = uploads.path(sha);
		assertThat(bytes).exists();

		assertThat(files.deleteUnreferenced()).isGreaterThanOrEqualTo(1);

		assertThat(admin().getBytes("/api/v1/survey-files/" + forgotten).status()).isEqualTo(404);
		assertThat(bytes).as("nothing else keeps " + sha).doesNotExist();
		assertThat(admin().getBytes("/api/v1/survey-files/" + used).status()).isEqualTo(200);
		assertThat(admin().getBytes("/api/v1/survey-files/" + recent).status()).as("still within the day").isEqualTo(200);
	}
}
