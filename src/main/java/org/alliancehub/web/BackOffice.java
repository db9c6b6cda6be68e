package org.alliancehub.web;

import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The back office's navigation, made of the entries every module contributes ({@link BackOfficeEntries}). */
@Component
public class BackOffice {

	private final List<BackOfficeEntries> contributors;

	BackOffice(List<BackOfficeEntries> contributors) {
		this.contributors = contributors;
	}

	/**
	 * The navigation of a back-office page, about {@code alliance} when the page manages one: only pages under
	 * {@code /admin/a/{slug}/} name it, and each of their handlers requires that the user manages it.
	 */
	public Nav nav(@Nullable Site alliance) {
		return new Nav(alliance, alliance == null ? List.of() : collect(alliance), collect(null));
	}

	private List<BackOfficeEntry> collect(@Nullable Site alliance) {
		return contributors.stream()
			.flatMap(c -> c.entries(alliance).stream())
			.sorted(Comparator.comparingInt(BackOfficeEntry::order))
			.toList();
	}

	/** What the layout shows: the alliance's entries under its name, then the general ones. */
	public record Nav(@Nullable Site alliance, List<BackOfficeEntry> forAlliance, List<BackOfficeEntry> general) {
	}
}
