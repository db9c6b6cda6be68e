package org.alliancehub.web;

/**
 * One link of a page's "related" box: {@code relation} names the group's label in the message bundles (e.g.
 * {@code related.achievements}), {@code order} places the group among the others, {@code url} and
 * {@code title} are the linked object's address and name.
 */
public record RelatedLink(String relation, int order, String url, String title) {
}
