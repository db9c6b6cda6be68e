package org.alliancehub.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The web layer sits on top: the domain (every module's own package and its internals) never imports
 * {@code org.alliancehub.web}; only the modules' {@code web} packages (their controllers and page views) do.
 */
class WebLayerTests {

	private static final JavaClasses MAIN = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.alliancehub");

	@Test
	void noDomainCodeImportsTheWebLayer() {
		noClasses().that()
			.resideInAPackage("org.alliancehub..")
			.and()
			.resideOutsideOfPackages("org.alliancehub.web..", "org.alliancehub.*.web..", "org.alliancehub.admin..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.alliancehub.web..")
			.because("the site frame, navigation and layout belong to the web layer on top of the domain")
			.check(MAIN);
	}

	@Test
	void theNetworkModuleDoesNotImportTheWebLayerAtAll() {
		noClasses().that()
			.resideInAPackage("org.alliancehub.network..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.alliancehub.web..")
			.because("the web layer reads the network's alliances, so the network cannot lean on it")
			.check(MAIN);
	}
}
