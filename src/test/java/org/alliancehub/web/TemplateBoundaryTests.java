package org.alliancehub.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaParameter;
import com.tngtech.archunit.core.importer.ClassFileImporter;

/**
 * Templates receive view records built for them: no module's internals, no domain entities such as
 * {@code network.Alliance} (pages get {@code web.Site}), booleans on the view record instead of comparing an
 * enum's name, and the CSRF token from the one shared tag ({@code tag/csrf.jte}; multipart forms use
 * {@code ctx.csrfQuery()}). The source of every
 * template is scanned, and the generated template classes are part of the boundary check too.
 */
class TemplateBoundaryTests {

	private static final Path TEMPLATES = Path.of("src/main/jte");

	/** A module's internals, by any name (import, parameter type or inline code). */
	private static final Pattern INTERNAL = Pattern.compile("org\\.alliancehub\\.\\w+\\.internal\\.");

	/** Domain types pages never see: the alliance entity and its contact details (pages get web.Site). */
	private static final Pattern ENTITY = Pattern.compile("org\\.alliancehub\\.network\\.(Alliance|Contact)\\b");

	private static final Pattern NAME_EQUALS = Pattern.compile("\\.name\\(\\)\\.equals\\(");

	private static final Pattern CSRF_INPUT = Pattern.compile("csrfParameter\\(\\)|csrfToken\\(\\)");

	private static final Path CSRF_TAG = TEMPLATES.resolve("tag/csrf.jte");

	private static List<Path> templates() {
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			return files.filter(f -> f.toString().endsWith(".jte")).sorted().toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static List<String> offending(Pattern pattern, Path except) {
		List<String> found = new ArrayList<>();
		for (Path template : templates()) {
			if (template.equals(except)) {
				continue;
			}
			try {
				List<String> lines = Files.readAllLines(template);
				for (int i = 0; i < lines.size(); i++) {
					if (pattern.matcher(lines.get(i)).find()) {
						found.add(TEMPLATES.relativize(template) + ":" + (i + 1) + ": " + lines.get(i).strip());
					}
				}
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		return found;
	}

	@Test
	void thereAreTemplatesToCheck() {
		assertThat(templates()).hasSizeGreaterThan(40).contains(CSRF_TAG);
	}

	@Test
	void noTemplateNamesAModulesInternals() {
		assertThat(offending(INTERNAL, null)).isEmpty();
	}

	@Test
	void noTemplateTakesTheAllianceEntity() {
		assertThat(offending(ENTITY, null)).isEmpty();
	}

	@Test
	void noTemplateComparesAnEnumByItsName() {
		assertThat(offending(NAME_EQUALS, null)).isEmpty();
	}

	@Test
	void theCsrfTokenIsWrittenOnlyByTheSharedTag() {
		assertThat(offending(CSRF_INPUT, CSRF_TAG)).isEmpty();
	}

	/**
	 * What a template takes is what its generated class's render methods take: none of those parameter types
	 * (type arguments included) is a module's internal type or the alliance entity.
	 */
	@Test
	void noGeneratedTemplateTakesAModulesInternalsOrTheAllianceEntity() {
		JavaClasses generated = new ClassFileImporter().importPackages("gg.jte.generated.precompiled");
		assertThat(generated).as("the precompiled templates are on the test class path").hasSizeGreaterThan(40);
		List<String> found = new ArrayList<>();
		for (JavaClass template : generated) {
			for (JavaMethod method : template.getMethods()) {
				for (JavaParameter parameter : method.getParameters()) {
					for (JavaClass type : parameter.getType().getAllInvolvedRawTypes()) {
						String name = type.getName();
						if (INTERNAL.matcher(name + ".").find() || name.matches("org\\.alliancehub\\.network\\.(Alliance|Contact)")) {
							found.add(template.getSimpleName() + "." + method.getName() + " takes " + name);
						}
					}
				}
			}
		}
		assertThat(found).isEmpty();
	}
}
