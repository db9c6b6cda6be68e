package org.alliancehub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Each module owns its tables: another module reads them only through the owner's public face. A table
 * belongs to the module named in the file name of the migration that creates it
 * ({@code V<n>__<module>_<what>.sql}); the SQL in the string literals of a module's Java files may name
 * only its own tables. Plain file reading, no Spring.
 */
class TableOwnershipTests {

	private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
	private static final Path SOURCES = Path.of("src/main/java/org/alliancehub");

	private static final Pattern MIGRATION_NAME = Pattern.compile("V\\d+__([a-z]+)_.*\\.sql");
	private static final Pattern CREATE_TABLE = Pattern.compile(
			"(?i)\\bcreate\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_][a-z0-9_]*)");
	/** The words after which SQL names a table: reading, joining, writing, deleting, locking. */
	private static final Pattern TABLE_REFERENCE = Pattern.compile(
			"(?i)\\b(?:from|join|into|update|table|references)\\s+([a-z_][a-z0-9_]*)");

	@Test
	void everyTableBelongsToTheModuleNamedByItsMigration() throws IOException {
		Map<String, String> owners = tableOwners();
		assertThat(owners).containsEntry("organization", "membership").containsEntry("alliance", "network")
				.containsEntry("meeting", "governance").containsEntry("survey_recipient", "survey")
				.containsEntry("collab_project", "collaboration").containsEntry("collab_resource_request", "collaboration");
	}

	@Test
	void noModuleNamesAnotherModulesTableInItsSql() throws IOException {
		List<String> violations = crossModuleStatements();
		violations.forEach(v -> System.out.println("cross-module SQL: " + v));
		System.out.printf("cross-module SQL references: %d%n", violations.size());
		assertThat(violations).as("SQL naming another module's table").isEmpty();
	}

	/** Finds `file:line module reads owner.table` for every reference; also used by the self-test below. */
	static List<String> crossModuleStatements() throws IOException {
		Map<String, String> owners = tableOwners();
		List<String> violations = new ArrayList<>();
		try (Stream<Path> files = Files.walk(SOURCES)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
				Path relative = SOURCES.relativize(file);
				if (relative.getNameCount() < 2) {
					continue; // the application class at the root belongs to no module
				}
				String module = relative.getName(0).toString();
				String source = Files.readString(file, StandardCharsets.UTF_8);
				for (Literal literal : literals(source)) {
					Matcher m = TABLE_REFERENCE.matcher(literal.text());
					while (m.find()) {
						String owner = owners.get(m.group(1).toLowerCase());
						if (owner != null && !owner.equals(module)) {
							violations.add("%s:%d %s reads %s.%s".formatted(relative, literal.line(), module, owner,
									m.group(1)));
						}
					}
				}
			}
		}
		return violations;
	}

	static Map<String, String> tableOwners() throws IOException {
		Map<String, String> owners = new TreeMap<>();
		try (Stream<Path> files = Files.list(MIGRATIONS)) {
			for (Path file : files.sorted().toList()) {
				Matcher name = MIGRATION_NAME.matcher(file.getFileName().toString());
				if (!name.matches()) {
					continue;
				}
				Matcher create = CREATE_TABLE.matcher(Files.readString(file, StandardCharsets.UTF_8));
				while (create.find()) {
					owners.put(create.group(1).toLowerCase(), name.group(1));
				}
			}
		}
		return owners;
	}

	record Literal(String text, int line) {
	}

	/**
	 * The string literals of a Java source (text blocks included, comments skipped); the pieces of a
	 * concatenation are joined so that a table name split from its keyword is still seen.
	 */
	static List<Literal> literals(String source) {
		List<Literal> literals = new ArrayList<>();
		StringBuilder statement = new StringBuilder();
		int statementLine = 0;
		int line = 1;
		int i = 0;
		int n = source.length();
		while (i < n) {
			char c = source.charAt(i);
			if (c == '\n') {
				line++;
				i++;
			} else if (source.startsWith("//", i)) {
				while (i < n && source.charAt(i) != '\n') {
					i++;
				}
			} else if (source.startsWith("/*", i)) {
				int end = source.indexOf("*/", i + 2);
				end = end < 0 ? n : end + 2;
				line += count(source, i, end);
				i = end;
			} else if (source.startsWith("\"\"\"", i)) {
				int end = source.indexOf("\"\"\"", i + 3);
				end = end < 0 ? n : end;
				if (statement.isEmpty()) {
					statementLine = line;
				}
				statement.append(source, i + 3, end).append(' ');
				line += count(source, i, end);
				i = Math.min(n, end + 3);
			} else if (c == '"') {
				int j = i + 1;
				while (j < n && source.charAt(j) != '"' && source.charAt(j) != '\n') {
					j += source.charAt(j) == '\\' ? 2 : 1;
				}
				if (statement.isEmpty()) {
					statementLine = line;
				}
				statement.append(source, i + 1, Math.min(j, n)).append(' ');
				i = j + 1;
			} else if (c == '\'') {
				int j = i + 1;
				while (j < n && source.charAt(j) != '\'') {
					j += source.charAt(j) == '\\' ? 2 : 1;
				}
				i = j + 1;
			} else {
				// a concatenation continues over '+' and white space; anything else ends the statement
				if (c != '+' && !Character.isWhitespace(c) && !statement.isEmpty()) {
					literals.add(new Literal(statement.toString(), statementLine));
					statement.setLength(0);
				}
				i++;
			}
		}
		if (!statement.isEmpty()) {
			literals.add(new Literal(statement.toString(), statementLine));
		}
		return literals;
	}

	private static int count(String s, int from, int to) {
		int lines = 0;
		for (int k = from; k < Math.min(to, s.length()); k++) {
			if (s.charAt(k) == '\n') {
				lines++;
			}
		}
		return lines;
	}

	@Test
	void findsATableNamedInATextBlockAndInAConcatenation() {
		String source = "class X { String a = \"\"\"\n select o.name\n from survey s\n join organization o on o.id = s.x\n\"\"\";"
				+ " // from alliance\n String b = \"select 1 from \" + \"alliance a\"; char q = '\"'; }";
		List<String> texts = literals(source).stream().map(Literal::text).toList();
		assertThat(texts).hasSize(2);
		assertThat(TABLE_REFERENCE.matcher(texts.get(0)).results().map(r -> r.group(1)))
				.containsExactly("survey", "organization");
		assertThat(TABLE_REFERENCE.matcher(texts.get(1)).results().map(r -> r.group(1))).containsExactly("alliance");
	}
}
