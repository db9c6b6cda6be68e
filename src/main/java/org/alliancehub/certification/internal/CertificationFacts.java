package org.alliancehub.certification.internal;

import org.alliancehub.shared.CountedFacts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Certification's share of an alliance's year: certificates issued (by their day of issue). One grouped
 * statement, whatever the number of alliances.
 */
@Component
class CertificationFacts extends CountedFacts {

	CertificationFacts(JdbcClient jdbc) {
		super(jdbc, "certificates.issued", "/admin/a/{slug}/certificates", """
				select alliance_id, count(*) from certification_certificate
				where alliance_id = any(?) and issued_on >= ? and issued_on < ?
				group by alliance_id""");
	}
}
