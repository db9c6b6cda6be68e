package org.alliancehub.content.web;

import java.util.Map;

/**
 * The compile form of a briefing issue as typed: the editor's note, and per article its place in the issue
 * ({@code order-<id>}, blank when not chosen) and the editor's note on it ({@code note-<id>}).
 */
public record CompileForm(String editorNote, Map<Long, String> orders, Map<Long, String> notes) {

	public String order(long articleId) {
		return orders.getOrDefault(articleId, "");
	}

	public String note(long articleId) {
		return notes.getOrDefault(articleId, "");
	}
}
