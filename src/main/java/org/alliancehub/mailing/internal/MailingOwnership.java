package org.alliancehub.mailing.internal;

import org.alliancehub.identity.OwnedObjects;
import org.alliancehub.identity.Owner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A mailing belongs to its alliance and is seen and managed by its secretariat only. */
@Configuration(proxyBeanMethods = false)
class MailingOwnership {

	@Bean
	OwnedObjects mailingOwners(JdbcClient jdbc) {
		return OwnedObjects.of("mailing", id -> jdbc.sql("select alliance_id from mailing where id = ?")
			.param(id)
			.query(Long.class)
			.optional()
			.map(Owner::secretariat));
	}
}
