package org.alliancehub.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;

/**
 * The transaction manager: Spring Boot's own ({@link JdbcTransactionManager}, with its customizers), except that
 * the event publication registry's bookkeeping commits without waiting for the disk.
 * <p>
 * Spring Modulith records, in the transaction of the change, one row per event and listener; after the commit it
 * marks each row "processing" and then "completed", each in a transaction of its own. With {@code fsync} and
 * {@code synchronous_commit} on, every one of these commits waited for the disk (about 5 ms here): the demo fill's
 * several hundred events cost a first start seconds of waiting. These two marks now commit with
 * {@code synchronous_commit = off} ({@code SET LOCAL}, for that transaction only): PostgreSQL writes them within a
 * fraction of a second, in order, and never half. A power cut in that fraction loses at most a mark, never a change
 * or the row itself (that commits with the change, waiting for the disk as before): the publication then still
 * looks incomplete, and is published again on the next start (at least once, as the registry promises anyway; the
 * listeners are idempotent). Every other transaction waits for the disk as before.
 */
@Configuration(proxyBeanMethods = false)
class Transactions {

	/** Names of the transactions that only move a publication's state forward (the method's qualified name). */
	static final Set<String> BOOKKEEPING = Set.of(
			"org.springframework.modulith.events.core.DefaultEventPublicationRegistry.markProcessing",
			"org.springframework.modulith.events.core.DefaultEventPublicationRegistry.markCompleted");

	@Bean
	JdbcTransactionManager transactionManager(DataSource dataSource,
			ObjectProvider<TransactionManagerCustomizers> customizers) {
		JdbcTransactionManager manager = new BookkeepingWithoutWaiting(dataSource);
		customizers.ifAvailable(c -> c.customize(manager));
		return manager;
	}

	static final class BookkeepingWithoutWaiting extends JdbcTransactionManager {

		BookkeepingWithoutWaiting(DataSource dataSource) {
			super(dataSource);
		}

		@Override
		protected void prepareTransactionalConnection(Connection con, TransactionDefinition definition)
				throws SQLException {
			super.prepareTransactionalConnection(con, definition);
			if (definition.getName() != null && BOOKKEEPING.contains(definition.getName())) {
				try (Statement s = con.createStatement()) {
					s.execute("SET LOCAL synchronous_commit = off");
				}
			}
		}

	}

}
