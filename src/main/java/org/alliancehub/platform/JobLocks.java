package org.alliancehub.platform;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Scheduled jobs run once across all nodes: every {@code @Scheduled} method also carries ShedLock's
 * {@code @SchedulerLock(name, lockAtMostFor)}, and a run first takes its job's row in {@code shedlock}
 * (PostgreSQL's clock, not the node's, decides how long it is held). A node that finds the row held leaves
 * that run out; a node that dies holding it frees it after {@code lockAtMostFor}, which is therefore set well
 * above the longest run of each job. {@code lockAtLeastFor} stays zero: the jobs are idempotent, and a direct
 * call right after a run (a test, an operator) must not be skipped.
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
class JobLocks {

	@Bean
	LockProvider lockProvider(DataSource dataSource) {
		return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(new JdbcTemplate(dataSource))
			.usingDbTime()
			.build());
	}
}
