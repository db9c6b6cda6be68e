package org.alliancehub.platform;

import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code alliancehub.*}; every one has a default that runs.
 *
 * @param data data directory (embedded database, search index, uploaded files); env {@code ALLIANCEHUB_DATA}
 * @param demo fill an empty database with the demo network; null means "only the embedded database"
 * @param adminPassword password of user {@code admin} on first start; env {@code ALLIANCEHUB_ADMIN_PASSWORD}
 * @param tokenLifetime how long an API bearer token stays valid
 * @param maxUploadBytes largest attachment accepted
 * @param pageCache whether anonymous page views are served from memory
 */
@ConfigurationProperties("alliancehub")
public record AllianceHubProperties(@DefaultValue("./data") Path data, @Nullable Boolean demo,
		@Nullable String adminPassword, @DefaultValue("12h") Duration tokenLifetime,
		@DefaultValue("10485760") long maxUploadBytes, @DefaultValue("true") boolean pageCache) {

	public Path uploads() {
		return data.resolve("uploads");
	}
}
