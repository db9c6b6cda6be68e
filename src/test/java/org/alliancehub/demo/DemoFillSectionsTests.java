package org.alliancehub.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The demo fill's log line names the CPU its thread spent on each part: the part that burnt the CPU carries it, a
 * part that waited carries none, and the total is their sum.
 */
class DemoFillSectionsTests {

	@Test
	void eachPartCarriesTheCpuItsThreadSpentAndTheTotalIsTheirSum() throws InterruptedException {
		DemoContent.Sections sections = new DemoContent.Sections();
		burn(200);
		sections.done("busy");
		Thread.sleep(300);
		sections.done("waiting");

		String line = sections.toString();
		Matcher m = Pattern.compile("(\\d+) ms: busy (\\d+) ms, waiting (\\d+) ms").matcher(line);
		assertThat(m.matches()).as(line).isTrue();
		long total = Long.parseLong(m.group(1));
		long busy = Long.parseLong(m.group(2));
		long waiting = Long.parseLong(m.group(3));
		assertThat(busy).as(line).isGreaterThanOrEqualTo(150);
		assertThat(waiting).as("a sleeping thread spends no CPU: " + line).isLessThan(100);
		// each part is rounded down to whole milliseconds, the total is not
		assertThat(total).as(line).isBetween(busy + waiting, busy + waiting + 2);
	}

	/** Spends at least {@code ms} of this thread's CPU. */
	private static void burn(long ms) {
		var threads = java.lang.management.ManagementFactory.getThreadMXBean();
		long until = threads.getCurrentThreadCpuTime() + ms * 1_000_000;
		long x = 0;
		while (threads.getCurrentThreadCpuTime() < until) {
			x += System.nanoTime() % 7;
		}
		assertThat(x).isGreaterThanOrEqualTo(0);
	}

}
