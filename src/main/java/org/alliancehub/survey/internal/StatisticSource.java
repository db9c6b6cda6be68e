package org.alliancehub.survey.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.alliancehub.shared.NotFound;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * Reads what statistics need straight from the survey tables: the survey, its numeric fields, how many were
 * asked, and the submitted answers as one stream of number arrays (never the JSON), with a cursor.
 */
@Component
public class StatisticSource {

	/** The field types that have figures. */
	public static final List<String> NUMERIC = List.of("INTEGER", "DECIMAL", "PERCENT", "YEAR");

	private static final int FETCH = 5000;

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	StatisticSource(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
	}

	public record SurveyRow(long id, long allianceId, String title, String period, String status,
			@Nullable Long copiedFrom, @Nullable String sizeField) {

		public boolean isDraft() {
			return status.equals("DRAFT");
		}
	}

	public record NumericField(int position, String key, String label, String type, @Nullable String unit) {
	}

	/** One field of a survey, numeric or not, for the raw export. */
	public record AnyField(int position, String key, String label, String type) {
	}

	public SurveyRow survey(long id) {
		return jdbc.sql("select id, alliance_id, title, period, status, copied_from, size_field from survey where id = ?")
			.param(id)
			.query((rs, n) -> new SurveyRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getObject(6, Long.class), rs.getString(7)))
			.optional()
			.orElseThrow(() -> new NotFound("survey " + id));
	}

	public List<NumericField> numericFields(long surveyId) {
		return jdbc.sql("""
				select position, key, label, type, unit from survey_field
				where survey_id = ? and type in ('INTEGER', 'DECIMAL', 'PERCENT', 'YEAR') order by position""")
			.param(surveyId)
			.query((rs, n) -> new NumericField(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5)))
			.list();
	}

	public List<AnyField> fields(long surveyId) {
		return jdbc.sql("select position, key, label, type from survey_field where survey_id = ? order by position")
			.param(surveyId)
			.query((rs, n) -> new AnyField(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.list();
	}

	/** The position of a field, if the survey has it. */
	public @Nullable Integer position(long surveyId, @Nullable String key) {
		if (key == null) {
			return null;
		}
		return jdbc.sql("select position from survey_field where survey_id = ? and key = ?")
			.params(surveyId, key)
			.query(Integer.class)
			.optional()
			.orElse(null);
	}

	/** A survey listed on the alliance's site. */
	public record Listed(long id, String title, String period, String status) {
	}

	/** The published and closed surveys of an alliance, newest first. */
	public List<Listed> published(long allianceId) {
		return jdbc.sql("""
				select id, title, period, status from survey
				where alliance_id = ? and status in ('PUBLISHED', 'CLOSED') order by published_at desc nulls last, id desc""")
			.param(allianceId)
			.query((rs, n) -> new Listed(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.list();
	}

	public int recipients(long surveyId) {
		return jdbc.sql("select count(*) from survey_recipient where survey_id = ?").param(surveyId).query(Integer.class).single();
	}

	/**
	 * The submitted answers: for each respondent its province code (as recorded when the survey was published),
	 * its organisation type and the numbers at the given positions (NaN where unanswered), plus the number of
	 * the size field (NaN when none). Values are stored field by field in primitive arrays.
	 */
	public SubmittedAnswers submitted(long surveyId, int[] positions, @Nullable Integer sizePosition) {
		SubmittedAnswers answers = new SubmittedAnswers(positions.length);
		Connection c = DataSourceUtils.getConnection(dataSource);
		try {
			boolean auto = c.getAutoCommit();
			c.setAutoCommit(false);
			try (PreparedStatement s = c.prepareStatement("""
					select rc.region_code, rc.organization_type, r.numbers::text
					from survey_response r
					left join survey_recipient rc on rc.survey_id = r.survey_id and rc.organization_id = r.organization_id
					where r.survey_id = ? and r.status = 'SUBMITTED'""")) {
				s.setFetchSize(FETCH);
				s.setLong(1, surveyId);
				double[] row = new double[64];
				try (ResultSet rs = s.executeQuery()) {
					while (rs.next()) {
						int n = parseArray(rs.getString(3), row);
						if (n > row.length) {
							row = new double[n];
							parseArray(rs.getString(3), row);
						}
						answers.add(rs.getString(1), rs.getString(2), row, n, positions, sizePosition);
					}
				}
			}
			finally {
				c.commit();
				c.setAutoCommit(auto);
			}
		}
		catch (SQLException e) {
			throw new IllegalStateException(e);
		}
		finally {
			DataSourceUtils.releaseConnection(c, dataSource);
		}
		return answers;
	}

	/**
	 * Parses PostgreSQL's text form of a {@code double precision[]} ({@code {1.5,NULL,3}}) into {@code into},
	 * NaN for NULL; returns the number of elements (which may exceed {@code into.length}: then call again with
	 * a larger array).
	 */
	static int parseArray(@Nullable String text, double[] into) {
		if (text == null || text.length() < 2) {
			return 0;
		}
		int n = 0;
		int start = 1;
		int end = text.length() - 1;
		if (start == end) {
			return 0;
		}
		for (int i = start; i <= end; i++) {
			if (i == end || text.charAt(i) == ',') {
				if (n < into.length) {
					into[n] = i - start == 4 && text.startsWith("NULL", start) ? Double.NaN
							: Double.parseDouble(text.substring(start, i));
				}
				n++;
				start = i + 1;
			}
		}
		return n;
	}

	/** Respondents, answered fields, sums and means of earlier periods (plain SQL aggregates, for growth). */
	public record Totals(long surveyId, String period, int respondents, Map<String, double @Nullable []> byKey) {
	}

	/**
	 * For each key, {count, sum, mean} over the submitted answers of a survey (null where the survey has no
	 * such numeric field). One statement.
	 */
	public Totals totals(SurveyRow survey, List<String> keys) {
		Map<String, Integer> positions = new LinkedHashMap<>();
		for (NumericField f : numericFields(survey.id())) {
			if (keys.contains(f.key())) {
				positions.put(f.key(), f.position());
			}
		}
		StringBuilder sql = new StringBuilder("select count(*)");
		for (int p : positions.values()) {
			// positions are integers read from the database: safe to write into the statement
			sql.append(", count(numbers[").append(p).append("]), sum(numbers[").append(p).append("]), avg(numbers[")
				.append(p).append("])");
		}
		sql.append(" from survey_response where survey_id = ? and status = 'SUBMITTED'");
		List<String> ordered = new ArrayList<>(positions.keySet());
		return jdbc.sql(sql.toString()).param(survey.id()).query((rs, n) -> {
			Map<String, double @Nullable []> byKey = new LinkedHashMap<>();
			for (String k : keys) {
				int i = ordered.indexOf(k);
				if (i < 0) {
					byKey.put(k, null);
					continue;
				}
				int col = 2 + i * 3;
				double count = rs.getLong(col);
				double sum = rs.getDouble(col + 1);
				double mean = rs.getDouble(col + 2);
				byKey.put(k, new double[] { count, sum, mean });
			}
			return new Totals(survey.id(), survey.period(), rs.getInt(1), byKey);
		}).single();
	}

	/** The raw answers of every responding organisation, for the secretariat's export. */
	public record RawHeader(List<AnyField> fields) {

		public String[] keys() {
			return fields.stream().map(AnyField::key).toArray(String[]::new);
		}
	}

	/** What a row of the raw export holds. */
	public interface RawRows {

		void row(long organizationId, String organizationName, @Nullable String regionCode, @Nullable String type,
				String status, int revision, java.time.@Nullable OffsetDateTime submittedAt, @Nullable String[] answers)
				throws Exception;
	}

	/**
	 * Streams every response of a survey (all statuses) with a cursor, the answers of each field as text as
	 * stored in the JSON (numbers as numbers, lists as JSON arrays), one row at a time.
	 */
	public void raw(long surveyId, List<AnyField> fields, RawRows sink) {
		StringBuilder sql = new StringBuilder("select r.organization_id, o.name, rc.region_code, rc.organization_type, r.status, r.revision, r.submitted_at");
		for (int i = 0; i < fields.size(); i++) {
			sql.append(", r.answers ->> ?");
		}
		// the organisation's name is read with a join: the export is one cursor, a call per row would not stream
		sql.append("""
				 from survey_response r
				join organization o on o.id = r.organization_id
				left join survey_recipient rc on rc.survey_id = r.survey_id and rc.organization_id = r.organization_id
				where r.survey_id = ? order by r.organization_id""");
		Connection c = DataSourceUtils.getConnection(dataSource);
		try {
			boolean auto = c.getAutoCommit();
			c.setAutoCommit(false);
			try (PreparedStatement s = c.prepareStatement(sql.toString())) {
				s.setFetchSize(2000);
				int p = 1;
				for (AnyField f : fields) {
					s.setString(p++, f.key());
				}
				s.setLong(p, surveyId);
				String[] values = new String[fields.size()];
				try (ResultSet rs = s.executeQuery()) {
					while (rs.next()) {
						for (int i = 0; i < values.length; i++) {
							values[i] = rs.getString(8 + i);
						}
						sink.row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
								rs.getInt(6), rs.getObject(7, java.time.OffsetDateTime.class), values);
					}
				}
			}
			finally {
				c.commit();
				c.setAutoCommit(auto);
			}
		}
		catch (RuntimeException e) {
			throw e;
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
		finally {
			DataSourceUtils.releaseConnection(c, dataSource);
		}
	}

}
