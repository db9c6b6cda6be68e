package org.alliancehub.mailing;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.alliancehub.network.Alliance;
import org.alliancehub.platform.AllianceHubProperties;
import org.alliancehub.platform.Mail;
import org.alliancehub.shared.Invalid;
import org.alliancehub.shared.TooManyRequests;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Subscriptions to an alliance's briefings with double opt-in. Asking to subscribe answers the same whatever
 * the address (nobody learns who is subscribed) and mails a confirmation link; the address receives
 * briefings only after that link is opened, and the link works once. Requests are throttled per client
 * address (Bucket4j, as the sign-in throttle) and confirmation mails per subscriber address, so the form
 * cannot be used to flood someone's mailbox.
 */
@Service
public class Subscriptions {

	/** A request to subscribe. */
	public record NewSubscription(@NotBlank @Email @Size(max = 254) String email) {
	}

	private final JdbcClient jdbc;

	private final Mail mail;

	private final MessageSource messages;

	private final AllianceHubProperties properties;

	private final Signer signer;

	private final int burst;

	private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
		.expireAfterAccess(Duration.ofHours(1))
		.maximumSize(200_000)
		.build();

	Subscriptions(JdbcClient jdbc, Mail mail, MessageSource messages, AllianceHubProperties properties, Signer signer,
			@Value("${alliancehub.mailing.subscribe-burst:30}") int burst) {
		this.jdbc = jdbc;
		this.mail = mail;
		this.messages = messages;
		this.properties = properties;
		this.signer = signer;
		this.burst = burst;
	}

	/**
	 * Asks to subscribe {@code email} to the alliance's briefings: a confirmation link is mailed unless the
	 * address is already confirmed (or was mailed one in the last ten minutes). The briefings will be mailed in the
	 * language of {@code locale} (one of the three the site speaks), as the confirmation is. Throws
	 * {@link TooManyRequests} when the client address has asked too often.
	 */
	@Transactional
	public void subscribe(Alliance alliance, String email, String clientAddress, Locale locale) {
		String address = normalise(email);
		String language = Mail.language(locale);
		take("ip:" + clientAddress, burst, Duration.ofSeconds(2));
		Optional<Row> row = jdbc.sql("""
				select id, confirmed_at is not null and unsubscribed_at is null, requested_at > now() - interval '10 minutes'
				and confirm_token is not null from mailing_subscriber where alliance_id = ? and lower(email) = lower(?) for update""")
			.params(alliance.id(), address)
			.query((rs, i) -> new Row(rs.getLong(1), rs.getBoolean(2), rs.getBoolean(3)))
			.optional();
		if (row.isPresent() && (row.get().confirmed() || row.get().recentlyAsked())) {
			return;
		}
		String token = Signer.random();
		if (row.isPresent()) {
			jdbc.sql("update mailing_subscriber set confirm_token = ?, requested_at = now(), confirmed_at = null, language = ? where id = ?")
				.params(token, language, row.get().id())
				.update();
		}
		else {
			jdbc.sql("""
					insert into mailing_subscriber (alliance_id, email, confirm_token, language) values (?, ?, ?, ?)
					on conflict (alliance_id, lower(email)) do update set confirm_token = excluded.confirm_token, requested_at = now(),
					language = excluded.language""")
				.params(alliance.id(), address, token, language)
				.update();
		}
		String link = properties.link("/a/" + alliance.slug() + "/subscriptions/confirm/" + token);
		Locale reader = Locale.forLanguageTag(language);
		mail.send(address, reader, messages.getMessage("mailing.confirm.subject", new Object[] { alliance.name() }, reader),
				messages.getMessage("mailing.confirm.text", new Object[] { alliance.name(), link + Mail.languageQuery(reader) }, reader));
	}

	private record Row(long id, boolean confirmed, boolean recentlyAsked) {
	}

	/**
	 * Confirms the subscription a link names, once: the link is spent. Empty for a forged, spent or another
	 * alliance's link.
	 */
	@Transactional
	public Optional<String> confirm(long allianceId, String token) {
		if (token.length() > 100) {
			return Optional.empty();
		}
		return jdbc.sql("""
				update mailing_subscriber set confirmed_at = now(), unsubscribed_at = null, confirm_token = null
				where alliance_id = ? and confirm_token = ? returning email""")
			.params(allianceId, token)
			.query(String.class)
			.optional();
	}

	/** The address an unsubscribe link names, if the link is genuine and for this alliance. */
	public Optional<String> addressOf(long allianceId, String token) {
		return signer.verify(token).filter(a -> a.allianceId() == allianceId).map(Signer.Address::email);
	}

	/**
	 * Unsubscribes the address a signed link names from this alliance's briefings (a subscriber or a members'
	 * representative alike); true if the link is genuine. Doing it twice does no harm.
	 */
	@Transactional
	public boolean unsubscribe(long allianceId, String token) {
		Optional<String> email = addressOf(allianceId, token);
		email.ifPresent(e -> jdbc.sql("""
				insert into mailing_subscriber (alliance_id, email, unsubscribed_at) values (?, ?, now())
				on conflict (alliance_id, lower(email)) do update set unsubscribed_at = coalesce(mailing_subscriber.unsubscribed_at, now()),
				confirm_token = null""")
			.params(allianceId, e)
			.update());
		return email.isPresent();
	}

	/** The signed one-click unsubscribe link of an address. */
	public String unsubscribeLink(Alliance alliance, String email) {
		return properties.link("/a/" + alliance.slug() + "/unsubscribe/" + signer.sign(alliance.id(), email));
	}

	private void take(String key, int capacity, Duration refill) {
		Bucket bucket = buckets.get(key, k -> Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(1, refill).build())
			.build());
		ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
		if (!probe.isConsumed()) {
			throw new TooManyRequests(Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L));
		}
	}

	static String normalise(String email) {
		String e = email.strip();
		if (e.isEmpty() || e.length() > 254 || !e.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
			throw Invalid.field("email", "must be an e-mail address");
		}
		return e;
	}
}
