package org.alliancehub.governance;

import java.time.OffsetDateTime;

import org.alliancehub.content.Visibility;
import org.jspecify.annotations.Nullable;

/** A meeting's minutes as the secretariat works on them; {@code body} is sanitised HTML. */
public record MinutesView(long meetingId, String alliance, String meetingTitle, String body, MinutesStatus status,
		Visibility visibility, String writtenBy, @Nullable String approvedBy, @Nullable OffsetDateTime approvedAt,
		@Nullable OffsetDateTime publishedAt, long version, OffsetDateTime updatedAt) {
}
