package org.alliancehub.shared;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * China's administrative divisions by their GB/T 2260 codes: the 34 provinces, municipalities, autonomous
 * regions and special administrative regions, and the cities (for municipalities, the districts) of each.
 * The codes and city names are read from the map data of the ECharts 4.1.0 package, which the build unpacks
 * into {@code geo/} (the same files draw the province map); the provinces' official names are ours, since
 * the map labels them briefly (河北 for 河北省).
 */
public final class Regions {

	/** A division: a province-level one has no parent. */
	public record Region(String code, String name, String shortName, @Nullable String parentCode) {

		public boolean isProvince() {
			return parentCode == null;
		}
	}

	private static final Map<String, String> PROVINCE_NAMES = Map.ofEntries(Map.entry("110000", "北京市"),
			Map.entry("120000", "天津市"), Map.entry("130000", "河北省"), Map.entry("140000", "山西省"),
			Map.entry("150000", "内蒙古自治区"), Map.entry("210000", "辽宁省"), Map.entry("220000", "吉林省"),
			Map.entry("230000", "黑龙江省"), Map.entry("310000", "上海市"), Map.entry("320000", "江苏省"),
			Map.entry("330000", "浙江省"), Map.entry("340000", "安徽省"), Map.entry("350000", "福建省"),
			Map.entry("360000", "江西省"), Map.entry("370000", "山东省"), Map.entry("410000", "河南省"),
			Map.entry("420000", "湖北省"), Map.entry("430000", "湖南省"), Map.entry("440000", "广东省"),
			Map.entry("450000", "广西壮族自治区"), Map.entry("460000", "海南省"), Map.entry("500000", "重庆市"),
			Map.entry("510000", "四川省"), Map.entry("520000", "贵州省"), Map.entry("530000", "云南省"),
			Map.entry("540000", "西藏自治区"), Map.entry("610000", "陕西省"), Map.entry("620000", "甘肃省"),
			Map.entry("630000", "青海省"), Map.entry("640000", "宁夏回族自治区"), Map.entry("650000", "新疆维吾尔自治区"),
			Map.entry("710000", "台湾省"), Map.entry("810000", "香港特别行政区"), Map.entry("820000", "澳门特别行政区"));

	private static final Regions CHINA = load();

	private final Map<String, Region> byCode;

	private final List<Region> provinces;

	private final Map<String, List<Region>> cities;

	private Regions(Map<String, Region> byCode, List<Region> provinces, Map<String, List<Region>> cities) {
		this.byCode = byCode;
		this.provinces = provinces;
		this.cities = cities;
	}

	/** The divisions of China, loaded once. */
	public static Regions china() {
		return CHINA;
	}

	/** The province-level divisions in code order (北京市 first, as statistical yearbooks list them). */
	public List<Region> provinces() {
		return provinces;
	}

	/** The cities of a province-level division (its districts for a municipality); empty when unknown. */
	public List<Region> cities(String provinceCode) {
		return cities.getOrDefault(provinceCode, List.of());
	}

	public Optional<Region> find(@Nullable String code) {
		return code == null ? Optional.empty() : Optional.ofNullable(byCode.get(code.strip()));
	}

	/** The province-level division a code lies in (itself for a province). */
	public Optional<Region> provinceOf(@Nullable String code) {
		return find(code).map(r -> r.isProvince() ? r : byCode.get(r.parentCode()));
	}

	/** A province-level division by its name, official (河北省) or short (河北), as organisations record it. */
	public Optional<Region> provinceNamed(@Nullable String name) {
		if (name == null || name.isBlank()) {
			return Optional.empty();
		}
		String n = name.strip();
		return provinces.stream().filter(p -> p.name().equals(n) || p.shortName().equals(n) || n.startsWith(p.name()))
			.findFirst();
	}

	private static Regions load() {
		JsonMapper json = JsonMapper.builder().build();
		Map<String, Region> byCode = new LinkedHashMap<>();
		List<Region> provinces = new ArrayList<>();
		for (JsonNode f : read(json, "geo/china.json").get("features")) {
			String code = f.get("id").asString();
			String shortName = f.get("properties").get("name").asString();
			Region r = new Region(code, PROVINCE_NAMES.getOrDefault(code, shortName), shortName, null);
			provinces.add(r);
		}
		provinces.sort(Comparator.comparing(Region::code));
		provinces.forEach(p -> byCode.put(p.code(), p));
		Map<String, List<Region>> cities = new LinkedHashMap<>();
		try {
			var resolver = new org.springframework.core.io.support.PathMatchingResourcePatternResolver(
					Regions.class.getClassLoader());
			for (var resource : resolver.getResources("classpath*:geo/province/*.json")) {
				try (InputStream in = resource.getInputStream()) {
					for (JsonNode f : json.readTree(in).get("features")) {
						if (f.get("id") == null || f.get("properties").get("name") == null) {
							continue; // outlines without a division of their own
						}
						String code = f.get("id").asString();
						String name = f.get("properties").get("name").asString();
						String province = code.substring(0, 2) + "0000";
						if (!byCode.containsKey(province) || byCode.containsKey(code)) {
							continue;
						}
						Region r = new Region(code, name, name, province);
						byCode.put(code, r);
						cities.computeIfAbsent(province, k -> new ArrayList<>()).add(r);
					}
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		cities.values().forEach(l -> l.sort(Comparator.comparing(Region::code)));
		cities.replaceAll((k, v) -> List.copyOf(v));
		return new Regions(Collections.unmodifiableMap(byCode), List.copyOf(provinces), Map.copyOf(cities));
	}

	private static JsonNode read(JsonMapper json, String path) {
		try (InputStream in = Regions.class.getClassLoader().getResourceAsStream(path)) {
			if (in == null) {
				throw new IllegalStateException(path + " is missing: the build unpacks it from the ECharts 4.1.0 package");
			}
			return json.readTree(in);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
