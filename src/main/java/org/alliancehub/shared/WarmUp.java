package org.alliancehub.shared;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One-off work of a start (a class's static tables, a library's dictionaries, a cipher's first use) done on a
 * daemon thread of its own while the context is still being built on the main thread, so that the start-up runners
 * (the demo fill) and the first requests find it done. Only for work with no effect but loaded classes and static
 * state the JVM would build anyway on first use: nothing the application reads is computed here, and a failure is
 * only logged (the first real use then does the work, and fails, as it would have without the warm-up).
 */
public final class WarmUp {

	private static final Logger log = LoggerFactory.getLogger(WarmUp.class);

	private WarmUp() {
	}

	/** Starts {@code work} on a daemon thread named {@code warm-up-<what>}; returns at once. */
	public static Thread inBackground(String what, Runnable work) {
		Thread t = new Thread(() -> {
			long started = System.nanoTime();
			try {
				work.run();
				log.debug("Warmed up {} in {} ms", what, (System.nanoTime() - started) / 1_000_000);
			}
			catch (RuntimeException | LinkageError e) {
				log.debug("Warming up {} failed; its first use does the work", what, e);
			}
		}, "warm-up-" + what);
		t.setDaemon(true);
		t.start();
		return t;
	}

}
