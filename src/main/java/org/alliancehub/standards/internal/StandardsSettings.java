package org.alliancehub.standards.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the standards workflow ({@code alliancehub.standards.*}).
 *
 * @param minCommentDays the shortest public comment period: 30 days, as the national rules for group standards
 * ask (the charter sets no other figure yet)
 * @param commentsPerHour public comments one address may send in an hour (after a burst of as many)
 * @param reminderDays how many days before the end of a comment period the secretariat and the drafting units
 * are reminded by e-mail; 0 turns the reminder off
 */
@ConfigurationProperties("alliancehub.standards")
public record StandardsSettings(@DefaultValue("30") int minCommentDays, @DefaultValue("10") int commentsPerHour,
		@DefaultValue("7") int reminderDays) {
}
