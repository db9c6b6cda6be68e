package org.alliancehub.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.alliancehub.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scheduled jobs run once across nodes (ShedLock on the {@code shedlock} table): of two runs of one job started
 * at the same moment only one runs, and a node finds a job that another node is running locked and leaves it.
 */
class ScheduledJobsRunOnceIntegrationTests extends IntegrationTest {

	@Autowired
	LockProvider locks;

	@Autowired
	Tokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Test
	void twoRunsOfOneJobStartedTogetherRunItOnce() throws Exception {
		String job = "test-job-" + UUID.randomUUID();
		// two nodes: two executors that share nothing but the lock table
		var nodeA = new DefaultLockingTaskExecutor(locks);
		var nodeB = new DefaultLockingTaskExecutor(locks);
		AtomicInteger runs = new AtomicInteger();
		CountDownLatch start = new CountDownLatch(1);
		CountDownLatch bothTried = new CountDownLatch(2);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (var node : List.of(nodeA, nodeB)) {
				done.add(pool.submit(() -> {
					start.await();
					node.executeWithLock((Runnable) () -> {
						runs.incrementAndGet();
						bothTried.countDown();
						try {
							// the run lasts until the other node has tried (or two seconds have passed)
							bothTried.await(2, TimeUnit.SECONDS);
						}
						catch (InterruptedException e) {
							Thread.currentThread().interrupt();
						}
					}, new LockConfiguration(Instant.now(), job, Duration.ofMinutes(1), Duration.ZERO));
					bothTried.countDown();
					return null;
				}));
			}
			start.countDown();
			for (Future<?> f : done) {
				f.get(10, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(runs.get()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from shedlock where name = ?").param(job).query(Long.class).single())
			.isEqualTo(1);
	}

	@Test
	void aJobThatAnotherNodeIsRunningIsLeftOutHereAndRunsOnceItIsFree() {
		String hash = "lock-test-" + UUID.randomUUID();
		jdbc.sql("""
				insert into api_token (token_hash, user_id, expires_at)
				select ?, id, now() - interval '1 day' from app_user where username = 'admin'""").param(hash).update();

		// another node is purging tokens right now: it holds the job's lock
		SimpleLock held = locks.lock(new LockConfiguration(Instant.now(), "identity.purge-expired-tokens",
				Duration.ofMinutes(1), Duration.ZERO)).orElseThrow();
		try {
			tokens.purgeExpired();
			assertThat(expiredTokenLeft(hash)).as("left to the node that holds the lock").isTrue();
		}
		finally {
			held.unlock();
		}
		tokens.purgeExpired();
		assertThat(expiredTokenLeft(hash)).isFalse();
	}

	private boolean expiredTokenLeft(String hash) {
		return jdbc.sql("select count(*) from api_token where token_hash = ?").param(hash).query(Long.class).single() > 0;
	}
}
