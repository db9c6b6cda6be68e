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
 * @param publicUrl the address people reach the platform at, for links in e-mails; env {@code ALLIANCEHUB_PUBLIC_URL}
 */
@ConfigurationProperties("alliancehub")
public record AllianceHubProperties(@DefaultValue("./data") Path data, @Nullable Boolean demo,
		@Nullable String adminPassword, @DefaultValue("12h") Duration tokenLifetime,
		@DefaultValue("10485760") long maxUploadBytes, @DefaultValue("true") boolean pageCache,
		@DefaultValue("http://localhost:8080") String publicUrl) {

	/** An absolute link to a page of the platform, for e-mails. */
	public String link(String path) {
		return publicUrl.replaceAll("/+$", "") + path;
	}

	public Path uploads() {
		return data.resolve("uploads");
	}
}
