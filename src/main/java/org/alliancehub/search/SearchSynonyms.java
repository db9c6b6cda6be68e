package org.alliancehub.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.alliancehub.shared.AfterCommit;
import org.alliancehub.identity.OwnedObjects;
import org.alliancehub.identity.Owner;
import org.alliancehub.network.Alliance;
import org.alliancehub.network.AllianceEvents.AllianceCreated;
import org.alliancehub.network.AllianceEvents.AllianceUpdated;
import org.alliancehub.network.Alliances;
import org.alliancehub.text.ChineseText;
import org.alliancehub.shared.Invalid;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Names and words that stand for each other in searches: each alliance's full name and short names
 * (化纤产业技术创新战略联盟, 化纤联盟), and the groups of the {@code search_synonym} table (涤纶, 聚酯纤维), which
 * secretariats extend. Applied when a question is asked, so a new group needs no rebuild of the index.
 */
@Service
public class SearchSynonyms implements OwnedObjects {

	public static final int MAX_NAMES = 20;

	public static final int MAX_LENGTH = 40;

	/** A group of names; {@code allianceId} is the alliance that added it, null for the installation's own. */
	public record Group(long id, @Nullable Long allianceId, List<String> names) {
	}

	private final JdbcClient jdbc;

	private final Alliances alliances;

	private volatile @Nullable List<List<String>> folded;

	private volatile Map<String, String> allianceByName = Map.of();

	private volatile long loadedAt;

	SearchSynonyms(JdbcClient jdbc, Alliances alliances) {
		this.jdbc = jdbc;
		this.alliances = alliances;
	}

	public List<Group> list() {
		return jdbc.sql("select id, alliance_id, names from search_synonym order by id")
			.query((rs, n) -> new Group(rs.getLong(1), (Long) rs.getObject(2),
					List.of((String[]) rs.getArray(3).getArray())))
			.list();
	}

	public Optional<Group> find(long id) {
		return list().stream().filter(g -> g.id() == id).findFirst();
	}

	/** The names of a text, separated by commas, 、, ， or spaces. */
	public static List<String> split(String names) {
		return Arrays.stream(names.split("[,，、;；\\s]+")).filter(n -> !n.isBlank()).toList();
	}

	/** Adds a group of two names or more for an alliance (null: the installation's own list). */
	@Transactional
	public Group add(@Nullable Long allianceId, List<String> names) {
		Set<String> distinct = new LinkedHashSet<>();
		for (String name : names) {
			if (name != null && !name.isBlank()) {
				distinct.add(name.strip());
			}
		}
		if (distinct.size() < 2 || distinct.size() > MAX_NAMES
				|| distinct.stream().anyMatch(n -> n.length() > MAX_LENGTH)) {
			throw Invalid.field("names", "2 to " + MAX_NAMES + " names of at most " + MAX_LENGTH + " characters");
		}
		String[] array = distinct.toArray(String[]::new);
		long id = jdbc.sql("insert into search_synonym (alliance_id, names) values (?, ?) returning id")
			.params(allianceId, array)
			.query(Long.class)
			.single();
		folded = null;
		return new Group(id, allianceId, List.of(array));
	}

	@Transactional
	public void delete(long id) {
		jdbc.sql("delete from search_synonym where id = ?").param(id).update();
		folded = null;
	}

	/** Every group, folded as the index is, the alliances' names first. */
	public List<List<String>> folded() {
		List<List<String>> out = folded;
		if (out == null || System.currentTimeMillis() - loadedAt > 60_000) {
			loadedAt = System.currentTimeMillis();
			out = new ArrayList<>();
			Map<String, String> slugs = new HashMap<>();
			for (Alliance a : alliances.all()) {
				Set<String> names = new LinkedHashSet<>();
				for (String n : Arrays.asList(a.name(), a.shortName(), a.displayShortName())) {
					if (n != null && n.strip().length() >= 2) {
						names.add(ChineseText.fold(n.strip()));
					}
				}
				if (names.size() >= 2) {
					out.add(List.copyOf(names));
					for (String name : names) {
						slugs.putIfAbsent(name, a.slug());
					}
				}
			}
			for (Group g : list()) {
				out.add(g.names().stream().map(n -> ChineseText.fold(n.strip())).distinct().toList());
			}
			out = List.copyOf(out);
			allianceByName = Map.copyOf(slugs);
			folded = out;
		}
		return out;
	}

	/**
	 * The alliance (its URL name) that each folded alliance name of {@link #folded()} names: a page of that
	 * alliance is about it, even where its text does not repeat the name (第一届第一次会员大会纪要 of 渣浆泵联盟).
	 */
	public Map<String, String> allianceByName() {
		folded();
		return allianceByName;
	}

	@EventListener
	void on(AllianceCreated e) {
		forgetAfterCommit();
	}

	@EventListener
	void on(AllianceUpdated e) {
		forgetAfterCommit();
	}

	/**
	 * Forgets the folded names once the change has committed (at once without a transaction), as an after-commit
	 * {@code @TransactionalEventListener} did; but such a listener gets a durable record from Spring Modulith for every
	 * publication, marked in flight and then completed in two commits of their own that each wait for the disk (some
	 * 100 while the demo network was filled), for a copy in memory that a crash forgets anyway.
	 */
	private void forgetAfterCommit() {
		AfterCommit.run(() -> folded = null);
	}

	@Override
	public String kind() {
		return "synonym";
	}

	/** A group is managed by the secretariat of the alliance that added it; the installation's by the administrator. */
	@Override
	public Optional<Owner> ownerOf(long id) {
		return find(id).map(g -> Owner.secretariat(g.allianceId() != null ? g.allianceId()
				: alliances.network().map(Alliance::id).orElse(-1L)));
	}
}
