package org.alliancehub.notification;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.alliancehub.identity.Access;
import org.alliancehub.identity.AllianceUser;
import org.alliancehub.identity.Role;
import org.alliancehub.identity.RoleGrant;
import org.alliancehub.network.Alliance;
import org.alliancehub.network.Alliances;
import org.alliancehub.shared.WaitingWork;
import org.alliancehub.shared.WaitingWork.Item;
import org.alliancehub.shared.WaitingWork.Scope;
import org.springframework.stereotype.Component;

/**
 * The workbench (工作台): the work waiting for a user, gathered from every module's {@link WaitingWork} in one
 * or a few statements per module, however many alliances the user serves; newest deadline first, work without a
 * deadline last.
 */
@Component
public class Workbench {

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(CHINA);

	private final List<WaitingWork> modules;

	private final Access access;

	private final Alliances alliances;

	private final Clock clock;

	Workbench(List<WaitingWork> modules, Access access, Alliances alliances, Clock clock) {
		this.modules = modules;
		this.access = access;
		this.alliances = alliances;
		this.clock = clock;
	}

	/** The kinds of work the modules tell of, for the e-mail settings. */
	public List<String> kinds() {
		return modules.stream().map(WaitingWork::kind).distinct().sorted().toList();
	}

	/** Whom the signed-in user works for; empty for a visitor. */
	public Scope currentScope() {
		AllianceUser u = access.currentUser().orElse(null);
		return u == null ? new Scope(0, Set.of(), Set.of()) : scopeOf(u.id(), u.roles());
	}

	/**
	 * Whom a user with these roles works for: the alliances it serves as secretariat (the network too for its
	 * administrator) and the organisations it represents.
	 */
	Scope scopeOf(long userId, List<RoleGrant> roles) {
		Set<Long> served = new LinkedHashSet<>();
		Set<Long> represented = new LinkedHashSet<>();
		for (RoleGrant r : roles) {
			if (r.role() == Role.SECRETARIAT && r.allianceId() != null) {
				served.add(r.allianceId());
			}
			if (r.role() == Role.MEMBER_REP && r.organizationId() != null) {
				represented.add(r.organizationId());
			}
			if (r.role() == Role.NETWORK_ADMIN) {
				alliances.networkId().ifPresent(served::add);
			}
		}
		return new Scope(userId, served, represented);
	}

	/** The raw items, newest deadline first. */
	List<Item> items(Scope scope) {
		if (scope.isEmpty()) {
			return List.of();
		}
		List<Item> items = new ArrayList<>();
		for (WaitingWork m : modules) {
			items.addAll(m.waiting(scope));
		}
		items.sort(Comparator.comparing(Item::due, Comparator.nullsLast(Comparator.reverseOrder())));
		return items;
	}

	/** The lines of the workbench for this scope. */
	public List<WorkLine> lines(Scope scope) {
		return lines(items(scope));
	}

	List<WorkLine> lines(List<Item> items) {
		Map<Long, String> slugs = alliances.slugs(items.stream().map(Item::allianceId).toList());
		Instant now = clock.instant();
		List<WorkLine> lines = new ArrayList<>();
		for (Item i : items) {
			String slug = slugs.get(i.allianceId());
			if (slug == null) {
				continue;
			}
			Alliance a = alliances.get(i.allianceId());
			lines.add(new WorkLine(i.ref(), i.kind(), a.displayShortName(),
					i.label(), i.args(), i.url().replace("{slug}", slug), i.due(),
					i.due() == null ? null : DUE.format(i.due()), i.due() != null && i.due().isBefore(now)));
		}
		return lines;
	}
}
