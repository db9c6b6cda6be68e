package org.alliancehub.search.internal;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Whether this node's search index has caught up with the change feed as it stood when the node became ready: until
 * then the node's health (and its readiness probe) answers "out of service", so neither a person opening a new site
 * nor a load balancer sends searches to an index that still lacks what was written before the node started (the
 * demo content of a first start, the changes a node that was down missed, an index rebuilt from nothing). Once caught
 * up the node stays ready: a follower a moment behind a stream of changes is normal work, not unreadiness.
 */
@Component("searchCaughtUpHealthIndicator")
class IndexReadiness implements HealthIndicator {

	private final SearchIndex index;

	private final SearchFeed feed;

	private final Indexer indexer;

	/** The feed's head when the node became ready; -1 before. */
	private volatile long target = -1;

	private volatile boolean caughtUp;

	IndexReadiness(SearchIndex index, SearchFeed feed, Indexer indexer) {
		this.index = index;
		this.feed = feed;
		this.indexer = indexer;
	}

	/** After the start-up runners (the demo content among them) have written what they write. */
	@EventListener(ApplicationReadyEvent.class)
	void ready() {
		target = feed.head();
	}

	@Override
	public Health health() {
		if (caughtUp) {
			return Health.up().build();
		}
		long wanted = target;
		if (wanted < 0) {
			return Health.status(Status.OUT_OF_SERVICE).withDetail("reason", "starting").build();
		}
		if (indexer.rebuildPending()) {
			return Health.status(Status.OUT_OF_SERVICE).withDetail("reason", "rebuilding from an empty index").build();
		}
		long position;
		try {
			position = index.position();
		}
		catch (IllegalStateException e) {
			return Health.status(Status.OUT_OF_SERVICE).withDetail("reason", "index closed").build();
		}
		if (position < wanted) {
			return Health.status(Status.OUT_OF_SERVICE).withDetail("behind", wanted - position).build();
		}
		caughtUp = true;
		return Health.up().build();
	}
}
