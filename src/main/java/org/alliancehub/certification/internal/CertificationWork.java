package org.alliancehub.certification.internal;

import java.util.ArrayList;
import java.util.List;

import org.alliancehub.shared.WaitingWork;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The certificates' waiting work: a secretariat's certificates that expire within 60 days and are neither suspended nor revoked. One statement. */
@Component
class CertificationWork implements WaitingWork {

	private final JdbcClient jdbc;

	CertificationWork(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String kind() {
		return "certification";
	}

	@Override
	public List<Item> waiting(Scope scope) {
		List<Item> items = new ArrayList<>();
		if (scope.allianceIds().isEmpty()) {
			return items;
		}
		jdbc.sql("""
				select c.id, c.alliance_id, c.number, c.holder_name, c.valid_until
				from certification_certificate c
				where c.alliance_id = any(?) and c.valid_until >= current_date and c.valid_until < current_date + 60
				  and coalesce((select s.status from certification_status_change s where s.certificate_id = c.id
				                order by s.seq desc limit 1), 'VALID') = 'VALID'""")
			.param(scope.allianceIds().toArray(Long[]::new))
			.query((rs, i) -> new Item("certificate.expiring:" + rs.getLong(1), kind(), rs.getLong(2),
					"work.certificate.expiring", List.of(rs.getString(3), rs.getString(4)),
					"/admin/a/{slug}/certificates", rs.getDate(5).toLocalDate().atStartOfDay(java.time.ZoneOffset.ofHours(8)).toInstant()))
			.list()
			.forEach(items::add);
		return items;
	}
}
