package org.alliancehub.platform;

import java.lang.reflect.Method;

import org.alliancehub.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.core.DefaultEventPublicationRegistry;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.AnnotationTransactionAttributeSource;
import org.springframework.transaction.interceptor.DefaultTransactionAttribute;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class TransactionsIntegrationTests extends IntegrationTest {

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	JdbcClient jdbc;

	private String synchronousCommitIn(String transactionName) {
		DefaultTransactionDefinition definition = new DefaultTransactionDefinition();
		definition.setName(transactionName);
		return new TransactionTemplate(transactions, definition)
			.execute(status -> jdbc.sql("show synchronous_commit").query(String.class).single());
	}

	/** The name Spring gives the transaction of a {@code @Transactional} method of the registry. */
	private static String transactionNameOf(String method) throws NoSuchMethodException {
		Method m = DefaultEventPublicationRegistry.class.getMethod(method, Object.class, PublicationTargetIdentifier.class);
		var attribute = new AnnotationTransactionAttributeSource().getTransactionAttribute(m,
				DefaultEventPublicationRegistry.class);
		assertThat(attribute).as(method + " runs in a transaction of its own").isNotNull();
		return ((DefaultTransactionAttribute) attribute).getDescriptor();
	}

	@Test
	void theRegistryMarksAPublicationProcessingOrCompletedWithoutWaitingForTheDisk() throws Exception {
		for (String method : new String[] { "markProcessing", "markCompleted" }) {
			String name = transactionNameOf(method);
			assertThat(Transactions.BOOKKEEPING).contains(name);
			assertThat(synchronousCommitIn(name)).as(name).isEqualTo("off");
		}
	}

	@Test
	void everyOtherTransactionAndTheConnectionAfterwardsWaitForTheDisk() throws Exception {
		assertThat(synchronousCommitIn(transactionNameOf("markFailed"))).isEqualTo("on");
		assertThat(synchronousCommitIn("org.alliancehub.content.Articles.create")).isEqualTo("on");
		assertThat(synchronousCommitIn(null)).isEqualTo("on");
		// SET LOCAL ends with its transaction: the pooled connection goes back as it came
		for (int i = 0; i < 12; i++) {
			synchronousCommitIn(transactionNameOf("markCompleted"));
			assertThat(jdbc.sql("show synchronous_commit").query(String.class).single()).isEqualTo("on");
		}
	}

}
