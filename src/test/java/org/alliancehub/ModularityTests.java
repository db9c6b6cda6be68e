package org.alliancehub;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** A module that reaches into another's internals, or a cycle between modules, fails the build. */
class ModularityTests {

	@Test
	void moduleBoundariesHold() {
		ApplicationModules.of(AllianceHub.class).verify();
	}
}
