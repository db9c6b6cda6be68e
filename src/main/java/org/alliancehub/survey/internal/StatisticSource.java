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
import org.alliancehub.membership.Organizations;
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

	private final Organizations organizations;

	StatisticSource(JdbcClient jdbc, DataSource dataSource, Organizations organizations) {
		this.organizations = organizations;
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
	/** The field a survey classes its respondents' size by: a number (revenue in 万元) or a chosen class. */
	public record SizeField(String key, int position, boolean chosen) {

		@Nullable SizeClass classOf(double[] row, int length, @Nullable String choice) {
			if (chosen) {
				return SizeClass.named(choice);
			}
			return position <= length && !Double.isNaN(row[position - 1]) ? SizeClass.of(row[position - 1]) : null;
		}
	}

	public @Nullable SizeField sizeField(long surveyId, @Nullable String key) {
		if (key == null) {
			return null;
		}
		return jdbc.sql("select position, type from survey_field where survey_id = ? and key = ?")
			.params(surveyId, key)
			.query((rs, i) -> new SizeField(key, rs.getInt(1), rs.getString(2).equals("CHOICE")))
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
	 * its size class, from the number of the size field (revenue in 万元) or the class it chose. Values are
	 * stored field by field in primitive arrays.
	 */
	public SubmittedAnswers submitted(long surveyId, int[] positions, @Nullable SizeField sizeField) {
		SubmittedAnswers answers = new SubmittedAnswers(positions.length);
		Connection c = DataSourceUtils.getConnection(dataSource);
		try {
			boolean auto = c.getAutoCommit();
			c.setAutoCommit(false);
			try (PreparedStatement s = c.prepareStatement("""
					select rc.region_code, rc.organization_type, array_send(r.numbers), r.answers ->> ?::text
					from survey_response r
					left join survey_recipient rc on rc.survey_id = r.survey_id and rc.organization_id = r.organization_id
					where r.survey_id = ? and r.status = 'SUBMITTED'""")) {
				s.setFetchSize(FETCH);
				// prepared on the server from the first use, so that the bytes come in binary, not as hex text
				s.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(-1);
				s.setString(1, sizeField != null && sizeField.chosen() ? sizeField.key() : null);
				s.setLong(2, surveyId);
				double[] row = new double[64];
				try (ResultSet rs = s.executeQuery()) {
					while (rs.next()) {
						byte[] bytes = rs.getBytes(3);
						int n = parseArray(bytes, row);
						if (n > row.length) {
							row = new double[n];
							parseArray(bytes, row);
						}
						answers.add(rs.getString(1), rs.getString(2), row, n, positions,
								sizeField == null ? null : sizeField.classOf(row, n, rs.getString(4)));
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
	 * Reads PostgreSQL's binary form of a one-dimensional {@code double precision[]} (what {@code array_send}
	 * gives: dimensions, null flag, element type, then length and lower bound, then each element as its byte
	 * length, -1 for NULL, and eight big-endian bytes) into {@code into}, NaN for NULL. Returns the number of
	 * elements, which may exceed {@code into.length}: then call again with a larger array. Reading the numbers
	 * in binary spares the database from printing 2.7 million doubles as text for a survey of 100,000.
	 */
	static int parseArray(byte @Nullable [] bytes, double[] into) {
		if (bytes == null || bytes.length < 12) {
			return 0;
		}
		java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(bytes);
		int dimensions = b.getInt();
		if (dimensions == 0) {
			return 0;
		}
		if (dimensions != 1) {
			throw new IllegalStateException("numbers must be a one-dimensional array, not " + dimensions);
		}
		b.getInt();
		b.getInt();
		int n = b.getInt();
		b.getInt();
		for (int i = 0; i < n; i++) {
			int length = b.getInt();
			double v;
			if (length < 0) {
				v = Double.NaN;
			}
			else {
				v = b.getDouble();
			}
			if (i < into.length) {
				into[i] = v;
			}
		}
		return n;
	}

	/** Respondents, answered fields, sums and means of earlier periods (plain SQL aggregates, for growth). */
	public record Totals(long surveyId, String period, int respondents, Map<String, double @Nullable []> byKey) {
	}

	/**
	 * For each key, {count, sum, mean} over the submitted answers of a survey (null where the survey has no
	 * such numeric field), from the same stream of numbers as the statistics: reading the arrays once in Java
	 * is several times faster than asking PostgreSQL for {@code sum(numbers[i])} of thirty positions.
	 */
	public Totals totals(SurveyRow survey, List<String> keys) {
		Map<String, Integer> positions = new LinkedHashMap<>();
		for (NumericField f : numericFields(survey.id())) {
			if (keys.contains(f.key())) {
				positions.put(f.key(), f.position());
			}
		}
		List<String> ordered = new ArrayList<>(positions.keySet());
		SubmittedAnswers answers = submitted(survey.id(), positions.values().stream().mapToInt(Integer::intValue).toArray(),
				null);
		Map<String, double @Nullable []> byKey = new LinkedHashMap<>();
		for (String k : keys) {
			int f = ordered.indexOf(k);
			if (f < 0) {
				byKey.put(k, null);
				continue;
			}
			double[] values = answers.values(f);
			int count = 0;
			double sum = 0;
			for (int i = 0; i < answers.size(); i++) {
				if (!Double.isNaN(values[i])) {
					count++;
					sum += values[i];
				}
			}
			byKey.put(k, new double[] { count, sum, count == 0 ? Double.NaN : sum / count });
		}
		return new Totals(survey.id(), survey.period(), answers.size(), byKey);
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
		// the organisations' names come from membership in one call before the cursor opens; the survey asks a
		// bounded set of organisations, while its answers stream
		Map<Long, String> names = organizations.names(jdbc
			.sql("select distinct organization_id from survey_response where survey_id = ?")
			.param(surveyId)
			.query(Long.class)
			.list());
		StringBuilder sql = new StringBuilder("select r.organization_id, rc.region_code, rc.organization_type, r.status, r.revision, r.submitted_at");
		for (int i = 0; i < fields.size(); i++) {
			sql.append(", r.answers ->> ?");
		}
		sql.append("""
				 from survey_response r
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
							values[i] = rs.getString(7 + i);
						}
						sink.row(rs.getLong(1), names.getOrDefault(rs.getLong(1), ""), rs.getString(2), rs.getString(3),
								rs.getString(4), rs.getInt(5), rs.getObject(6, java.time.OffsetDateTime.class), values);
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
