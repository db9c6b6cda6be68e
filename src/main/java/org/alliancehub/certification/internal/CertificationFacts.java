package org.alliancehub.certification.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.alliancehub.shared.ActivityFacts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Certification's share of an alliance's year: certificates issued (by their day of issue). One grouped
 * statement, whatever the number of alliances.
 */
@Component
class CertificationFacts implements ActivityFacts {

	private static final String SOURCE = "/admin/a/{slug}/certificates";

	private final JdbcClient jdbc;

	CertificationFacts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<Kind> kinds() {
		return List.of(new Kind("certificates.issued", SOURCE));
	}

	@Override
	public List<Fact> facts(Collection<Long> allianceIds, LocalDate from, LocalDate to) {
		if (allianceIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				select alliance_id, count(*) from certification_certificate
				where alliance_id = any(?) and issued_on >= ? and issued_on < ?
				group by alliance_id""")
			.params(allianceIds.toArray(Long[]::new), Date.valueOf(from), Date.valueOf(to))
			.query((rs, i) -> new Fact(rs.getLong(1), "certificates.issued", rs.getLong(2), SOURCE))
			.list();
	}
}
