package org.alliancehub.content.web;

import org.alliancehub.content.ContentEvents;
import org.alliancehub.shared.DomainEvent;
import org.alliancehub.web.PublicChanges;
import org.springframework.stereotype.Component;

/**
 * An article that neither was nor is published for the public shows on no public page (a draft saved again and again,
 * a members-only article), so the page cache keeps the alliance's pages; one that was public before the change or is
 * now counts.
 */
@Component
class ArticleChanges implements PublicChanges {

	@Override
	public boolean shows(DomainEvent event) {
		return !(event instanceof ContentEvents.ArticleSaved saved && !saved.wasPublic() && !saved.publicNow());
	}
}
