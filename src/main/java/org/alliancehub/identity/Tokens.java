package org.alliancehub.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;

import org.alliancehub.platform.AllianceHubProperties;
import org.alliancehub.shared.Hashes;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bearer tokens for the API: random, opaque, revocable, stored only as a hash, valid for a limited time.
 */
@Service
public class Tokens {

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final Users users;

	private final Clock clock;

	private final AllianceHubProperties properties;

	private final ApplicationEventPublisher events;

	Tokens(JdbcClient jdbc, Users users, Clock clock, AllianceHubProperties properties,
			ApplicationEventPublisher events) {
		this.events = events;
		this.jdbc = jdbc;
		this.users = users;
		this.clock = clock;
		this.properties = properties;
	}

	public record IssuedToken(String token, OffsetDateTime expiresAt) {
	}

	public IssuedToken issue(AllianceUser user) {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		OffsetDateTime expires = OffsetDateTime.now(clock).plus(properties.tokenLifetime()).withNano(0);
		jdbc.sql("insert into api_token (token_hash, user_id, expires_at) values (?, ?, ?)")
			.params(hash(token), user.id(), expires)
			.update();
		return new IssuedToken(token, expires.withOffsetSameInstant(ZoneOffset.ofHours(8)));
	}

	/** The user a token stands for, if the token is known and not expired and the user still enabled. */
	public Optional<AllianceUser> authenticate(String token) {
		if (token.length() > 100) {
			return Optional.empty();
		}
		return jdbc.sql("select user_id from api_token where token_hash = ? and expires_at > ?")
			.params(hash(token), OffsetDateTime.now(clock))
			.query(Long.class)
			.optional()
			.flatMap(users::current)
			.filter(AllianceUser::isEnabled);
	}

	/** Ends one token, e.g. when the client that held it signs out; a token already gone is no error. */
	@Transactional
	public void revoke(String token, AllianceUser user) {
		int revoked = jdbc.sql("delete from api_token where token_hash = ? and user_id = ?")
			.params(hash(token), user.id())
			.update();
		if (revoked > 0) {
			events.publishEvent(new AccountChanged(user.id(), user.getUsername(), AccountChanged.Change.TOKEN_REVOKED));
		}
	}

	@Scheduled(fixedDelay = 3_600_000, initialDelay = 60_000)
	@SchedulerLock(name = "identity.purge-expired-tokens", lockAtMostFor = "PT10M")
	void purgeExpired() {
		jdbc.sql("delete from api_token where expires_at < ?").param(OffsetDateTime.now(clock)).update();
	}

	static String hash(String token) {
		return Hashes.sha256(token);
	}
}
