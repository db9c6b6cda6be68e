package org.alliancehub.content.internal;

import java.util.Optional;

import org.alliancehub.content.ArticleStatus;
import org.alliancehub.content.Articles;
import org.alliancehub.content.Visibility;
import org.alliancehub.identity.OwnedObjects;
import org.alliancehub.identity.Owner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The owners of the content objects served by id, for the one access rule ({@code @access.canRead('article', #id)}):
 * an article belongs to its alliance and is read by its secretariat only while a draft, by the alliance's
 * members when members-only, by anyone otherwise; an attachment is read by whoever reads its article; links,
 * events and briefings are public and managed by their alliance's secretariat.
 */
@Configuration(proxyBeanMethods = false)
class ContentOwners {

	/** From the article's row as {@link Articles} keeps it in memory (the access rule asks on every article page). */
	@Bean
	OwnedObjects articleOwners(org.springframework.beans.factory.ObjectProvider<Articles> articles) {
		return OwnedObjects.of("article", id -> articles.getObject().ownerOf(id));
	}

	@Bean
	OwnedObjects attachmentOwners(JdbcClient jdbc) {
		return OwnedObjects.of("attachment", id -> jdbc.sql("""
				select a.alliance_id, a.status, a.visibility from attachment f join article a on a.id = f.article_id
				where f.id = ?""")
			.param(id)
			.query((rs, i) -> article(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.optional());
	}

	@Bean
	OwnedObjects linkOwners(JdbcClient jdbc) {
		return publicRows("link", "link", jdbc);
	}

	@Bean
	OwnedObjects eventOwners(JdbcClient jdbc) {
		return publicRows("event", "event", jdbc);
	}

	@Bean
	OwnedObjects briefingOwners(JdbcClient jdbc) {
		return publicRows("briefing", "briefing", jdbc);
	}

	private static Owner article(long allianceId, String status, String visibility) {
		return Articles.owner(allianceId, ArticleStatus.valueOf(status), Visibility.valueOf(visibility));
	}

	private static OwnedObjects publicRows(String kind, String table, JdbcClient jdbc) {
		return OwnedObjects.of(kind, id -> jdbc.sql("select alliance_id from " + table + " where id = ?")
			.param(id)
			.query(Long.class)
			.optional()
			.map(Owner::publicly));
	}

}
