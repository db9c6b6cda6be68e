package org.alliancehub.web.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of change the code publishes ({@code DomainEvent.action()}) is classified for the page cache: an action
 * missing from {@link PageSections#ACTIONS} would drop every page of its alliance and the network's, so the next
 * engineer who adds one must decide what it changes on public pages.
 */
class PageSectionsTests {

	private static final Path MAIN = Path.of("src/main/java");

	/** A literal that looks like an action: {@code article.created}, {@code survey.response.submitted}. */
	private static final Pattern ACTION = Pattern.compile("\"([a-z]+(?:-[a-z]+)*(?:\\.[a-z]+(?:-[a-z]+)*)+)\"");

	/** An action built from a literal prefix: {@code "standard." + stage}, {@code "standard.approval-" + outcome}. */
	private static final Pattern PREFIX = Pattern.compile("\"([a-z]+(?:-[a-z]+)*\\.[a-z.-]*)\"\\s*\\+");

	/** A literal passed first to an event's constructor or to a module's helper that publishes one. */
	private static final Pattern PASSED = Pattern.compile(
			"(?:new\\s+(?:\\w+\\.)*(?:StandardChanged|CollaborationChanged|FundingChanged|Posted)|\\b(?:changed|touched))\\(\\s*\"([^\"]+)\"");

	/** The kind of {@code ContentChanged}, whose action is {@code <kind>.changed}. */
	private static final Pattern CONTENT_KIND = Pattern.compile("new\\s+(?:\\w+\\.)*ContentChanged\\(\\s*\"([a-z-]+)\"");

	@Test
	void everyActionTheCodePublishesIsClassified() {
		Set<String> actions = actions();
		// the collection itself works: one of each way an action is named
		assertThat(actions).contains("article.created", "user.disabled", "survey.response.submitted", "briefing.changed",
				"standard.proposed", "standard.", "standard.approval-", "project.proposed", "funding.plan-created",
				"demand.posted", "resource.offered", "application.approved");
		List<String> unclassified = actions.stream().filter(a -> PageSections.classified(a) == null).toList();
		assertThat(unclassified)
			.as("actions the page cache does not know: add each to PageSections.ACTIONS with the sections of public pages it changes")
			.isEmpty();
	}

	@Test
	void anUnknownActionOrRouteDropsEverythingRatherThanNothing() {
		assertThat(PageSections.ofAction("something.new")).isEqualTo(PageSections.EVERYTHING);
		assertThat(PageSections.ofRoute("/a/{slug}/something-new")).isEqualTo(PageSections.EVERYTHING);
		assertThat(PageSections.ofRoute(null)).isEqualTo(PageSections.EVERYTHING);
		assertThat(PageSections.ofAction("standard.comment")).containsExactly(PageSections.STANDARDS);
		assertThat(PageSections.ofAction("user.created")).isEmpty();
	}

	@Test
	void everySectionAChangeNamesIsShownBySomeRoute() {
		Set<String> shown = new TreeSet<>();
		PageSections.ROUTES.values().forEach(shown::addAll);
		Set<String> changed = new TreeSet<>();
		PageSections.ACTIONS.values().forEach(changed::addAll);
		changed.remove("*");
		assertThat(shown).containsAll(changed);
	}

	/** The actions named in the main sources, as they are named (a trailing dot for a family built at run time). */
	static Set<String> actions() {
		Set<String> actions = new TreeSet<>();
		for (Path file : sources()) {
			String code = read(file);
			if (code.contains("implements DomainEvent")) {
				// the event classes: what action() returns, literally or from an enum's constants
				Matcher m = ACTION.matcher(code);
				while (m.find()) {
					actions.add(m.group(1));
				}
			}
			if (!code.contains("publishEvent")) {
				continue;
			}
			Matcher passed = PASSED.matcher(code);
			while (passed.find()) {
				actions.add(passed.group(1));
			}
			Matcher kind = CONTENT_KIND.matcher(code);
			while (kind.find()) {
				actions.add(kind.group(1) + ".changed");
			}
			Matcher prefix = PREFIX.matcher(code);
			while (prefix.find()) {
				String p = prefix.group(1);
				int at = code.lastIndexOf('\n', prefix.start());
				String line = code.substring(at + 1, code.indexOf('\n', prefix.start()));
				if (line.contains("changed(") || line.contains("Changed(") || line.contains("Posted(")) {
					actions.add(p);
				}
			}
		}
		// literals that are not actions (summaries, file names) have spaces or capitals, and none has a dot at the end
		// except the families; the event classes also name their subjects ("user:" …), which the pattern leaves out
		return actions;
	}

	private static List<Path> sources() {
		try (Stream<Path> files = Files.walk(MAIN)) {
			return new ArrayList<>(files.filter(p -> p.toString().endsWith(".java")).toList());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
