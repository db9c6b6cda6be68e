package org.alliancehub.content.web;

import org.alliancehub.content.ArticleStatus;
import org.alliancehub.content.ContentEvents;
import org.alliancehub.content.Visibility;
import org.alliancehub.shared.DomainEvent;
import org.alliancehub.web.PublicChanges;
import org.springframework.stereotype.Component;

/**
 * An article created as a draft, or not for the public, shows on no public page, so the page cache keeps the article
 * pages (a saved article may have been public before, so a change of one always counts).
 */
@Component
class ArticleChanges implements PublicChanges {

	@Override
	public boolean shows(DomainEvent event) {
		return !(event instanceof ContentEvents.ArticleSaved saved && saved.created()
				&& (saved.status() != ArticleStatus.PUBLISHED || saved.visibility() != Visibility.PUBLIC));
	}
}
