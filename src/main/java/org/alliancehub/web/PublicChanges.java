package org.alliancehub.web;

import org.alliancehub.shared.DomainEvent;

/**
 * A module's word on whether one of its changes can show on a page an anonymous visitor sees, where the change's
 * action alone cannot say: an article created as a draft, or for members only, shows on no public page, although
 * {@code article.created} in general does. The page cache asks every such bean after a change commits and keeps its
 * pages when one of them says no. At most one bean per module, in its {@code web} package; it answers only for its
 * own events, and true when unsure.
 */
public interface PublicChanges {

	/** False when this change shows on no public page; true otherwise, and for the changes of other modules. */
	boolean shows(DomainEvent event);
}
