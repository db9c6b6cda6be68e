package org.alliancehub.survey.internal;

/**
 * The size classes of the national statistics bureau's classification of large, medium, small and micro
 * enterprises (《统计上大中小微型企业划分办法（2017）》), for industry by operating revenue in 万元 (ten thousand
 * yuan): large from 40,000, medium from 2,000, small from 300, micro below. The official rule also counts
 * employees; a survey classes by one field (its {@code size_field}), so only the revenue thresholds apply.
 * A survey may instead ask the class itself, as a choice of 大型, 中型, 小型 and 微型.
 */
public enum SizeClass {

	LARGE, MEDIUM, SMALL, MICRO;

	private static final String[] NAMES = { "大型", "中型", "小型", "微型" };

	/** The class an organisation declared by choosing 大型, 中型, 小型 or 微型 (企业); null for anything else. */
	public static @org.jspecify.annotations.Nullable SizeClass named(@org.jspecify.annotations.Nullable String choice) {
		if (choice == null) {
			return null;
		}
		String c = choice.strip();
		for (SizeClass s : values()) {
			if (c.startsWith(NAMES[s.ordinal()])) {
				return s;
			}
		}
		return null;
	}

	public static SizeClass of(double revenueTenThousandYuan) {
		if (revenueTenThousandYuan >= 40000) {
			return LARGE;
		}
		if (revenueTenThousandYuan >= 2000) {
			return MEDIUM;
		}
		if (revenueTenThousandYuan >= 300) {
			return SMALL;
		}
		return MICRO;
	}
}
