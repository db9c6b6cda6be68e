package org.alliancehub.transfer;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.alliancehub.membership.Organizations;
import org.alliancehub.network.Alliances;
import org.alliancehub.shared.Regions;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What the site search indexes of technology transfer, read without regard to the caller (the search filters
 * members-only ones itself): one demand or achievement by the subject its {@link TransferEvents.Posted} event
 * names ({@code demand:12}, {@code achievement:3}), and all of them for a rebuild.
 */
@Service
public class TransferFindables {

	public enum Kind {
		DEMAND, ACHIEVEMENT;

		String table() {
			return this == DEMAND ? "transfer_demand" : "transfer_achievement";
		}

		String path() {
			return this == DEMAND ? "demands" : "achievements";
		}
	}

	/**
	 * A demand or achievement as the search indexes it: members-only ones are read by the owning alliance's members
	 * and by the organisation that posted it ({@code organizationId}).
	 */
	public record Findable(Kind kind, long id, long allianceId, long organizationId, String title, String body,
			List<String> keywords, boolean membersOnly, OffsetDateTime date, String url) {
	}

	public record Ref(Kind kind, long id) {
	}

	private final JdbcClient jdbc;

	private final Alliances alliances;

	private final Organizations organizations;

	private final MessageSource messages;

	TransferFindables(JdbcClient jdbc, Alliances alliances, Organizations organizations, MessageSource messages) {
		this.jdbc = jdbc;
		this.alliances = alliances;
		this.organizations = organizations;
		this.messages = messages;
	}

	/** The kind and id an event's subject names, or empty for subjects search does not index. */
	public static Optional<Ref> ref(String subject) {
		int colon = subject.indexOf(':');
		if (colon < 0) {
			return Optional.empty();
		}
		Kind kind = switch (subject.substring(0, colon)) {
			case "demand" -> Kind.DEMAND;
			case "achievement" -> Kind.ACHIEVEMENT;
			default -> null;
		};
		try {
			return kind == null ? Optional.empty() : Optional.of(new Ref(kind, Long.parseLong(subject.substring(colon + 1))));
		}
		catch (NumberFormatException e) {
			return Optional.empty();
		}
	}

	/** The object as search should index it now, or empty when it is gone. */
	public Optional<Findable> find(Kind kind, long id) {
		record Row(long allianceId, long org, String title, String description, String field, String region,
				String visibility, OffsetDateTime created) {
		}
		return jdbc.sql("select alliance_id, organization_id, title, description, field, region, visibility, created_at from "
				+ kind.table() + " where id = ?")
			.param(id)
			.query((rs, i) -> new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
					rs.getString(6), rs.getString(7), rs.getObject(8, OffsetDateTime.class)))
			.optional()
			.map(r -> {
				String organization = organizations.names(List.of(r.org())).getOrDefault(r.org(), "");
				String field = messages.getMessage("enum.Field." + r.field(), null, r.field(), Locale.SIMPLIFIED_CHINESE);
				String region = Regions.china().find(r.region()).map(Regions.Region::name).orElse("");
				String body = r.description() + " " + field + " " + region + " " + organization;
				return new Findable(kind, id, r.allianceId(), r.org(), r.title(), body, List.of(organization, field),
						"MEMBERS".equals(r.visibility()), r.created(),
						"/a/" + alliances.get(r.allianceId()).slug() + "/" + kind.path() + "/" + id);
			});
	}

	/** The ids of a kind after {@code after}, in order: for a rebuild in batches. */
	public List<Long> idsAfter(Kind kind, long after, int limit) {
		return jdbc.sql("select id from " + kind.table() + " where id > ? order by id limit ?")
			.params(after, limit)
			.query(Long.class)
			.list();
	}

	/** How many demands and achievements there are, for a rebuild's progress. */
	public long count() {
		return jdbc.sql("select (select count(*) from transfer_demand) + (select count(*) from transfer_achievement)")
			.query(Long.class)
			.single();
	}
}
