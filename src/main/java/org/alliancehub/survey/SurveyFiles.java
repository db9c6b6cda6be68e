package org.alliancehub.survey;

import java.io.InputStream;
import java.nio.file.Path;

import org.alliancehub.identity.Access;
import org.alliancehub.identity.AllianceUser;
import org.alliancehub.platform.Uploads;
import org.alliancehub.shared.Forbidden;
import org.alliancehub.shared.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files handed in for FILE fields, kept by the platform's {@link Uploads} as articles' attachments are:
 * size checked, type found from the bytes among documents and images, stored once under its SHA-256. Uploaded by whoever may
 * answer for the organisation; an answer then names the file by id. Read by the same people.
 */
@Service
public class SurveyFiles {

	private final JdbcClient jdbc;

	private final Surveys surveys;

	private final Access access;

	private final Uploads uploads;

	SurveyFiles(JdbcClient jdbc, Surveys surveys, Access access, Uploads uploads) {
		this.jdbc = jdbc;
		this.surveys = surveys;
		this.access = access;
		this.uploads = uploads;
	}

	/** A file kept for an answer. */
	public record SurveyFile(long id, long surveyId, long organizationId, String filename, String contentType,
			long sizeBytes) {

		public String url() {
			return "/api/v1/survey-files/" + id;
		}
	}

	/** A stored file ready to be sent. */
	public record Stored(SurveyFile file, Path path) {
	}

	@Transactional
	public SurveyFile upload(long surveyId, long organizationId, String filename, long declaredSize, InputStream content) {
		SurveyView s = surveys.get(surveyId);
		requireAnswerer(s, organizationId);
		Uploads.Stored f = uploads.store(filename, declaredSize, content, Uploads.DOCUMENTS);
		long id = jdbc.sql("""
				insert into survey_file (survey_id, organization_id, filename, content_type, size_bytes, sha256, uploaded_by)
				values (?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(surveyId, organizationId, f.filename(), f.contentType(), f.sizeBytes(), f.sha256(),
					access.currentUser().map(AllianceUser::getUsername).orElse(null))
			.query(Long.class)
			.single();
		return new SurveyFile(id, surveyId, organizationId, f.filename(), f.contentType(), f.sizeBytes());
	}

	/** A file for the organisation's representative or the survey's secretariat; 404 for anyone else. */
	public Stored open(long fileId) {
		record Row(SurveyFile file, String sha) {
		}
		Row row = jdbc.sql("select id, survey_id, organization_id, filename, content_type, size_bytes, sha256 from survey_file where id = ?")
			.param(fileId)
			.query((rs, i) -> new Row(new SurveyFile(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
					rs.getString(5), rs.getLong(6)), rs.getString(7)))
			.optional()
			.orElseThrow(() -> new NotFound("file " + fileId));
		SurveyView s;
		try {
			s = surveys.get(row.file().surveyId());
		}
		catch (NotFound e) {
			throw new NotFound("file " + fileId);
		}
		if (!surveys.canManage(s) && !access.organizationsActedFor().contains(row.file().organizationId())) {
			throw new NotFound("file " + fileId);
		}
		return new Stored(row.file(), uploads.path(row.sha()));
	}

	private void requireAnswerer(SurveyView s, long organizationId) {
		if (!surveys.canManage(s) && !access.organizationsActedFor().contains(organizationId)) {
			throw new Forbidden("only the organisation's representative or the secretariat answers for it");
		}
		if (s.status() != SurveyStatus.PUBLISHED) {
			throw new org.alliancehub.shared.Conflict("the survey takes no answers");
		}
	}
}
