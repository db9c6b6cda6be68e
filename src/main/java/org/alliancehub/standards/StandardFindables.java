package org.alliancehub.standards;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.alliancehub.network.Alliances;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What the site search indexes of the standards (every standard is public): one standard by the subject its
 * {@link StandardsEvents.StandardChanged} event names ({@code standard:12}), and all of them for a rebuild.
 */
@Service
public class StandardFindables {

	/** A standard as the search indexes it: its number and title, its scope and reasons, its page. */
	public record Findable(long id, long allianceId, String title, String body, List<String> keywords,
			OffsetDateTime date, String url) {
	}

	private final JdbcClient jdbc;

	private final Alliances alliances;

	StandardFindables(JdbcClient jdbc, Alliances alliances) {
		this.jdbc = jdbc;
		this.alliances = alliances;
	}

	/** The standard's id an event's subject names, or empty for other subjects. */
	public static Optional<Long> ref(String subject) {
		if (!subject.startsWith("standard:")) {
			return Optional.empty();
		}
		try {
			return Optional.of(Long.parseLong(subject.substring("standard:".length())));
		}
		catch (NumberFormatException e) {
			return Optional.empty();
		}
	}

	/** The standard as search should index it now, or empty when there is none. */
	public Optional<Findable> find(long id) {
		record Row(long allianceId, String title, String scope, String reasons, @Nullable String number, String stage,
				OffsetDateTime updated) {
		}
		return jdbc.sql("select alliance_id, title, scope, reasons, number, stage, updated_at from standards_standard where id = ?")
			.param(id)
			.query((rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
					rs.getString(6), rs.getObject(7, OffsetDateTime.class)))
			.optional()
			.map(r -> {
				List<String> keywords = new ArrayList<>();
				if (r.number() != null) {
					keywords.add(r.number());
					keywords.add(r.number().replace('—', '-'));
				}
				String title = r.number() == null ? r.title() : r.number() + " " + r.title();
				return new Findable(id, r.allianceId(), title,
						r.scope() + " " + r.reasons() + (r.number() == null ? "" : " " + r.number().replace('—', '-')),
						keywords, r.updated(), "/a/" + alliances.get(r.allianceId()).slug() + "/standards/" + id);
			});
	}

	/** The ids after {@code after}, in order: for a rebuild in batches. */
	public List<Long> idsAfter(long after, int limit) {
		return jdbc.sql("select id from standards_standard where id > ? order by id limit ?")
			.params(after, limit)
			.query(Long.class)
			.list();
	}

	public long count() {
		return jdbc.sql("select count(*) from standards_standard").query(Long.class).single();
	}
}
