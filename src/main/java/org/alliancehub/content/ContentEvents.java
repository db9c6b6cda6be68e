package org.alliancehub.content;

import org.alliancehub.shared.DomainEvent;

/** What happens to content; search indexing and the page cache react to these. */
public final class ContentEvents {

	private ContentEvents() {
	}

	/**
	 * An article was created or changed, in any status; listeners read it again to see what it is now.
	 * {@code wasPublic} tells whether, before the change, it was published for the public (false for a new one).
	 */
	public record ArticleSaved(long id, Long allianceId, String title, ArticleStatus status, Visibility visibility,
			boolean created, boolean wasPublic) implements DomainEvent {

		/** Whether it is now published for the public. */
		public boolean publicNow() {
			return status == ArticleStatus.PUBLISHED && visibility == Visibility.PUBLIC;
		}

		public String action() {
			return created ? "article.created" : "article.updated";
		}

		public String subject() {
			return "article:" + id;
		}

		public String summary() {
			return (created ? "created " : "updated ") + status + " " + visibility + " article «" + title + "»";
		}
	}

	public record ArticleDeleted(long id, Long allianceId, String title) implements DomainEvent {

		public String action() {
			return "article.deleted";
		}

		public String subject() {
			return "article:" + id;
		}

		public String summary() {
			return "deleted article «" + title + "»";
		}
	}

	/** A briefing, link, event or attachment changed. */
	public record ContentChanged(String kind, long id, Long allianceId, String summary) implements DomainEvent {

		public String action() {
			return kind + ".changed";
		}

		public String subject() {
			return kind + ":" + id;
		}
	}
}
