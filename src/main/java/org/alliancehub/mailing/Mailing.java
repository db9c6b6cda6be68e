package org.alliancehub.mailing;

import java.time.OffsetDateTime;

/** A mailing of one briefing issue and how far it has come: {@code total} recipients, {@code sent}, {@code failed}. */
public record Mailing(long id, long allianceId, long briefingId, int issueNumber, String title, OffsetDateTime createdAt,
		long total, long sent, long failed, long pending) {

	public boolean done() {
		return pending == 0;
	}
}
