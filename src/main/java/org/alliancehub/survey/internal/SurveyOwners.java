package org.alliancehub.survey.internal;

import org.alliancehub.survey.Statistics;
import org.alliancehub.survey.Surveys;

import java.util.Optional;

import org.alliancehub.identity.Owner;
import org.alliancehub.identity.OwnedObjects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The survey's objects as the access policy sees them. A survey ({@code "survey"}): a draft is its
 * secretariat's alone; once published (or closed) the representatives of its recipients read it too. Its
 * statistics ({@code "survey-statistics"}): a draft's are the secretariat's; a published or closed survey's
 * are public (suppressed for everyone but the secretariat, see {@code Statistics}), and only the secretariat
 * manages them (raw answers, the report). A file handed in for an answer ({@code "survey-file"}): read by the
 * representatives of the organisation it was handed in for, and the secretariat.
 */
public final class SurveyOwners {

	private SurveyOwners() {
	}

	private record Row(long allianceId, String status) {
	}

	private static Optional<Row> survey(JdbcClient jdbc, long id) {
		return jdbc.sql("select alliance_id, status from survey where id = ?")
			.param(id)
			.query((rs, i) -> new Row(rs.getLong(1), rs.getString(2)))
			.optional();
	}

	@Component
	static class Surveys implements OwnedObjects {

		private final JdbcClient jdbc;

		Surveys(JdbcClient jdbc) {
			this.jdbc = jdbc;
		}

		@Override
		public String kind() {
			return "survey";
		}

		@Override
		public Optional<Owner> ownerOf(long id) {
			return survey(jdbc, id).map(s -> s.status().equals("DRAFT") ? Owner.secretariat(s.allianceId())
					: Owner.participants(s.allianceId(), organizations -> jdbc
						.sql("select exists (select 1 from survey_recipient where survey_id = ? and organization_id = any(?))")
						.params(id, organizations.toArray(Long[]::new))
						.query(Boolean.class)
						.single()));
		}
	}

	@Component
	static class Statistics implements OwnedObjects {

		private final JdbcClient jdbc;

		Statistics(JdbcClient jdbc) {
			this.jdbc = jdbc;
		}

		@Override
		public String kind() {
			return "survey-statistics";
		}

		@Override
		public Optional<Owner> ownerOf(long id) {
			return survey(jdbc, id).map(s -> s.status().equals("DRAFT") ? Owner.secretariat(s.allianceId())
					: Owner.publicly(s.allianceId()));
		}
	}

	@Component
	static class Files implements OwnedObjects {

		private final JdbcClient jdbc;

		Files(JdbcClient jdbc) {
			this.jdbc = jdbc;
		}

		@Override
		public String kind() {
			return "survey-file";
		}

		@Override
		public Optional<Owner> ownerOf(long id) {
			record File(long allianceId, long organizationId) {
			}
			return jdbc.sql("select s.alliance_id, f.organization_id from survey_file f join survey s on s.id = f.survey_id where f.id = ?")
				.param(id)
				.query((rs, i) -> new File(rs.getLong(1), rs.getLong(2)))
				.optional()
				.map(f -> Owner.participants(f.allianceId(), organizations -> organizations.contains(f.organizationId())));
		}
	}
}
