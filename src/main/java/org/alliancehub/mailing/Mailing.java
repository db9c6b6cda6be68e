package org.alliancehub.mailing;

import java.time.OffsetDateTime;

/**
 * A mailing of one briefing issue and how far it has come: {@code total} recipients, {@code sent}, {@code failed},
 * {@code pending}; {@code unconfirmed} counts those among {@code sent} whose acceptance by the mail server was never
 * recorded (committed SENT before the final dot, no reply recorded: a crash there, or a mail still in flight).
 */
public record Mailing(long id, long allianceId, long briefingId, int issueNumber, String title, OffsetDateTime createdAt,
		long total, long sent, long failed, long pending, long unconfirmed) {

	public boolean done() {
		return pending == 0;
	}
}
