package org.alliancehub.survey.internal;

import org.alliancehub.survey.SurveyStatus;
import org.alliancehub.survey.SurveyView;
import org.alliancehub.survey.Surveys;

import java.io.InputStream;
import java.nio.file.Path;

import org.alliancehub.identity.Access;
import org.alliancehub.identity.AllianceUser;
import org.alliancehub.platform.Uploads;
import org.alliancehub.shared.Conflict;
import org.alliancehub.shared.Forbidden;
import org.alliancehub.shared.TooLarge;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
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

	/** The most files one organisation's answer may keep ({@code alliancehub.survey.files-per-response}). */
	private final int maxFiles;

	/** The most bytes they may take together ({@code alliancehub.survey.file-bytes-per-response}). */
	private final long maxBytes;

	private final int unreferencedHours;

	SurveyFiles(JdbcClient jdbc, Surveys surveys, Access access, Uploads uploads,
			@Value("${alliancehub.survey.files-per-response:20}") int maxFiles,
			@Value("${alliancehub.survey.file-bytes-per-response:52428800}") long maxBytes,
			@Value("${alliancehub.survey.unreferenced-file-hours:24}") int unreferencedHours) {
		this.unreferencedHours = unreferencedHours;
		this.jdbc = jdbc;
		this.surveys = surveys;
		this.access = access;
		this.uploads = uploads;
		this.maxFiles = maxFiles;
		this.maxBytes = maxBytes;
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

	/**
	 * Keeps a file for an organisation's answer: only for an organisation the survey asks, by whoever answers
	 * for it, while the survey takes answers, and within the answer's quota (count 409, bytes 413). Uploads for
	 * the same answer are taken one at a time, so that two at once cannot both slip under the quota.
	 */
	@Transactional
	public SurveyFile upload(long surveyId, long organizationId, String filename, long declaredSize, InputStream content) {
		SurveyView s = surveys.get(surveyId);
		requireAnswerer(s, organizationId);
		jdbc.sql("select pg_advisory_xact_lock(?, ?)").params((int) surveyId, (int) organizationId).query((rs, i) -> 1).list();
		long[] used = jdbc.sql("select count(*), coalesce(sum(size_bytes), 0) from survey_file where survey_id = ? and organization_id = ?")
			.params(surveyId, organizationId)
			.query((rs, i) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.single();
		if (used[0] >= maxFiles) {
			throw new Conflict("an answer may keep at most " + maxFiles + " files; replace one in the answer first");
		}
		if (declaredSize > 0 && used[1] + declaredSize > maxBytes) {
			throw quotaBytes();
		}
		Uploads.Stored f = uploads.store(filename, declaredSize, content, Uploads.DOCUMENTS);
		if (used[1] + f.sizeBytes() > maxBytes) {
			uploads.release(f.sha256());
			throw quotaBytes();
		}
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

	private TooLarge quotaBytes() {
		return new TooLarge("the files of an answer may take at most " + maxBytes / 1024 / 1024 + " MB together");
	}

	private void requireAnswerer(SurveyView s, long organizationId) {
		if (!surveys.canManage(s) && !access.organizationsActedFor().contains(organizationId)) {
			throw new Forbidden("only the organisation's representative or the secretariat answers for it");
		}
		boolean recipient = jdbc.sql("select exists (select 1 from survey_recipient where survey_id = ? and organization_id = ?)")
			.params(s.id(), organizationId)
			.query(Boolean.class)
			.single();
		if (!recipient) {
			throw new Forbidden("the survey does not ask this organisation");
		}
		if (s.status() != SurveyStatus.PUBLISHED) {
			throw new Conflict("the survey takes no answers");
		}
	}

	/**
	 * Deletes the files an answer named before and names no longer (replaced or removed): called when an answer
	 * is saved. The bytes go too unless something else keeps the same content.
	 */
	@Transactional
	public void dropReplaced(long surveyId, long organizationId, Set<Long> before, Set<Long> after) {
		for (Long id : before) {
			if (!after.contains(id)) {
				delete(jdbc.sql("delete from survey_file where id = ? and survey_id = ? and organization_id = ? returning sha256")
					.params(id, surveyId, organizationId)
					.query(String.class)
					.list());
			}
		}
	}

	/**
	 * Deletes files uploaded more than {@code alliancehub.survey.unreferenced-file-hours} (24) ago that the
	 * answer they were uploaded for does not name: uploads never used, or left behind. Runs every hour.
	 */
	@Scheduled(cron = "${alliancehub.survey.file-cleanup-cron:0 17 * * * *}")
	@SchedulerLock(name = "survey.unreferenced-files", lockAtMostFor = "PT30M")
	@Transactional
	public void deleteUnreferencedOnSchedule() {
		// ShedLock takes its lock only around methods that answer nothing; the count is for direct callers
		deleteUnreferenced();
	}

	@Transactional
	public int deleteUnreferenced() {
		List<String> hashes = jdbc.sql("""
				delete from survey_file f
				where f.created_at < now() - make_interval(hours => :hours)
				  and not exists (
				    select 1 from survey_response r join survey_field sf on sf.survey_id = r.survey_id and sf.type = 'FILE'
				    where r.survey_id = f.survey_id and r.organization_id = f.organization_id
				      and (r.answers ->> sf.key) = f.id::text)
				returning f.sha256""")
			.param("hours", unreferencedHours)
			.query(String.class)
			.list();
		delete(hashes);
		return hashes.size();
	}

	private void delete(List<String> hashes) {
		for (String sha : new java.util.LinkedHashSet<>(hashes)) {
			uploads.release(sha);
		}
	}

	/** Tells the upload store which contents survey answers still keep. */
	@org.springframework.stereotype.Component
	static class Held implements Uploads.Holder {

		private final JdbcClient jdbc;

		Held(JdbcClient jdbc) {
			this.jdbc = jdbc;
		}

		@Override
		public boolean holds(String sha256) {
			return jdbc.sql("select exists (select 1 from survey_file where sha256 = ?)").param(sha256).query(Boolean.class).single();
		}
	}
}
