package org.alliancehub.membership;

import java.util.List;
import java.util.Optional;

import org.alliancehub.shared.Invalid;
import org.alliancehub.shared.Regions;
import org.alliancehub.shared.Regions.Region;
import org.jspecify.annotations.Nullable;

/**
 * An organisation's region: given by name (河北省, 河北, 石家庄市, 河北省石家庄市) or by GB/T 2260 code (130000,
 * 130100), stored as the code, shown by name.
 */
final class OrganizationRegions {

	private static final String EXPECTED = "a province or city of China by name (河北省, 河北) or GB/T 2260 code (130000)";

	private OrganizationRegions() {
	}

	/** The code of the region given; null for a blank one. */
	static @Nullable String code(@Nullable String given, String field) {
		if (given == null || given.isBlank()) {
			return null;
		}
		return resolve(given.strip()).map(Region::code).orElseThrow(() -> Invalid.field(field, EXPECTED));
	}

	/** A region as a filter: its code when it names one, else the text as given (which matches nothing stored). */
	static String filter(String given) {
		return resolve(given.strip()).map(Region::code).orElse(given.strip());
	}

	static Optional<Region> resolve(String s) {
		Regions china = Regions.china();
		if (s.matches("\\d{6}")) {
			return china.find(s);
		}
		for (Region p : china.provinces()) {
			if (s.equals(p.name()) || s.equals(p.shortName())) {
				return Optional.of(p);
			}
		}
		for (Region p : china.provinces()) {
			for (String prefix : List.of(p.name(), p.shortName())) {
				if (s.startsWith(prefix) && s.length() > prefix.length()) {
					String rest = s.substring(prefix.length());
					return city(china.cities(p.code()), rest).or(() -> Optional.of(p));
				}
			}
		}
		List<Region> matches = china.provinces().stream()
			.flatMap(p -> china.cities(p.code()).stream())
			.filter(c -> c.name().equals(s) || c.name().equals(s + "市"))
			.toList();
		return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
	}

	private static Optional<Region> city(List<Region> cities, String name) {
		return cities.stream().filter(c -> c.name().equals(name) || c.name().equals(name + "市")).findFirst();
	}

	/** The name to show for what is stored: 河北省 for 130000, 河北省石家庄市 for 130100, older free text as it is. */
	static @Nullable String name(@Nullable String stored) {
		if (stored == null) {
			return null;
		}
		Regions china = Regions.china();
		return china.find(stored)
			.map(r -> r.isProvince() ? r.name()
					: china.find(r.parentCode()).map(Region::name).orElse("") + r.name())
			.orElse(stored);
	}

	/** The code stored, or null when what is stored is older free text. */
	static @Nullable String storedCode(@Nullable String stored) {
		return stored != null && Regions.china().find(stored).isPresent() ? stored : null;
	}
}
