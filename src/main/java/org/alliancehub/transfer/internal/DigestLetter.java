package org.alliancehub.transfer.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.alliancehub.platform.AllianceHubProperties;
import org.alliancehub.transfer.MatchView;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The text of a match digest, in Simplified Chinese from the message bundles: per organisation, each of its demands
 * and achievements with its new matches best first, the score, why each was made and a link to it, and the
 * one-click unsubscribe link (also in {@code List-Unsubscribe}, RFC 8058).
 */
@Component
public class DigestLetter {

	private final MessageSource messages;

	private final AllianceHubProperties properties;

	DigestLetter(MessageSource messages, AllianceHubProperties properties) {
		this.messages = messages;
		this.properties = properties;
	}

	/** One organisation's part of a digest. */
	public record Section(String organization, List<NewMatches.Item> items) {
	}

	public record Letter(String subject, String text, Map<String, String> headers) {
	}

	public Letter write(String recipient, List<Section> sections, String unsubscribeToken) {
		int count = sections.stream().flatMap(s -> s.items().stream()).mapToInt(i -> i.matches().size()).sum();
		String unsubscribe = properties.link("/match-digest/unsubscribe/" + unsubscribeToken);
		StringBuilder text = new StringBuilder(t("transfer.digest.greeting", recipient)).append("\n\n")
			.append(t("transfer.digest.intro")).append("\n");
		for (Section s : sections) {
			text.append("\n【").append(s.organization()).append("】\n");
			for (NewMatches.Item item : s.items()) {
				text.append("\n").append(t(item.demand() ? "transfer.digest.forDemand" : "transfer.digest.forAchievement",
						item.title())).append("\n");
				int rank = 0;
				for (MatchView m : item.matches()) {
					text.append(t("transfer.digest.match", ++rank, m.title(), m.organization(), String.format(Locale.ROOT, "%.2f", m.score())))
						.append("\n   ").append(t("transfer.digest.why", String.join("；", m.why())))
						.append("\n   ").append(properties.link(item.path() + "#match-" + m.id())).append("\n");
				}
			}
		}
		text.append("\n").append(t("transfer.digest.settings", properties.link("/admin/match-digest"))).append("\n")
			.append(t("transfer.digest.unsubscribe", unsubscribe)).append("\n");
		return new Letter(t("transfer.digest.subject", count), text.toString(),
				Map.of("List-Unsubscribe", "<" + unsubscribe + ">", "List-Unsubscribe-Post", "List-Unsubscribe=One-Click"));
	}

	private String t(String key, Object... args) {
		return messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
	}
}
