package org.alliancehub.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * Gathers every module's {@link RelatedLinks} for one object, grouped by relation in the contributors' order;
 * a page puts the result in its model as {@code related} and renders it with {@code tag/related.jte}.
 */
@Component
public class Related {

	private final List<RelatedLinks> contributors;

	Related(List<RelatedLinks> contributors) {
		this.contributors = List.copyOf(contributors);
	}

	/** The groups of links to the object, each a relation key with its links; empty when nothing refers to it. */
	public List<Group> of(String kind, long id) {
		List<RelatedLink> all = new ArrayList<>();
		for (RelatedLinks c : contributors) {
			all.addAll(c.linksTo(kind, id));
		}
		all.sort(Comparator.comparingInt(RelatedLink::order));
		Map<String, List<RelatedLink>> groups = new LinkedHashMap<>();
		for (RelatedLink l : all) {
			groups.computeIfAbsent(l.relation(), k -> new ArrayList<>()).add(l);
		}
		return groups.entrySet().stream().map(e -> new Group(e.getKey(), List.copyOf(e.getValue()))).toList();
	}

	/** One relation's links, e.g. the achievements a project produced. */
	public record Group(String relation, List<RelatedLink> links) {
	}
}
