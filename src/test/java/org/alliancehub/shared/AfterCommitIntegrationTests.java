package org.alliancehub.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.alliancehub.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** {@link AfterCommit#collect}: one batch per owner and transaction, run once after its commit, with a real database. */
class AfterCommitIntegrationTests extends IntegrationTest {

	@Autowired
	PlatformTransactionManager transactions;

	private final List<List<String>> ran = new CopyOnWriteArrayList<>();

	private final Object owner = new Object();

	private void add(String item) {
		AfterCommit.collect(owner, item, ran::add);
	}

	@Test
	void withoutATransactionTheItemIsDoneAtOnce() {
		add("a");
		add("b");
		assertThat(ran).containsExactly(List.of("a"), List.of("b"));
	}

	@Test
	void aTransactionsItemsAreDoneOnceAfterItCommitsAndNeverIfItRollsBack() {
		TransactionTemplate tx = new TransactionTemplate(transactions);
		tx.executeWithoutResult(s -> {
			add("a");
			add("b");
			add("c");
			assertThat(ran).as("before the commit").isEmpty();
		});
		assertThat(ran).containsExactly(List.of("a", "b", "c"));
		tx.executeWithoutResult(s -> {
			add("d");
			s.setRollbackOnly();
		});
		assertThat(ran).as("after a rollback").containsExactly(List.of("a", "b", "c"));
		tx.executeWithoutResult(s -> add("e"));
		assertThat(ran).as("the next transaction has a batch of its own").containsExactly(List.of("a", "b", "c"), List.of("e"));
	}

	@Test
	void anInnerTransactionHasABatchOfItsOwnDoneAtItsCommit() {
		TransactionTemplate outer = new TransactionTemplate(transactions);
		TransactionTemplate inner = new TransactionTemplate(transactions);
		inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		outer.executeWithoutResult(s -> {
			add("outer-1");
			inner.executeWithoutResult(t -> add("inner"));
			assertThat(ran).as("once the inner transaction committed").containsExactly(List.of("inner"));
			add("outer-2");
			// joining the outer transaction (REQUIRED) is the same transaction: the same batch
			outer.executeWithoutResult(t -> add("outer-3"));
		});
		assertThat(ran).containsExactly(List.of("inner"), List.of("outer-1", "outer-2", "outer-3"));
	}

	@Test
	void eachOwnerHasItsOwnBatch() {
		Object other = new Object();
		List<List<String>> others = new CopyOnWriteArrayList<>();
		new TransactionTemplate(transactions).executeWithoutResult(s -> {
			add("a");
			AfterCommit.collect(other, "x", others::add);
			add("b");
		});
		assertThat(ran).containsExactly(List.of("a", "b"));
		assertThat(others).containsExactly(List.of("x"));
	}

}
