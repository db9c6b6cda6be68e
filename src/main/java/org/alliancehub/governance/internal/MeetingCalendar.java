package org.alliancehub.governance.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.alliancehub.governance.GovernanceTypes.MeetingMode;
import org.alliancehub.governance.MeetingView;
import org.jspecify.annotations.Nullable;

/**
 * A meeting as an iCalendar (RFC 5545) request, built with iCal4j, which writes and escapes the properties.
 * Lines are folded here at 75 octets of UTF-8 as RFC 5545 section 3.1 asks: iCal4j folds at 75 characters,
 * and a Chinese character takes three octets.
 */
final class MeetingCalendar {

	/** At most this many octets on a line, the line break not counted. */
	static final int FOLD_OCTETS = 75;

	private MeetingCalendar() {
	}

	static String of(MeetingView m) {
		Instant start = m.startsAt().toInstant();
		VEvent event = new VEvent(start, start.plus(Duration.ofHours(2)), text(m.title()));
		event.add(new Uid("meeting-" + m.id() + "@alliancehub"));
		if (m.location() != null) {
			event.add(new Location(text(m.location())));
		}
		URI online = m.mode() != MeetingMode.ONSITE && m.onlineUrl() != null ? uri(m.onlineUrl()) : null;
		if (online != null) {
			event.add(new Url(online));
		}
		Calendar calendar = new Calendar();
		calendar.add(new ProdId("-//AllianceHub//Meetings//ZH"));
		calendar.add(ImmutableVersion.VERSION_2_0);
		calendar.add(ImmutableMethod.REQUEST);
		calendar.add(event);
		// iCal4j writes each property on one line (with CRLF); the folding is ours
		return fold(calendar.toString());
	}

	/**
	 * The meeting's link as a URI: characters a URI may not hold (quotes, angle brackets, spaces, Chinese)
	 * percent-encoded as UTF-8, so that whatever the secretariat typed stays one URL value; null if it still
	 * is no URI.
	 */
	static @Nullable URI uri(String link) {
		StringBuilder b = new StringBuilder();
		for (byte octet : link.strip().getBytes(StandardCharsets.UTF_8)) {
			int c = octet & 0xff;
			if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~:/?#[]@!$&'()*+,;=%".indexOf(c) >= 0)) {
				b.append((char) c);
			}
			else {
				b.append('%').append(String.format("%02X", c));
			}
		}
		try {
			return new URI(b.toString());
		}
		catch (URISyntaxException e) {
			return null;
		}
	}

	/**
	 * A TEXT value as iCal4j should escape it: every line break (CR, LF or both) one {@code \n}, so that no
	 * value starts a property of its own, and no other control character.
	 */
	private static String text(String s) {
		return s.replaceAll("\r\n|\r", "\n").replaceAll("[\\p{Cntrl}&&[^\t\n]]", "");
	}

	/**
	 * Folds every content line longer than {@link #FOLD_OCTETS} octets of UTF-8: a CRLF and a space go before
	 * the character that would pass the limit (the space counts on the continued line); a character is never
	 * cut in two.
	 */
	static String fold(String unfolded) {
		StringBuilder out = new StringBuilder(unfolded.length() + unfolded.length() / 20);
		for (String line : unfolded.split("\r\n", -1)) {
			if (out.length() > 0) {
				out.append("\r\n");
			}
			int octets = 0;
			for (int i = 0; i < line.length();) {
				int cp = line.codePointAt(i);
				int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
				if (octets + size > FOLD_OCTETS) {
					out.append("\r\n ");
					octets = 1;
				}
				out.appendCodePoint(cp);
				octets += size;
				i += Character.charCount(cp);
			}
		}
		return out.toString();
	}
}
