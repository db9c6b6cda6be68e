package org.alliancehub.shared;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/**
 * What alliances did in a period, told by the module that holds the records: the one extension point the
 * annual reports and the activity score read, so that neither reaches into another module's tables. Each
 * module declares one bean; it answers the facts of many alliances at once in a bounded number of statements
 * (one or a few grouped queries, never one per alliance).
 */
public interface ActivityFacts {

	/**
	 * One figure of one alliance.
	 *
	 * @param allianceId the alliance it is about
	 * @param key the indicator, e.g. {@code meetings.held} (its label is the message {@code activity.fact.<key>})
	 * @param value a count, or a percentage for rates
	 * @param source the page or list the figure comes from, with {@code {slug}} standing for the alliance's
	 * URL name (e.g. {@code /a/{slug}/meetings})
	 */
	record Fact(long allianceId, String key, long value, String source) {
	}

	/** A figure this module answers: its key and the page it comes from ({@code {slug}} for the alliance). */
	record Kind(String key, String source) {
	}

	/** The figures this module answers, in the order they are shown (also those that are 0 this time). */
	List<Kind> kinds();

	/** The facts of these alliances for the days {@code from} (inclusive) to {@code to} (exclusive). */
	List<Fact> facts(Collection<Long> allianceIds, LocalDate from, LocalDate to);
}
