package org.alliancehub.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

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
		if (inTransaction()) {
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

	/** Whether a transaction runs that can be waited for (one with synchronization). */
	private static boolean inTransaction() {
		return TransactionSynchronizationManager.isSynchronizationActive()
				&& TransactionSynchronizationManager.isActualTransactionActive();
	}

	/**
	 * Adds {@code item} to {@code owner}'s batch of the current transaction and runs {@code work} once, after the
	 * commit, with every item the transaction added, in order (never if it rolls back); at once with the item alone
	 * when there is no transaction. A transaction started inside another ({@code REQUIRES_NEW}) has a batch of its
	 * own, done at its own commit: the outer one's is set aside with the outer transaction's synchronizations while
	 * the inner one runs. For work whose cost is per commit rather than per change (a cache dropping what hundreds of
	 * changes of one import affect).
	 */
	public static <T> void collect(Object owner, T item, Consumer<List<T>> work) {
		if (!inTransaction()) {
			work.accept(List.of(item));
			return;
		}
		Same key = new Same(owner);
		@SuppressWarnings("unchecked")
		Batch<T> batch = (Batch<T>) TransactionSynchronizationManager.getResource(key);
		if (batch == null) {
			batch = new Batch<>(key, work);
			TransactionSynchronizationManager.bindResource(key, batch);
			TransactionSynchronizationManager.registerSynchronization(batch);
		}
		batch.items.add(item);
	}

	/**
	 * Bound to the transaction, under its owner by identity, while it runs; unbound while an inner one runs, as
	 * Spring's own resource holders are.
	 */
	private static final class Batch<T> implements TransactionSynchronization {

		private final Same key;

		private final Consumer<List<T>> work;

		private final List<T> items = new ArrayList<>();

		Batch(Same key, Consumer<List<T>> work) {
			this.key = key;
			this.work = work;
		}

		@Override
		public void suspend() {
			TransactionSynchronizationManager.unbindResourceIfPossible(key);
		}

		@Override
		public void resume() {
			TransactionSynchronizationManager.bindResource(key, this);
		}

		@Override
		public void afterCommit() {
			work.accept(List.copyOf(items));
		}

		@Override
		public void afterCompletion(int status) {
			TransactionSynchronizationManager.unbindResourceIfPossible(key);
		}

	}

}
