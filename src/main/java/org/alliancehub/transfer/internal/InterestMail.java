package org.alliancehub.transfer.internal;

import java.util.List;
import java.util.Locale;

import org.alliancehub.identity.Users;
import org.alliancehub.platform.AllianceHubProperties;
import org.alliancehub.platform.Mail;
import org.alliancehub.transfer.InterestView;
import org.alliancehub.transfer.Interests;
import org.alliancehub.transfer.TransferEvents.InterestDecided;
import org.alliancehub.transfer.TransferEvents.InterestExpressed;
import org.alliancehub.transfer.TransferEvents.TransferRecorded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * E-mails about interest in a match to the representatives of both sides: when it is expressed, decided, and when
 * its transfer is recorded. Sent after the transaction commits, from the event publication registry.
 */
@Component
class InterestMail {

	private static final Logger log = LoggerFactory.getLogger(InterestMail.class);

	private final Interests interests;

	private final Users users;

	private final Mail mail;

	private final MessageSource messages;

	private final AllianceHubProperties properties;

	InterestMail(Interests interests, Users users, Mail mail, MessageSource messages,
			AllianceHubProperties properties) {
		this.interests = interests;
		this.users = users;
		this.mail = mail;
		this.messages = messages;
		this.properties = properties;
	}

	@ApplicationModuleListener
	void on(InterestExpressed e) {
		send(interests.get(e.interestId()), "transfer.mail.expressed.subject");
	}

	@ApplicationModuleListener
	void on(InterestDecided e) {
		send(interests.get(e.interestId()), "transfer.mail.decided.subject");
	}

	@ApplicationModuleListener
	void on(TransferRecorded e) {
		send(interests.get(e.interestId()), "transfer.mail.recorded.subject");
	}

	private void send(InterestView i, String subjectKey) {
		if (!mail.available()) {
			log.info("no mail server: interest {} is not mailed", i.id());
			return;
		}
		List<Users.Recipient> recipients = users
			.representativesOf(List.of(i.demandOrganizationId(), i.achievementOrganizationId()));
		for (Users.Recipient to : recipients) {
			// each in the language its reader chose
			Locale l = to.locale();
			String status = text(l, "enum.InterestStatus." + i.status().name());
			String reason = i.reason() == null ? "" : text(l, "enum.DeclineReason." + i.reason().name());
			mail.send(to.email(), l, text(l, subjectKey, i.demand(), i.achievement()),
					text(l, "transfer.mail.body", to.displayName(), i.demandOrganization(), i.demand(),
						i.achievementOrganization(), i.achievement(), status, reason,
						properties.link("/demands/" + i.demandId())));
		}
	}

	/** In the language the reader chose (its user's). */
	private String text(Locale reader, String key, Object... args) {
		return messages.getMessage(key, args, reader);
	}
}
