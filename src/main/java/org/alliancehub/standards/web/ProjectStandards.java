package org.alliancehub.standards.web;

import java.util.List;

import org.alliancehub.standards.Standards;
import org.alliancehub.web.RelatedLink;
import org.alliancehub.web.RelatedLinks;
import org.springframework.stereotype.Component;

/** A project's page lists the standards it proposed (every standard is public). */
@Component
class ProjectStandards implements RelatedLinks {

	private final Standards standards;

	ProjectStandards(Standards standards) {
		this.standards = standards;
	}

	@Override
	public List<RelatedLink> linksTo(String kind, long id) {
		if (!kind.equals("project")) {
			return List.of();
		}
		return standards.ofProject(id).stream()
			.map(s -> new RelatedLink("related.standards", 40, s.url(), s.number() == null ? s.title() : s.number() + " " + s.title()))
			.toList();
	}
}
