package org.alliancehub.survey.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.alliancehub.survey.internal.ReportFontMissing;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class StatisticsApiTests {

	/** As Spring Boot configures the application's mapper. */
	private final JsonMapper json = JsonMapper.builder().addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class).build();

	@Test
	void aMissingReportFontIsAProblemOfTheOneShapeWithTypeAndAnEmptyErrorList() {
		var answer = new StatisticsApi(null, null, null).fontMissing(new ReportFontMissing("install a CJK font"));
		JsonNode body = json.readTree(json.writeValueAsString(answer.getBody()));

		assertThat(answer.getStatusCode().value()).isEqualTo(503);
		assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(body.path("type").asString()).isEqualTo("about:blank");
		assertThat(body.path("title").asString()).isEqualTo("No CJK font installed");
		assertThat(body.path("status").asInt()).isEqualTo(503);
		assertThat(body.path("detail").asString()).isEqualTo("install a CJK font");
		assertThat(body.path("errors").isArray()).isTrue();
		assertThat(body.path("errors")).isEmpty();
	}
}
