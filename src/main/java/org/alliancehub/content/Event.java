package org.alliancehub.content;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** An exhibition or conference (展览会议). */
public record Event(long id, long allianceId, String title, LocalDate startsOn, @Nullable LocalDate endsOn,
		@Nullable String location, @Nullable String description) {
}
