package org.alliancehub.notification;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One line of the workbench, ready for a template: the alliance it is about, the message key of its text and
 * the arguments, the address where it is done, and its deadline ({@code dueText} formatted in China time).
 */
public record WorkLine(String ref, String kind, String alliance, String label, List<String> args, String url,
		@Nullable Instant due, @Nullable String dueText, boolean overdue) {

	/** The arguments as the message formatter takes them. */
	public Object[] arguments() {
		return args.toArray();
	}
}
