package org.alliancehub.identity.internal;

import java.security.SecureRandom;
import java.util.List;

import org.alliancehub.identity.RoleGrant;
import org.alliancehub.identity.Users;
import org.alliancehub.platform.AllianceHubProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** On the first start, creates user {@code admin}, with the configured password or a random one printed once. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class FirstAdministrator implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

	private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private final Users users;

	private final AllianceHubProperties properties;

	FirstAdministrator(Users users, AllianceHubProperties properties) {
		this.users = users;
		this.properties = properties;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (users.exists("admin")) {
			return;
		}
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
		users.create("admin", "网络管理员", null, password, List.of(RoleGrant.networkAdmin()));
		if (generated) {
			// Printed once, on purpose: there is no other way to learn it.
			log.warn("\n\n    First administrator created: user 'admin', password '{}'\n    Set ALLIANCEHUB_ADMIN_PASSWORD to choose it yourself.\n", password);
		}
		else {
			log.info("First administrator 'admin' created with the password from ALLIANCEHUB_ADMIN_PASSWORD");
		}
	}
}
