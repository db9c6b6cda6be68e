package org.alliancehub.governance;

import java.time.OffsetDateTime;

import org.alliancehub.content.Visibility;
import org.jspecify.annotations.Nullable;

/** Published minutes with the meeting's resolution, as the alliance's site and the search index show them. */
public record PublishedMinutes(long meetingId, long allianceId, String alliance, String meetingTitle,
		OffsetDateTime startsAt, OffsetDateTime publishedAt, Visibility visibility, String body,
		@Nullable String resolution) {

	/** Shown to members only: lists mark it. */
	public boolean membersOnly() {
		return visibility == Visibility.MEMBERS;
	}

	/** 第二届第三次理事会纪要. */
	public String title() {
		return meetingTitle + "纪要";
	}

	public String url() {
		return "/a/" + alliance + "/meetings/" + meetingId;
	}
}
