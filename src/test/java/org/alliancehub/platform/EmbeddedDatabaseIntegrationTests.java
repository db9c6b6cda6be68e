package org.alliancehub.platform;

import org.alliancehub.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedDatabaseIntegrationTests extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void anAnsweredWriteIsOnDiskBeforeTheAnswer() {
		for (String setting : new String[] { "fsync", "synchronous_commit", "full_page_writes" }) {
			assertThat(jdbc.sql("show " + setting).query(String.class).single()).as(setting).isEqualTo("on");
		}
	}
}
