package org.alliancehub.standards.internal;

import org.alliancehub.shared.CountedFacts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The standards module's share of an alliance's year: group standards published (by the day they were
 * issued; later amended or revised ones still count, withdrawn ones do not). One grouped statement, whatever
 * the number of alliances.
 */
@Component
class StandardsFacts extends CountedFacts {

	StandardsFacts(JdbcClient jdbc) {
		super(jdbc, "standards.published", "/a/{slug}/standards", """
				select alliance_id, count(*) from standards_standard
				where alliance_id = any(?) and stage in ('PUBLISHED', 'AMENDED', 'REVISED') and issued_on >= ? and issued_on < ?
				group by alliance_id""");
	}
}
