package org.alliancehub.survey.internal;

/**
 * The size classes of the national statistics bureau's classification of large, medium, small and micro
 * enterprises (《统计上大中小微型企业划分办法（2017）》), for industry by operating revenue in 万元 (ten thousand
 * yuan): large from 40,000, medium from 2,000, small from 300, micro below. The official rule also counts
 * employees; a survey classes by one field (its {@code size_field}), so only the revenue thresholds apply.
 */
public enum SizeClass {

	LARGE, MEDIUM, SMALL, MICRO;

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
