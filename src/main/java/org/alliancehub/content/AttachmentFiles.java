package org.alliancehub.content;

import org.alliancehub.platform.Uploads;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Tells the upload store which files articles' attachments still keep, so that none is deleted under them. */
@Component
class AttachmentFiles implements Uploads.Holder {

	private final JdbcClient jdbc;

	AttachmentFiles(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public boolean holds(String sha256) {
		return jdbc.sql("select exists (select 1 from attachment where sha256 = ?)").param(sha256).query(Boolean.class).single();
	}
}
