package org.alliancehub.governance.web;

import java.time.OffsetDateTime;

import org.alliancehub.content.Visibility;
import org.alliancehub.governance.internal.ResultPublication;
import org.jspecify.annotations.Nullable;

/** To whom a motion's result was published and when, as the meeting desk shows it. */
public record PublishedResult(Visibility visibility, @Nullable OffsetDateTime publishedAt) {

	static PublishedResult of(ResultPublication p) {
		return new PublishedResult(p.visibility(), p.publishedAt());
	}
}
