package org.alliancehub.transfer.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.alliancehub.platform.AllianceHubProperties;
import org.alliancehub.transfer.MatchView;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The text of a match digest, in its reader's language from the message bundles: per organisation, each of its demands
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
		return write(Locale.SIMPLIFIED_CHINESE, recipient, sections, unsubscribeToken);
	}

	/** The letter in the language its reader chose (the matching words the reasons in that language too). */
	public Letter write(Locale reader, String recipient, List<Section> sections, String unsubscribeToken) {
		java.util.function.BiFunction<String, Object[], String> t = (key, args) -> messages.getMessage(key, args, reader);
		int count = sections.stream().flatMap(s -> s.items().stream()).mapToInt(i -> i.matches().size()).sum();
		String unsubscribe = properties.link("/match-digest/unsubscribe/" + unsubscribeToken);
		StringBuilder text = new StringBuilder(t.apply("transfer.digest.greeting", new Object[] { recipient })).append("\n\n")
			.append(t.apply("transfer.digest.intro", new Object[0])).append("\n");
		for (Section s : sections) {
			text.append("\n【").append(s.organization()).append("】\n");
			for (NewMatches.Item item : s.items()) {
				text.append("\n").append(t.apply(item.demand() ? "transfer.digest.forDemand" : "transfer.digest.forAchievement",
						new Object[] { item.title() })).append("\n");
				int rank = 0;
				for (MatchView m : item.matches()) {
					text.append(t.apply("transfer.digest.match", new Object[] { ++rank, m.title(), m.organization(), String.format(Locale.ROOT, "%.2f", m.score()) }))
						.append("\n   ").append(t.apply("transfer.digest.why", new Object[] { String.join(t.apply("transfer.digest.whySeparator", new Object[0]), m.why()) }))
						.append("\n   ").append(properties.link(item.path() + "#match-" + m.id())).append("\n");
				}
			}
		}
		text.append("\n").append(t.apply("transfer.digest.settings", new Object[] { properties.link("/admin/match-digest") })).append("\n")
			.append(t.apply("transfer.digest.unsubscribe", new Object[] { unsubscribe })).append("\n");
		return new Letter(t.apply("transfer.digest.subject", new Object[] { count }), text.toString(),
				Map.of("List-Unsubscribe", "<" + unsubscribe + ">", "List-Unsubscribe-Post", "List-Unsubscribe=One-Click"));
	}

}
