package org.alliancehub.content;

import java.time.LocalDate;

/** One numbered issue of an alliance's briefing (简报 第143期). */
public record Briefing(long id, long allianceId, int issueNumber, String title, LocalDate publishedOn, String body,
		long version) {
}
