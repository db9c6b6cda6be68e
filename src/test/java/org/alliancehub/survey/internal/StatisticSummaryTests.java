package org.alliancehub.survey.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StatisticSummaryTests {

	@Test
	void quartilesInterpolateBetweenRanksAsPercentileContDoes() {
		double[] v = { 1, 2, 3, 4 };
		StatisticSummary s = StatisticSummary.ofSorted(v, 0, 4);
		assertThat(s.median()).isEqualTo(2.5);
		assertThat(s.q1()).isEqualTo(1.75);
		assertThat(s.q3()).isEqualTo(3.25);
		assertThat(s.sum()).isEqualTo(10);
		assertThat(s.mean()).isEqualTo(2.5);
	}

	/** Selection must give exactly what sorting gives, for every size (the small ones are the tricky ones). */
	@Test
	void selectionFindsTheSameFiguresAsSorting() {
		java.util.Random random = new java.util.Random(7);
		for (int run = 0; run < 5000; run++) {
			int n = 1 + random.nextInt(run < 2000 ? 9 : 300);
			double[] v = new double[n + 4];
			for (int i = 0; i < v.length; i++) {
				v[i] = random.nextInt(4) == 0 ? random.nextInt(5) : Math.round(random.nextGaussian() * 1000) / 10.0;
			}
			double[] sorted = v.clone();
			java.util.Arrays.sort(sorted, 2, 2 + n);
			StatisticSummary expected = StatisticSummary.ofSorted(sorted, 2, 2 + n);
			StatisticSummary actual = StatisticSummary.ofUnsorted(v, 2, 2 + n);
			assertThat(actual.median()).as("median of %s", n).isEqualTo(expected.median());
			assertThat(actual.q1()).as("q1 of %s", n).isEqualTo(expected.q1());
			assertThat(actual.q3()).as("q3 of %s", n).isEqualTo(expected.q3());
			assertThat(actual.min()).isEqualTo(expected.min());
			assertThat(actual.max()).isEqualTo(expected.max());
			assertThat(actual.count()).isEqualTo(n);
			assertThat(actual.sum()).isCloseTo(expected.sum(), org.assertj.core.api.Assertions.within(1e-6));
		}
	}

	@Test
	void oneValueIsItsOwnMedianAndQuartiles() {
		StatisticSummary s = StatisticSummary.ofSorted(new double[] { 7 }, 0, 1);
		assertThat(s).isEqualTo(new StatisticSummary(1, 7, 7, 7, 7, 7, 7, 7));
	}

	@Test
	void aRunInsideALargerArrayIsSummarisedAlone() {
		double[] v = { 100, 1, 5, 9, -3 };
		StatisticSummary s = StatisticSummary.ofSorted(v, 1, 4);
		assertThat(s.count()).isEqualTo(3);
		assertThat(s.median()).isEqualTo(5);
		assertThat(s.min()).isEqualTo(1);
		assertThat(s.max()).isEqualTo(9);
	}

	@Test
	void sizeClassesFollowThe2017RevenueThresholds() {
		assertThat(SizeClass.of(40000)).isEqualTo(SizeClass.LARGE);
		assertThat(SizeClass.of(39999.99)).isEqualTo(SizeClass.MEDIUM);
		assertThat(SizeClass.of(2000)).isEqualTo(SizeClass.MEDIUM);
		assertThat(SizeClass.of(300)).isEqualTo(SizeClass.SMALL);
		assertThat(SizeClass.of(299)).isEqualTo(SizeClass.MICRO);
	}

	/** array_send of a float8[]: one dimension, null flag, element type 701, length, lower bound 1, elements. */
	static byte[] arraySend(Double... values) {
		java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(20 + values.length * 12);
		b.putInt(1).putInt(0).putInt(701).putInt(values.length).putInt(1);
		for (Double v : values) {
			if (v == null) {
				b.putInt(-1);
			}
			else {
				b.putInt(8).putDouble(v);
			}
		}
		return java.util.Arrays.copyOf(b.array(), b.position());
	}

	@Test
	void postgresBinaryArraysAreReadWithNullsAsMissing() {
		double[] row = new double[4];
		assertThat(StatisticSource.parseArray(arraySend(1.5, null, -3.0, 2e6), row)).isEqualTo(4);
		assertThat(row[0]).isEqualTo(1.5);
		assertThat(row[1]).isNaN();
		assertThat(row[2]).isEqualTo(-3);
		assertThat(row[3]).isEqualTo(2e6);
		assertThat(StatisticSource.parseArray(new byte[] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, (byte) 189 }, row)).isZero();
		assertThat(StatisticSource.parseArray(null, row)).isZero();
		assertThat(StatisticSource.parseArray(arraySend(1.0, 2.0, 3.0, 4.0, 5.0, 6.0), row)).isEqualTo(6);
	}
}
