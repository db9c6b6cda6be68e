package org.alliancehub.content;

import java.util.concurrent.atomic.AtomicInteger;

import org.alliancehub.platform.DatabaseNotifications;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import static org.assertj.core.api.Assertions.assertThat;

/** What article pages read is kept until a change of its alliance, and a copy read while a change came is not kept. */
class KeptArticlesTests {

	private final KeptArticles kept = new KeptArticles(
			new StaticListableBeanFactory().getBeanProvider(DatabaseNotifications.class));

	private final AtomicInteger reads = new AtomicInteger();

	private String read(String value) {
		reads.incrementAndGet();
		return value;
	}

	@Test
	void aCopyIsReadOnceThenKeptUntilItsAllianceChanges() {
		assertThat(kept.get("a", () -> read("one"), v -> 1)).isEqualTo("one");
		assertThat(kept.get("a", () -> read("two"), v -> 1)).isEqualTo("one");
		assertThat(reads).hasValue(1);
		kept.changed(2); // another alliance
		assertThat(kept.get("a", () -> read("two"), v -> 1)).isEqualTo("one");
		kept.changed(1);
		assertThat(kept.get("a", () -> read("two"), v -> 1)).isEqualTo("two");
		assertThat(reads).hasValue(2);
	}

	@Test
	void aCopySpanningEveryAllianceGoesWithAnyChange() {
		kept.get("home", () -> read("one"), v -> KeptArticles.EVERY_ALLIANCE);
		kept.get("a", () -> read("a"), v -> 1);
		kept.changed(7);
		assertThat(kept.get("home", () -> read("two"), v -> KeptArticles.EVERY_ALLIANCE)).isEqualTo("two");
		assertThat(kept.get("a", () -> read("b"), v -> 1)).isEqualTo("a");
	}

	@Test
	void aCopyReadWhileAChangeCameIsNotKept() {
		// the change is dropped while the old row is being read: what was read is served once, never kept
		assertThat(kept.get("a", () -> {
			kept.changed(1);
			return read("old");
		}, v -> 1)).isEqualTo("old");
		assertThat(kept.get("a", () -> read("new"), v -> 1)).isEqualTo("new");
		assertThat(kept.get("a", () -> read("newer"), v -> 1)).isEqualTo("new");
	}

	@Test
	void aTransactionReadsTheDatabaseAndKeepsNothing() {
		kept.get("a", () -> read("committed"), v -> 1);
		TransactionSynchronizationManager.setActualTransactionActive(true);
		try {
			assertThat(kept.get("a", () -> read("its own change"), v -> 1)).isEqualTo("its own change");
			assertThat(kept.get("b", () -> read("b"), v -> 1)).isEqualTo("b");
		}
		finally {
			TransactionSynchronizationManager.setActualTransactionActive(false);
		}
		assertThat(kept.get("a", () -> read("x"), v -> 1)).isEqualTo("committed");
		assertThat(kept.get("b", () -> read("b2"), v -> 1)).isEqualTo("b2");
	}

	@Test
	void nothingIsKeptForAnUnknownArticle() {
		assertThat(kept.<String>get("a", () -> {
			reads.incrementAndGet();
			return null;
		}, v -> 1)).isNull();
		assertThat(kept.get("a", () -> read("now"), v -> 1)).isEqualTo("now");
		assertThat(reads).hasValue(2);
	}
}
