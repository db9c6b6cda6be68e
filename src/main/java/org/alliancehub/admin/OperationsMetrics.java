package org.alliancehub.admin;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.alliancehub.mailing.Mailings;
import org.alliancehub.search.Reindexing;
import org.alliancehub.search.SearchIndexing;
import org.springframework.stereotype.Component;

/**
 * What an operator watches besides requests and the database pool (which Spring Boot measures itself), read
 * through the modules' faces when Prometheus scrapes {@code /actuator/prometheus}: the documents in this node's
 * search index, whether a rebuild runs, and the mailing outbox by state (waiting, sent, failed for good).
 */
@Component
class OperationsMetrics implements MeterBinder {

	private final SearchIndexing search;

	private final Mailings mailings;

	OperationsMetrics(SearchIndexing search, Mailings mailings) {
		this.search = search;
		this.mailings = mailings;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("alliancehub.search.documents", search, SearchIndexing::documents)
			.description("documents in this node's search index")
			.register(registry);
		Gauge.builder("alliancehub.search.reindexing", search,
				s -> s.status().state() == Reindexing.State.RUNNING ? 1 : 0)
			.description("1 while this node rebuilds its search index")
			.register(registry);
		for (String status : new String[] { "PENDING", "SENT", "FAILED" }) {
			Gauge.builder("alliancehub.mail.outbox", mailings, m -> m.outbox().getOrDefault(status, 0L))
				.tag("status", status.toLowerCase())
				.description("messages of the mailing outbox in this state (all nodes share the outbox)")
				.register(registry);
		}
	}
}
