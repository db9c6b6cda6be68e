package org.alliancehub.governance.internal;

import org.alliancehub.governance.MeetingView;
import org.alliancehub.governance.Meetings;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.alliancehub.identity.Users;
import org.alliancehub.shared.Invalid;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invitations to a meeting: one e-mail to each representative of each participant, with the meeting as
 * an iCalendar ({@code .ics}) attachment that calendars import; and the participants' replies.
 */
@Service
public class Invitations {

	private static final DateTimeFormatter MAIL_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

	private final JdbcClient jdbc;

	private final Meetings meetings;

	private final MeetingRules rules;

	private final Users users;

	private final ObjectProvider<JavaMailSender> mail;

	private final MessageSource messages;

	private final org.alliancehub.platform.AllianceHubProperties properties;

	private final org.alliancehub.identity.Access access;

	Invitations(JdbcClient jdbc, Meetings meetings, Users users, ObjectProvider<JavaMailSender> mail,
			MessageSource messages, org.alliancehub.platform.AllianceHubProperties properties,
			org.alliancehub.identity.Access access, MeetingRules rules) {
		this.rules = rules;
		this.access = access;
		this.properties = properties;
		this.jdbc = jdbc;
		this.meetings = meetings;
		this.users = users;
		this.mail = mail;
		this.messages = messages;
	}

	/** How many invitations went out, and to how many participants no one could be written. */
	public record Sent(int emails, int participantsWithoutAddress) {
	}

	@Transactional
	public Sent send(long meetingId, @Nullable String from) {
		JavaMailSender sender = mail.getIfAvailable();
		if (sender == null) {
			throw Invalid.field("mail", "no mail server is configured (spring.mail.host)");
		}
		MeetingView m = meetings.get(meetingId);
		List<Long> organizations = m.participants().stream().map(MeetingView.Participant::organizationId).toList();
		List<Users.Recipient> recipients = users.representativesOf(organizations);
		byte[] ics = calendar(m).getBytes(StandardCharsets.UTF_8);
		for (Users.Recipient r : recipients) {
			try {
				MimeMessage message = sender.createMimeMessage();
				MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
				helper.setTo(r.email());
				helper.setFrom(from != null ? from : "noreply@alliancehub.local");
				// in the language the representative chose (its user's), 繁體 converted as the pages are
				Locale l = r.locale();
				helper.setSubject(org.alliancehub.platform.Mail.forReader(l, text(l, "invitation.subject", m.title())));
				helper.setText(org.alliancehub.platform.Mail.forReader(l, text(l, "invitation.body", r.displayName(), m.title(),
						m.startsAt().atZoneSameInstant(java.time.ZoneId.of("Asia/Shanghai")).format(MAIL_TIME),
						place(m), properties.link("/meetings/" + m.id()))));
				message.setHeader("Content-Language", l.toLanguageTag());
				helper.addAttachment("meeting-" + m.id() + ".ics", new ByteArrayResource(ics), "text/calendar; charset=UTF-8; method=REQUEST");
				sender.send(message);
			}
			catch (MessagingException e) {
				throw new IllegalStateException("the invitation to " + r.email() + " could not be written", e);
			}
		}
		jdbc.sql("update participant set invited_at = now() where meeting_id = ?").param(meetingId).update();
		long reached = recipients.stream().map(Users.Recipient::organizationId).distinct().count();
		return new Sent(recipients.size(), (int) (organizations.size() - reached));
	}

	/** A participant's answer: it will attend, or it declines. */
	@Transactional
	public MeetingView reply(long meetingId, long organizationId, boolean attending) {
		if (!rules.representsOrganization(organizationId)
				&& !access.canManage(rules.allianceOf(meetingId))) {
			throw new org.alliancehub.shared.Forbidden("only the organisation's representative replies for it");
		}
		if (jdbc.sql("update participant set reply = ? where meeting_id = ? and organization_id = ?")
			.params(attending ? "ATTEND" : "DECLINE", meetingId, organizationId)
			.update() == 0) {
			throw Invalid.field("organizationId", "not a participant of this meeting");
		}
		return meetings.get(meetingId);
	}

	private String place(MeetingView m) {
		return switch (m.mode()) {
			case ONSITE -> m.location();
			case ONLINE -> m.onlineUrl();
			case HYBRID -> m.location() + " / " + m.onlineUrl();
		};
	}

	/** In the language the reader chose (its user's). */
	private String text(Locale reader, String key, Object... args) {
		return messages.getMessage(key, args, reader);
	}

	/** The meeting as an RFC 5545 event, two hours long unless a later issue gives meetings an end. */
	static String calendar(MeetingView m) {
		return MeetingCalendar.of(m);
	}
}
