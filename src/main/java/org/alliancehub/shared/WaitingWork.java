package org.alliancehub.shared;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The work waiting for a user, told by the module that holds the records: the extension point the workbench
 * (工作台) and the notifications read. Each module declares one bean; it answers for all the alliances a user
 * serves and all the organisations it represents at once, in one or a few statements, never one per alliance.
 */
public interface WaitingWork {

	/**
	 * Whom the work is for: the user, the alliances it serves as secretariat and the organisations it acts for
	 * (as their representative).
	 */
	record Scope(long userId, Set<Long> allianceIds, Set<Long> organizationIds) {

		public boolean isEmpty() {
			return allianceIds.isEmpty() && organizationIds.isEmpty();
		}
	}

	/**
	 * One piece of waiting work.
	 *
	 * @param ref a stable name of this piece of work (e.g. {@code survey.answer:12:34}): the same work keeps it,
	 * so a notification is made of it once
	 * @param kind the module it comes from ({@code survey}, {@code governance} …): what a user chooses to receive
	 * by e-mail
	 * @param allianceId the alliance it is about
	 * @param label the message key of its text ({@code work.<…>}), with {@code args} filling it in
	 * @param url where it is done; {@code {slug}} stands for the alliance's URL name
	 * @param due its deadline or date, if it has one
	 */
	record Item(String ref, String kind, long allianceId, String label, List<String> args, String url,
			@Nullable Instant due) {
	}

	/** The kinds of work this module tells of (the {@code kind} of its items). */
	String kind();

	/** The work waiting for this scope. */
	List<Item> waiting(Scope scope);
}
