package org.alliancehub.platform;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded/external database choice is made when the context starts, not by a bean condition: a jar built with
 * Spring AOT fixes its bean definitions at build time, and the same AOT jar must serve either database.
 */
class EmbeddedDatabaseChoiceTests {

	@EnableConfigurationProperties({ AllianceHubProperties.class, DataSourceProperties.class })
	static class Properties {
	}

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(Properties.class, EmbeddedDatabase.class);

	@Test
	void theChoiceIsNoBeanConditionSoThatAnAotJarKeepsBothDatabases() {
		List<AnnotatedElement> elements = new ArrayList<>(List.of(EmbeddedDatabase.class));
		elements.addAll(Arrays.asList(EmbeddedDatabase.class.getDeclaredMethods()));
		for (AnnotatedElement element : elements) {
			assertThat(MergedAnnotations.from(element).stream(Conditional.class).map(a -> a.getType().getName()).toList())
				.as("conditions on %s", element instanceof Method m ? m.getName() : element)
				.isEmpty();
		}
	}

	@Test
	void withAnExternalUrlThePoolIsSpringBootsOnItAndNoEmbeddedServerStarts() {
		context
			.withPropertyValues("spring.datasource.url=jdbc:postgresql://db.example.org:5432/alliancehub",
					"spring.datasource.username=hub", "spring.datasource.password=secret",
					"spring.datasource.hikari.maximum-pool-size=7", "spring.datasource.hikari.pool-name=nodes",
					"alliancehub.data=target/no-embedded-database-here")
			.run(started -> {
				assertThat(started).hasNotFailed();
				assertThat(started.getBean(EmbeddedDatabase.Server.class).pg()).isNull();
				HikariDataSource pool = started.getBean(HikariDataSource.class);
				assertThat(pool.getJdbcUrl()).isEqualTo("jdbc:postgresql://db.example.org:5432/alliancehub");
				assertThat(pool.getUsername()).isEqualTo("hub");
				assertThat(pool.getPassword()).isEqualTo("secret");
				assertThat(pool.getMaximumPoolSize()).isEqualTo(7);
				assertThat(pool.getPoolName()).isEqualTo("nodes");
				assertThat(pool.isRunning()).as("no connection made while the context starts").isFalse();
			});
		assertThat(java.nio.file.Files.exists(java.nio.file.Path.of("target/no-embedded-database-here/postgres"))).isFalse();
	}

	@Test
	void theEmbeddedDatabaseIsWantedOnlyWithoutAnExternalUrl() {
		assertThat(EmbeddedDatabase.wanted(new MockEnvironment())).isTrue();
		assertThat(EmbeddedDatabase.wanted(new MockEnvironment().withProperty("spring.datasource.url", ""))).isTrue();
		assertThat(EmbeddedDatabase.wanted(
				new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db.example.org/alliancehub")))
			.isFalse();
	}

}
