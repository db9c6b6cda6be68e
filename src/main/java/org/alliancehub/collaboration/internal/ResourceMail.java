package org.alliancehub.collaboration.internal;

import java.util.List;
import java.util.Locale;

import org.alliancehub.collaboration.CollaborationEvents.ResourceRequestDecided;
import org.alliancehub.collaboration.CollaborationEvents.ResourceRequested;
import org.alliancehub.collaboration.ResourceRequestView;
import org.alliancehub.collaboration.SharedResources;
import org.alliancehub.identity.Users;
import org.alliancehub.platform.AllianceHubProperties;
import org.alliancehub.platform.Mail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
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

	private final Mail mail;

	private final MessageSource messages;

	private final AllianceHubProperties properties;

	ResourceMail(SharedResources resources, Users users, Mail mail, MessageSource messages,
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
		send(r, "collab.mail.requested.subject", "collab.mail.requested.body");
	}

	@ApplicationModuleListener
	void on(ResourceRequestDecided e) {
		ResourceRequestView r = resources.requestView(e.requestId());
		send(r, "collab.mail.decided.subject", "collab.mail.decided.body");
	}

	private void send(ResourceRequestView r, String subjectKey, String bodyKey) {
		if (!mail.available()) {
			log.info("no mail server: resource request {} is not mailed", r.id());
			return;
		}
		List<Users.Recipient> recipients = users.representativesOf(List.of(r.ownerOrganizationId(), r.organizationId()));
		for (Users.Recipient to : recipients) {
			// each in the language its reader chose
			Locale l = to.locale();
			String status = text(l, "collab.request.status." + r.status());
			mail.send(to.email(), l, text(l, subjectKey, r.resource(), status),
					text(l, bodyKey, to.displayName(), r.organization(), r.resource(), r.ownerOrganization(),
						r.from().toString(), r.to().toString(), r.purpose(), status,
						r.reason() == null ? "" : r.reason(), properties.link("/collaboration/requests")));
		}
	}

	/** In the language the reader chose (its user's). */
	private String text(Locale reader, String key, Object... args) {
		return messages.getMessage(key, args, reader);
	}
}
