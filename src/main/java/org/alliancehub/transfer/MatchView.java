package org.alliancehub.transfer;

import java.util.List;

/** A computed match: the other object, its organisation, the score and why it was matched, in the user's words. */
public record MatchView(long id, String title, String organization, double score, List<String> why) {
}
