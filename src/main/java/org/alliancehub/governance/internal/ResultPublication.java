package org.alliancehub.governance.internal;

import java.time.OffsetDateTime;

import org.alliancehub.content.Visibility;
import org.jspecify.annotations.Nullable;

/** To whom a closed motion's result was published, and when, as the meeting desk shows it. */
public record ResultPublication(Visibility visibility, @Nullable OffsetDateTime publishedAt) {
}
