package org.alliancehub.content;

/** A file attached to an article, downloaded from {@link #url()}. */
public record Attachment(long id, long articleId, String filename, String contentType, long sizeBytes) {

	public String url() {
		return "/files/" + id;
	}
}
