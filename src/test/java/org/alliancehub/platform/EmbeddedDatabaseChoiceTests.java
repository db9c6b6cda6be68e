package org.alliancehub.platform;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A jar built with Spring AOT keeps the database choice it was built with: run with an external database's URL, its
 * embedded database's beans refuse to start rather than serve the embedded one.
 */
class EmbeddedDatabaseChoiceTests {

	@Test
	void theEmbeddedDatabaseRefusesToStartWhenAnExternalOneIsConfigured() {
		assertThatThrownBy(() -> EmbeddedDatabase.requireNoExternalDatabase(
				new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db.example.org/alliancehub")))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("spring.aot.enabled");
	}

	@Test
	void withoutAnExternalDatabaseItStarts() {
		assertThatCode(() -> EmbeddedDatabase.requireNoExternalDatabase(new MockEnvironment())).doesNotThrowAnyException();
		assertThatCode(() -> EmbeddedDatabase.requireNoExternalDatabase(new MockEnvironment().withProperty("spring.datasource.url", "")))
			.doesNotThrowAnyException();
	}

}
