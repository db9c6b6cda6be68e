package org.alliancehub.collaboration;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.alliancehub.collaboration.CollaborationTypes.ProjectVisibility;
import org.alliancehub.collaboration.CollaborationTypes.Visibility;
import org.alliancehub.network.Alliances;
import org.alliancehub.shared.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What the site search indexes of collaboration, read without regard to the caller (the search filters by
 * {@link Findable#membersOnly()} itself): one object by the subject its {@code CollaborationChanged} event names
 * ({@code project:12}, {@code agreement:3}, {@code base:4}, {@code resource:5}), and all of them for a rebuild.
 */
@Service
public class Findables {

	private final JdbcClient jdbc;

	private final Alliances alliances;

	private final Projects projects;

	private final Agreements agreements;

	private final Bases bases;

	private final SharedResources resources;

	Findables(JdbcClient jdbc, Alliances alliances, Projects projects, Agreements agreements, Bases bases,
			SharedResources resources) {
		this.jdbc = jdbc;
		this.alliances = alliances;
		this.projects = projects;
		this.agreements = agreements;
		this.bases = bases;
		this.resources = resources;
	}

	/** The kind and id an event's subject names, or empty for subjects search does not index. */
	public static Optional<Ref> ref(String subject) {
		int colon = subject.indexOf(':');
		if (colon < 0) {
			return Optional.empty();
		}
		Findable.Kind kind = switch (subject.substring(0, colon)) {
			case "project" -> Findable.Kind.PROJECT;
			case "agreement" -> Findable.Kind.AGREEMENT;
			case "base" -> Findable.Kind.BASE;
			case "resource" -> Findable.Kind.RESOURCE;
			default -> null;
		};
		if (kind == null) {
			return Optional.empty();
		}
		try {
			return Optional.of(new Ref(kind, Long.parseLong(subject.substring(colon + 1))));
		}
		catch (NumberFormatException e) {
			return Optional.empty();
		}
	}

	public record Ref(Findable.Kind kind, long id) {
	}

	/** The object as search should index it now, or empty when it is gone or not to be found (participants only). */
	public Optional<Findable> find(Findable.Kind kind, long id) {
		try {
			return switch (kind) {
				case PROJECT -> project(id);
				case AGREEMENT -> Optional.of(agreement(id));
				case BASE -> Optional.of(base(id));
				case RESOURCE -> Optional.of(resource(id));
			};
		}
		catch (NotFound e) {
			return Optional.empty();
		}
	}

	/** The ids of a kind after {@code after}, in order: for a rebuild in batches. */
	public List<Long> idsAfter(Findable.Kind kind, long after, int limit) {
		return jdbc.sql("select id from " + table(kind) + " where id > ? order by id limit ?")
			.params(after, limit)
			.query(Long.class)
			.list();
	}

	/** How many objects there are (the findable ones and the others), for a rebuild's progress. */
	public long count() {
		return jdbc.sql("""
				select (select count(*) from collab_project) + (select count(*) from collab_agreement)
				  + (select count(*) from collab_base) + (select count(*) from collab_resource)""")
			.query(Long.class)
			.single();
	}

	private static String table(Findable.Kind kind) {
		return switch (kind) {
			case PROJECT -> "collab_project";
			case AGREEMENT -> "collab_agreement";
			case BASE -> "collab_base";
			case RESOURCE -> "collab_resource";
		};
	}

	private Optional<Findable> project(long id) {
		ProjectView p = projects.get(id);
		if (p.visibility() == ProjectVisibility.PARTICIPANTS) {
			return Optional.empty();
		}
		long owner = alliances.get(p.alliance()).id();
		List<Long> in = new ArrayList<>();
		in.add(owner);
		p.alliances().forEach(s -> in.add(alliances.get(s).id()));
		StringBuilder body = new StringBuilder(nz(p.summary()));
		List<String> keywords = new ArrayList<>();
		if (p.field() != null) {
			body.append(' ').append(p.field());
			keywords.add(p.field());
		}
		for (ProjectView.Participant x : p.participants()) {
			if (x.accepted()) {
				body.append(' ').append(x.name());
			}
		}
		for (ProjectView.Milestone m : p.milestones()) {
			body.append(' ').append(m.workPackage()).append(' ').append(m.title());
		}
		return Optional.of(new Findable(Findable.Kind.PROJECT, id, owner, in, p.title(), body.toString(), keywords,
				p.visibility() == ProjectVisibility.MEMBERS, p.createdAt(), "/a/" + p.alliance() + "/projects/" + id));
	}

	private Findable agreement(long id) {
		AgreementView a = agreements.get(id);
		long owner = alliances.get(a.alliance()).id();
		StringBuilder body = new StringBuilder(nz(a.subject())).append(' ').append(nz(a.signedPlace())).append(' ')
			.append(nz(a.outcomes()));
		List<String> keywords = new ArrayList<>();
		for (AgreementView.Party party : a.parties()) {
			body.append(' ').append(party.name());
			keywords.add(party.name());
		}
		return new Findable(Findable.Kind.AGREEMENT, id, owner, List.of(owner), a.title(), body.toString(), keywords,
				a.visibility() == Visibility.MEMBERS,
				a.signedOn() == null ? null : a.signedOn().atStartOfDay().atOffset(ZoneOffset.ofHours(8)),
				"/a/" + a.alliance() + "/agreements#agreement-" + id);
	}

	private Findable base(long id) {
		BaseView b = bases.get(id);
		long owner = alliances.get(b.alliance()).id();
		String body = b.hostOrganization() + " " + nz(b.region()) + " " + nz(b.focus()) + " " + nz(b.agreementTitle());
		return new Findable(Findable.Kind.BASE, id, owner, List.of(owner), b.name(), body, List.of(b.hostOrganization()),
				false, null, "/a/" + b.alliance() + "/bases#base-" + id);
	}

	private Findable resource(long id) {
		ResourceView r = resources.get(id);
		long owner = alliances.get(r.alliance()).id();
		String body = r.organization() + " " + nz(r.description()) + " " + nz(r.fields()) + " " + nz(r.title()) + " "
				+ nz(r.location()) + " " + nz(r.capabilities()) + " " + nz(r.conditions());
		return new Findable(Findable.Kind.RESOURCE, id, owner, List.of(owner), r.name(), body, List.of(r.organization()),
				r.visibility() == Visibility.MEMBERS, null, "/a/" + r.alliance() + "/resources#resource-" + id);
	}

	private static String nz(@org.jspecify.annotations.Nullable String s) {
		return s == null ? "" : s;
	}
}
