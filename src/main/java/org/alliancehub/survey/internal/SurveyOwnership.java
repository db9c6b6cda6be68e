package org.alliancehub.survey.internal;

import java.util.Optional;

import org.alliancehub.identity.Owner;
import org.alliancehub.identity.OwnedObjects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The survey's objects as the access policy sees them. A survey ({@code "survey"}): a draft is its
 * secretariat's alone; once published (or closed) the representatives of its recipients read it too. Its
 * statistics ({@code "survey-statistics"}): a draft's are the secretariat's; a published or closed survey's
 * are public (suppressed for everyone but the secretariat, see {@code Statistics}), and only the secretariat
 * manages them (raw answers, the report). A file handed in for an answer ({@code "survey-file"}): read by the
 * representatives of the organisation it was handed in for, and the secretariat.
 */
@Configuration(proxyBeanMethods = false)
class SurveyOwnership {

	private record Row(long allianceId, String status) {
	}

	private static Optional<Row> survey(JdbcClient jdbc, long id) {
		return jdbc.sql("select alliance_id, status from survey where id = ?")
			.param(id)
			.query((rs, i) -> new Row(rs.getLong(1), rs.getString(2)))
			.optional();
	}

	@Bean
	OwnedObjects surveyOwners(JdbcClient jdbc) {
		return OwnedObjects.of("survey", id -> survey(jdbc, id).map(s -> s.status().equals("DRAFT")
				? Owner.secretariat(s.allianceId())
				: Owner.participants(s.allianceId(), organizations -> jdbc
					.sql("select exists (select 1 from survey_recipient where survey_id = ? and organization_id = any(?))")
					.params(id, organizations.toArray(Long[]::new))
					.query(Boolean.class)
					.single())));
	}

	@Bean
	OwnedObjects surveyStatisticsOwners(JdbcClient jdbc) {
		return OwnedObjects.of("survey-statistics", id -> survey(jdbc, id).map(s -> s.status().equals("DRAFT")
				? Owner.secretariat(s.allianceId()) : Owner.publicly(s.allianceId())));
	}

	@Bean
	OwnedObjects surveyFileOwners(JdbcClient jdbc) {
		record File(long allianceId, long organizationId) {
		}
		return OwnedObjects.of("survey-file", id -> jdbc
			.sql("select s.alliance_id, f.organization_id from survey_file f join survey s on s.id = f.survey_id where f.id = ?")
			.param(id)
			.query((rs, i) -> new File(rs.getLong(1), rs.getLong(2)))
			.optional()
			.map(f -> Owner.participants(f.allianceId(), organizations -> organizations.contains(f.organizationId()))));
	}
}
