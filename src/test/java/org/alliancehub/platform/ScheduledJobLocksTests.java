package org.alliancehub.platform;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every scheduled job runs once across nodes: each {@code @Scheduled} method carries {@code @SchedulerLock} with
 * a name of its own and a {@code lockAtMostFor} between one minute and two hours (long enough for a run, short
 * enough that a node dying mid-run does not stop the job for long). Plain class scanning, no Spring context.
 */
class ScheduledJobLocksTests {

	@Test
	void everyScheduledMethodIsLockedUnderANameOfItsOwn() throws Exception {
		var scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(Component.class));
		List<String> scheduled = new ArrayList<>();
		List<String> unlocked = new ArrayList<>();
		Set<String> names = new HashSet<>();
		for (var candidate : scanner.findCandidateComponents("org.alliancehub")) {
			Class<?> type = Class.forName(candidate.getBeanClassName());
			for (Method method : type.getDeclaredMethods()) {
				if (!method.isAnnotationPresent(Scheduled.class)) {
					continue;
				}
				String where = type.getSimpleName() + "." + method.getName();
				scheduled.add(where);
				SchedulerLock lock = method.getAnnotation(SchedulerLock.class);
				if (lock == null || lock.name().isBlank() || lock.lockAtMostFor().isBlank()) {
					unlocked.add(where);
					continue;
				}
				assertThat(method.getReturnType()).as("%s: ShedLock locks only methods that answer nothing", where)
					.isEqualTo(void.class);
				assertThat(names.add(lock.name())).as("lock name of %s used twice", where).isTrue();
				assertThat(Duration.parse(lock.lockAtMostFor())).as(where)
					.isBetween(Duration.ofMinutes(1), Duration.ofHours(2));
				assertThat(lock.lockAtLeastFor()).as("%s: a direct call right after a run must not be skipped", where)
					.isEmpty();
			}
		}
		assertThat(scheduled).as("the scheduled jobs found").hasSizeGreaterThanOrEqualTo(9)
			.contains("Correspondence.closeOverdue", "Tokens.purgeExpired", "DigestSchedule.weekly");
		assertThat(unlocked).as("scheduled methods without @SchedulerLock").isEmpty();
	}
}
