package org.alliancehub;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/**
 * AllianceHub (联盟协同平台): the platform of an alliance network. One top-level package per
 * capability; {@code shared} is the small kernel every module may use.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(sharedModules = "shared")
public class AllianceHub {

	public static void main(String[] args) {
		SpringApplication.run(AllianceHub.class, args);
	}
}
