package org.alliancehub.audit;

import java.time.OffsetDateTime;
import java.util.List;

import org.alliancehub.shared.DomainEvent;
import org.alliancehub.shared.PageResult;
import org.alliancehub.shared.Paging;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * Who did what, when. Every domain event is written down in the same transaction as the change it
 * reports, so a change without its audit entry cannot happen.
 */
@Service
public class AuditLog {

	private final JdbcClient jdbc;

	AuditLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public record Entry(long id, OffsetDateTime at, String actor, String action, @Nullable Long allianceId,
			String subject, String summary) {
	}

	@EventListener
	void record(DomainEvent event) {
		jdbc.sql("insert into audit_entry (actor, action, alliance_id, subject, summary) values (?, ?, ?, ?, ?)")
			.params(actor(), event.action(), event.allianceId(), event.subject(), event.summary())
			.update();
	}

	/** Entries newest first; limited to some alliances, or all of them when {@code allianceIds} is null. */
	public PageResult<Entry> entries(@Nullable List<Long> allianceIds, Paging paging) {
		String where = allianceIds == null ? "" : " where alliance_id = any(?)";
		Object[] filter = allianceIds == null ? new Object[0] : new Object[] { allianceIds.toArray(Long[]::new) };
		long total = jdbc.sql("select count(*) from audit_entry" + where).params(filter).query(Long.class).single();
		List<Object> params = new java.util.ArrayList<>(List.of(filter));
		params.add(paging.size());
		params.add(paging.offset());
		List<Entry> items = jdbc
			.sql("select id, at, actor, action, alliance_id, subject, summary from audit_entry" + where
					+ " order by at desc, id desc limit ? offset ?")
			.params(params)
			.query((rs, i) -> new Entry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3),
					rs.getString(4), (Long) rs.getObject(5), rs.getString(6), rs.getString(7)))
			.list();
		return new PageResult<>(items, paging.page(), paging.size(), total);
	}

	private static String actor() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated()) {
			return "system";
		}
		return auth.getName();
	}
}
