package org.alliancehub.collaboration;

import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One project, agreement, demonstration base or shared resource as the site search indexes it: its title, the text
 * it is found by, the alliances it belongs to (the owner first), whether only the owning alliance's members read it,
 * and the page that shows it. Participants-only projects are never findable.
 */
public record Findable(Kind kind, long id, long allianceId, List<Long> alliances, String title, String body,
		List<String> keywords, boolean membersOnly, @Nullable OffsetDateTime date, String url) {

	public enum Kind {
		PROJECT, AGREEMENT, BASE, RESOURCE
	}
}
