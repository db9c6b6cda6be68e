package org.alliancehub.search.internal;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicReference;

import org.alliancehub.collaboration.CollaborationEvents.CollaborationChanged;
import org.alliancehub.collaboration.Findables;
import org.alliancehub.content.ContentEvents.ArticleDeleted;
import org.alliancehub.content.ContentEvents.ArticleSaved;
import org.alliancehub.content.ContentEvents.ContentChanged;
import org.alliancehub.governance.MinutesEvents.MinutesPublished;
import org.alliancehub.governance.MinutesEvents.MinutesWithdrawn;
import org.alliancehub.membership.MembershipEvents.MembershipChanged;
import org.alliancehub.membership.MembershipEvents.MembershipGranted;
import org.alliancehub.membership.MembershipEvents.OrganizationCreated;
import org.alliancehub.membership.MembershipEvents.OrganizationUpdated;
import org.alliancehub.search.DocumentType;
import org.alliancehub.search.Reindexing;
import org.alliancehub.search.SearchIndexing;
import org.alliancehub.transfer.TransferEvents;
import org.alliancehub.standards.StandardFindables;
import org.alliancehub.standards.StandardsEvents;
import org.alliancehub.transfer.TransferFindables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps every node's index in step with the database. It reacts to the other modules' events in their
 * transactions, just before they commit, by appending the changed document's key to the durable change feed
 * ({@link SearchFeed}): the key commits with the change or not at all, so no acknowledged change can miss the
 * index, whichever node made it and whatever happens to that node next. Every node's {@link FeedFollower}
 * (this one's included) then re-reads the document into its own index; reading a key twice does no harm.
 */
@Component
class Indexer implements SearchIndexing, org.springframework.beans.factory.SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(Indexer.class);

	private final SearchIndex index;

	private final IndexDocuments documents;

	private final TaskExecutor executor;

	private final SearchFeed feed;

	private volatile boolean rebuildOnReady;

	private final AtomicReference<Reindexing> status = new AtomicReference<>(
			new Reindexing(Reindexing.State.IDLE, 0, 0, null, null, null));

	Indexer(SearchIndex index, IndexDocuments documents,
			@org.springframework.beans.factory.annotation.Qualifier("applicationTaskExecutor") TaskExecutor executor,
			SearchFeed feed) {
		this.feed = feed;
		this.index = index;
		this.documents = documents;
		this.executor = executor;
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(ArticleSaved e) {
		refresh(IndexDocuments.key(DocumentType.ARTICLE, e.id()));
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(ArticleDeleted e) {
		refresh(IndexDocuments.key(DocumentType.ARTICLE, e.id()));
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(ContentChanged e) {
		switch (e.kind()) {
			case "briefing" -> refresh(IndexDocuments.key(DocumentType.BRIEFING, e.id()));
			case "event" -> refresh(IndexDocuments.key(DocumentType.EVENT, e.id()));
			default -> {
			}
		}
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(OrganizationCreated e) {
		refresh(IndexDocuments.key(DocumentType.ORGANIZATION, e.id()));
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(OrganizationUpdated e) {
		refresh(IndexDocuments.key(DocumentType.ORGANIZATION, e.id()));
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(MembershipGranted e) {
		refresh(IndexDocuments.key(DocumentType.ORGANIZATION, e.organizationId()));
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(MembershipChanged e) {
		refresh(IndexDocuments.key(DocumentType.ORGANIZATION, e.organizationId()));
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(MinutesPublished e) {
		refresh(IndexDocuments.key(DocumentType.MINUTES, e.meetingId()));
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(MinutesWithdrawn e) {
		refresh(IndexDocuments.key(DocumentType.MINUTES, e.meetingId()));
	}

	/** A project, agreement, base or resource changed: its subject names which. */
	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(CollaborationChanged e) {
		Findables.ref(e.subject()).ifPresent(r -> refresh(IndexDocuments.key(DocumentType.valueOf(r.kind().name()), r.id())));
	}

	/** A demand or an achievement was posted or changed: its subject names which. */
	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(TransferEvents.Posted e) {
		TransferFindables.ref(e.subject())
			.ifPresent(r -> refresh(IndexDocuments.key(DocumentType.valueOf(r.kind().name()), r.id())));
	}

	/** A standard was proposed, moved on or published: its subject names which. */
	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(StandardsEvents.StandardChanged e) {
		StandardFindables.ref(e.subject()).ifPresent(id -> refresh(IndexDocuments.key(DocumentType.STANDARD, id)));
	}

	/**
	 * Appends the changed document's key to the change feed, from which every node's index (this one's included)
	 * re-reads it ({@link FeedFollower}). The event stays in the publication registry until the key is appended.
	 */
	private void refresh(String key) {
		feed.append(key);
	}

	/**
	 * An index that is empty while the database is not (a new index over an old database) is rebuilt once
	 * the application is ready. Whether it is needed is decided before start-up work such as the demo
	 * content runs: what that writes reaches the index through its own events, and must not be indexed twice.
	 */
	@Override
	public void afterSingletonsInstantiated() {
		// An index written with an older analysis (before bodies were segmented into words, before 醯 was folded)
		// does not meet the questions of today's: it is rebuilt, and searches use it until the new one is ready.
		rebuildOnReady = index.documents() == 0 ? documents.estimate() > 0
				: !index.hasField(Analyzers.BODY_WORDS) || !index.analysisIsCurrent() || lacksTransfers() || lacksStandards();
		// An index that was away while the feed was pruned past its position has missed changes.
		boolean missed = index.position() < feed.prunedThrough();
		rebuildOnReady = rebuildOnReady || missed;
		// without these the index answers wrongly (nothing, or without what it missed), not just in an older way
		mustRebuildBeforeSearching = missed || (index.documents() == 0 && rebuildOnReady);
	}

	/** Whether the index decided at start to be rebuilt cannot answer searches rightly before that rebuild ends. */
	private volatile boolean mustRebuildBeforeSearching;

	/**
	 * Whether a rebuild decided at start has yet to end because the index could not answer without it (it was empty,
	 * or missed pruned changes); a rebuild of an index written with an older analysis is not awaited, searches use
	 * the old one meanwhile.
	 */
	boolean rebuildPending() {
		return mustRebuildBeforeSearching && status.get().state() != Reindexing.State.DONE;
	}

	/** An index written before demands and achievements were indexed, over a database that holds some. */
	private boolean lacksTransfers() {
		int indexed = index.search(searcher -> {
			try {
				return searcher.count(new org.apache.lucene.search.TermQuery(
						new org.apache.lucene.index.Term(IndexDocuments.TYPE, DocumentType.DEMAND.name())))
						+ searcher.count(new org.apache.lucene.search.TermQuery(
								new org.apache.lucene.index.Term(IndexDocuments.TYPE, DocumentType.ACHIEVEMENT.name())));
			}
			catch (IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
		});
		return indexed == 0 && documents.transfers() > 0;
	}

	/** An index written before standards were indexed, over a database that holds some. */
	private boolean lacksStandards() {
		int indexed = index.search(searcher -> {
			try {
				return searcher.count(new org.apache.lucene.search.TermQuery(
						new org.apache.lucene.index.Term(IndexDocuments.TYPE, DocumentType.STANDARD.name())));
			}
			catch (IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
		});
		return indexed == 0 && documents.standards() > 0;
	}

	@EventListener(ApplicationReadyEvent.class)
	void rebuildWhenEmpty() {
		if (rebuildOnReady) {
			rebuild();
		}
	}

	@Override
	public synchronized Reindexing rebuild() {
		if (status.get().state() == Reindexing.State.RUNNING) {
			return status.get();
		}
		long total = documents.estimate();
		OffsetDateTime started = OffsetDateTime.now();
		status.set(new Reindexing(Reindexing.State.RUNNING, 0, total, started, null, null));
		executor.execute(() -> run(total, started));
		return status.get();
	}

	private void run(long total, OffsetDateTime started) {
		SearchIndex.Generation next = null;
		try {
			// The new generation is current to the feed as it stands before the database is read; changes from then on
			// are read again into it (reading a change twice does no harm).
			long head = feed.head();
			next = index.startRebuild();
			next.position(head);
			SearchIndex.Generation target = next;
			long done = documents.all((key, doc) -> target.writer.addDocument(doc),
					n -> status.set(new Reindexing(Reindexing.State.RUNNING, n, Math.max(total, n), started, null, null)));
			index.finishRebuild(next, touched -> {
				for (String key : touched) {
					try {
						target.writer.deleteDocuments(new org.apache.lucene.index.Term(SearchIndex.KEY, key));
						var doc = documents.load(key);
						if (doc.isPresent()) {
							target.writer.addDocument(doc.get());
						}
					}
					catch (IOException e) {
						throw new java.io.UncheckedIOException(e);
					}
				}
			});
			status.set(new Reindexing(Reindexing.State.DONE, done, done, started, OffsetDateTime.now(), null));
			log.info("Search index rebuilt: {} records read, {} documents", done, index.documents());
		}
		catch (Exception e) {
			log.error("Rebuilding the search index failed; searches keep using the previous index", e);
			if (next != null) {
				index.abandonRebuild(next);
			}
			status.set(new Reindexing(Reindexing.State.FAILED, status.get().done(), total, started,
					OffsetDateTime.now(), e.getMessage()));
		}
	}

	@Override
	public Reindexing status() {
		return status.get();
	}

	@Override
	public int documents() {
		return index.documents();
	}
}
