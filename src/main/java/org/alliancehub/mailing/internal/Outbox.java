package org.alliancehub.mailing.internal;

import javax.sql.DataSource;

import org.alliancehub.content.Bulletins;
import org.alliancehub.mailing.Subscriptions;
import org.alliancehub.network.Alliances;
import org.alliancehub.platform.AllianceHubProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.SmartLifecycle;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Runs the outbox's {@link Sender} while the application runs, when a mail server is configured
 * ({@code alliancehub.mailing.per-second}, default 20 mails a second; {@code alliancehub.mailing.senders}
 * workers, default 2). On start it simply carries on with what is pending: that is the resumption after a crash.
 */
@Component
public class Outbox implements SmartLifecycle {

	private final @Nullable Sender sender;

	Outbox(DataSource dataSource, ObjectProvider<JavaMailSender> mail, Bulletins bulletins, Alliances alliances,
			Subscriptions subscriptions, AllianceHubProperties properties, MessageSource messages,
			@Value("${alliancehub.mailing.senders:2}") int workers,
			@Value("${alliancehub.mailing.per-second:20}") double perSecond) {
		this.sender = mail.getIfAvailable() instanceof JavaMailSenderImpl impl
				? new Sender(dataSource, impl, bulletins, alliances, subscriptions, properties, messages, workers, perSecond)
				: null;
	}

	/** The application's sender, absent without a mail server. */
	public @Nullable Sender sender() {
		return sender;
	}

	@Override
	public void start() {
		if (sender != null) {
			sender.start();
		}
	}

	@Override
	public void stop() {
		if (sender != null) {
			sender.stop();
		}
	}

	@Override
	public boolean isRunning() {
		return sender != null && sender.isRunning();
	}
}
