package org.alliancehub;

import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;

/** A module that reaches into another's internals, or a cycle between modules, fails the build. */
class ModularityTests {

	private static final ApplicationModules MODULES = ApplicationModules.of(AllianceHub.class);

	@Test
	void moduleBoundariesHold() {
		MODULES.verify();
	}

	/**
	 * Prints the public face of every module: the public types (nested public types included) in its
	 * base package, the only ones other modules may use. A measurement, not a check.
	 */
	@Test
	void printsThePublicTypesPerModule() {
		Map<String, Integer> counts = new TreeMap<>();
		for (ApplicationModule module : MODULES) {
			String base = module.getBasePackage().getName();
			int count = 0;
			for (JavaClass type : module.getBasePackage()) {
				if (type.getPackageName().equals(base) && isPublic(type)) {
					count++;
				}
			}
			counts.put(module.getIdentifier().toString(), count);
		}
		counts.forEach((module, count) -> System.out.printf("public types %-12s %3d%n", module, count));
	}

	private static boolean isPublic(JavaClass type) {
		for (JavaClass t = type; t != null; t = t.getEnclosingClass().orElse(null)) {
			if (!t.getModifiers().contains(JavaModifier.PUBLIC) || t.isAnonymousClass() || t.isLocalClass()) {
				return false;
			}
		}
		return true;
	}
}
