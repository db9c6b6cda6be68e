package org.alliancehub.identity.internal;

import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.alliancehub.identity.RoleGrant;
import org.alliancehub.identity.Users;
import org.alliancehub.platform.AllianceHubProperties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On the first start, creates user {@code admin}, with the configured password or a random one printed once. Its
 * password's bcrypt (about 0.1 s of CPU) is made on a thread of its own while the context starts, once that thread
 * has found no administrator, instead of on the start's own thread before the demo fill; a restart only asks.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class FirstAdministrator implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

	private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private final Users users;

	private final AllianceHubProperties properties;

	/** The administrator's password and its stored form, when there was no administrator; null when there was. */
	private final CompletableFuture<@Nullable Credentials> credentials = new CompletableFuture<>();

	private record Credentials(String password, boolean generated, String hash) {
	}

	FirstAdministrator(Users users, AllianceHubProperties properties) {
		this.users = users;
		this.properties = properties;
		// a thread of its own: the question waits for the schema's migration (the pool's connections do)
		Thread prepare = new Thread(() -> {
			try {
				credentials.complete(users.exists("admin") ? null : credentials());
			}
			catch (Throwable e) {
				credentials.completeExceptionally(e);
			}
		}, "first-administrator");
		prepare.setDaemon(true);
		prepare.start();
	}

	private Credentials credentials() {
		String password = properties.adminPassword();
		boolean generated = password == null || password.isBlank();
		if (generated) {
			SecureRandom random = new SecureRandom();
			StringBuilder b = new StringBuilder();
			for (int i = 0; i < 20; i++) {
				b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
			}
			password = b.toString();
		}
		return new Credentials(password, generated, users.hash(password));
	}

	@Override
	public void run(ApplicationArguments args) {
		Credentials prepared;
		try {
			prepared = credentials.join();
		}
		catch (CompletionException | CancellationException e) {
			// asked again here, where a failure fails the start
			prepared = users.exists("admin") ? null : credentials();
		}
		// asked again (unless just asked): another node may have made it meanwhile
		if (prepared == null || users.exists("admin")) {
			return;
		}
		users.createHashed("admin", "网络管理员", null, prepared.hash(), List.of(RoleGrant.networkAdmin()));
		if (prepared.generated()) {
			// Printed once, on purpose: there is no other way to learn it.
			log.warn("\n\n    First administrator created: user 'admin', password '{}'\n    Set ALLIANCEHUB_ADMIN_PASSWORD to choose it yourself.\n", prepared.password());
		}
		else {
			log.info("First administrator 'admin' created with the password from ALLIANCEHUB_ADMIN_PASSWORD");
		}
	}
}
