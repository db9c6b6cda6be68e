package org.alliancehub.survey;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Set;

import org.alliancehub.identity.Access;
import org.alliancehub.identity.AllianceUser;
import org.alliancehub.platform.AllianceHubProperties;
import org.alliancehub.shared.Forbidden;
import org.alliancehub.shared.Hashes;
import org.alliancehub.shared.Invalid;
import org.alliancehub.shared.NotFound;
import org.alliancehub.shared.TooLarge;
import org.alliancehub.shared.UnsupportedType;
import org.apache.tika.Tika;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files handed in for FILE fields. The same checks as an article's attachments: size, content type found
 * from the bytes (Tika) among documents and images, stored once under its SHA-256. Uploaded by whoever may
 * answer for the organisation; an answer then names the file by id. Read by the same people.
 */
@Service
public class SurveyFiles {

	static final Set<String> ACCEPTED = Set.of("application/pdf", "application/msword",
			"application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/vnd.ms-excel",
			"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "image/png", "image/jpeg",
			"text/plain");

	private final Tika tika = new Tika();

	private final JdbcClient jdbc;

	private final Surveys surveys;

	private final Access access;

	private final AllianceHubProperties properties;

	SurveyFiles(JdbcClient jdbc, Surveys surveys, Access access, AllianceHubProperties properties) {
		this.jdbc = jdbc;
		this.surveys = surveys;
		this.access = access;
		this.properties = properties;
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
		String name = Path.of(filename.isBlank() ? "file" : filename).getFileName().toString().replaceAll("[\\p{Cntrl}\"\\\\/]", "_");
		if (declaredSize > properties.maxUploadBytes()) {
			throw new TooLarge("files may be at most " + properties.maxUploadBytes() / 1024 / 1024 + " MB");
		}
		Path dir = properties.uploads();
		try {
			Files.createDirectories(dir);
			Path temp = Files.createTempFile(dir, "survey-", ".part");
			try {
				MessageDigest sha = Hashes.digest();
				long size;
				try (InputStream in = new DigestInputStream(content, sha)) {
					size = Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
				}
				if (size > properties.maxUploadBytes()) {
					throw new TooLarge("files may be at most " + properties.maxUploadBytes() / 1024 / 1024 + " MB");
				}
				if (size == 0) {
					throw Invalid.field("file", "the file is empty");
				}
				String type;
				try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(temp))) {
					type = tika.detect(in, name);
				}
				if (!ACCEPTED.contains(type)) {
					throw new UnsupportedType("files of type " + type + " are not accepted");
				}
				String hash = HexFormat.of().formatHex(sha.digest());
				Path target = dir.resolve(hash);
				if (!Files.exists(target)) {
					Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
				}
				long id = jdbc.sql("""
						insert into survey_file (survey_id, organization_id, filename, content_type, size_bytes, sha256, uploaded_by)
						values (?, ?, ?, ?, ?, ?, ?) returning id""")
					.params(surveyId, organizationId, name, type, size, hash,
							access.currentUser().map(AllianceUser::getUsername).orElse(null))
					.query(Long.class)
					.single();
				return new SurveyFile(id, surveyId, organizationId, name, type, size);
			}
			finally {
				Files.deleteIfExists(temp);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
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
		return new Stored(row.file(), properties.uploads().resolve(row.sha()));
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
