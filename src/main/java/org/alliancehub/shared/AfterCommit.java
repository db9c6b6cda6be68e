package org.alliancehub.shared;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Work on what a change leaves in memory (a cache dropped, a copy forgotten) that must wait until the change has
 * committed: registered with the running transaction, or done at once when there is none. Not a
 * {@code @TransactionalEventListener}: Spring Modulith keeps a durable record of every publication to such a
 * listener, marked in flight and then completed, each in a commit of its own that waits for the disk, which work on
 * memory (gone after a crash anyway) does not need.
 */
public final class AfterCommit {

	private AfterCommit() {
	}

	/** Runs {@code work} once the current transaction has committed (never if it rolls back), or now without one. */
	public static void run(Runnable work) {
		if (TransactionSynchronizationManager.isSynchronizationActive()
				&& TransactionSynchronizationManager.isActualTransactionActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					work.run();
				}
			});
		}
		else {
			work.run();
		}
	}

}
