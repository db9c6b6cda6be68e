package org.alliancehub.funding.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the funding reminders ({@code alliancehub.funding.*}).
 *
 * @param reminderIntervalDays a payer not paid in full is reminded on its due date and then once in each further
 * period of this many days (a round); 0 turns the reminders off
 */
@ConfigurationProperties("alliancehub.funding")
public record FundingSettings(@DefaultValue("14") int reminderIntervalDays) {
}
