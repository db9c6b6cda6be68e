package org.alliancehub.collaboration.internal;

import java.util.List;
import java.util.Locale;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.alliancehub.collaboration.CollaborationEvents.ResourceRequestDecided;
import org.alliancehub.collaboration.CollaborationEvents.ResourceRequested;
import org.alliancehub.collaboration.ResourceRequestView;
import org.alliancehub.collaboration.SharedResources;
import org.alliancehub.identity.Users;
import org.alliancehub.platform.AllianceHubProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * E-mails about resource requests to everyone involved: the representatives of the requesting and of the owning
 * organisation. Sent after the request's transaction commits, from the event publication registry, so a failed
 * request sends nothing and a crash does not lose a message.
 */
@Component
class ResourceMail {

	private static final Logger log = LoggerFactory.getLogger(ResourceMail.class);

	private final SharedResources resources;

	private final Users users;

	private final ObjectProvider<JavaMailSender> mail;

	private final MessageSource messages;

	private final AllianceHubProperties properties;

	ResourceMail(SharedResources resources, Users users, ObjectProvider<JavaMailSender> mail, MessageSource messages,
			AllianceHubProperties properties) {
		this.resources = resources;
		this.users = users;
		this.mail = mail;
		this.messages = messages;
		this.properties = properties;
	}

	@ApplicationModuleListener
	void on(ResourceRequested e) {
		ResourceRequestView r = resources.requestView(e.requestId());
		send(r, text("collab.mail.requested.subject", r.resource()), "collab.mail.requested.body");
	}

	@ApplicationModuleListener
	void on(ResourceRequestDecided e) {
		ResourceRequestView r = resources.requestView(e.requestId());
		send(r, text("collab.mail.decided.subject", r.resource(), text("collab.request.status." + r.status())),
				"collab.mail.decided.body");
	}

	private void send(ResourceRequestView r, String subject, String bodyKey) {
		JavaMailSender sender = mail.getIfAvailable();
		if (sender == null) {
			log.info("no mail server: resource request {} is not mailed", r.id());
			return;
		}
		List<Users.Recipient> recipients = users.representativesOf(List.of(r.ownerOrganizationId(), r.organizationId()));
		for (Users.Recipient to : recipients) {
			try {
				MimeMessage message = sender.createMimeMessage();
				MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
				helper.setTo(to.email());
				helper.setFrom("noreply@alliancehub.local");
				helper.setSubject(subject);
				helper.setText(text(bodyKey, to.displayName(), r.organization(), r.resource(), r.ownerOrganization(),
						r.from().toString(), r.to().toString(), r.purpose(), text("collab.request.status." + r.status()),
						r.reason() == null ? "" : r.reason(), properties.link("/collaboration/requests")));
				sender.send(message);
			}
			catch (MessagingException ex) {
				throw new IllegalStateException("the message to " + to.email() + " could not be written", ex);
			}
		}
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
	}
}
