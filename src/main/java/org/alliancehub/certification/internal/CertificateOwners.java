package org.alliancehub.certification.internal;

import org.alliancehub.identity.OwnedObjects;
import org.alliancehub.identity.Owner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Who owns a certificate, for {@code @access.canManage('certificate', id)}: the issuing alliance; everyone reads it
 * (a certificate exists to be verified by anyone).
 */
@Configuration(proxyBeanMethods = false)
class CertificateOwners {

	@Bean
	OwnedObjects certificateOwnership(JdbcClient jdbc) {
		return OwnedObjects.of("certificate", id -> jdbc.sql("select alliance_id from certification_certificate where id = ?")
			.param(id)
			.query(Long.class)
			.optional()
			.map(Owner::publicly));
	}
}
