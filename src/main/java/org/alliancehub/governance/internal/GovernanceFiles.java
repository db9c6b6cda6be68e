package org.alliancehub.governance.internal;

import org.alliancehub.platform.Uploads;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Tells the upload store which files agenda documents and proxy letters still keep, so that none is deleted under them. */
@Component
class GovernanceFiles implements Uploads.Holder {

	private final JdbcClient jdbc;

	GovernanceFiles(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public boolean holds(String sha256) {
		return jdbc.sql("""
				select exists (select 1 from agenda_document where sha256 = :h)
				    or exists (select 1 from proxy where letter_sha256 = :h)""")
			.param("h", sha256)
			.query(Boolean.class)
			.single();
	}
}
