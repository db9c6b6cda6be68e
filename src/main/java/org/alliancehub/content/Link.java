package org.alliancehub.content;

/** A friendly link (友情链接). */
public record Link(long id, long allianceId, String name, String url, int position) {
}
