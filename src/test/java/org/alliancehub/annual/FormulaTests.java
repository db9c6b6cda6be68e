package org.alliancehub.annual;

import java.util.List;

import org.alliancehub.annual.Formula.Indicator;
import org.alliancehub.annual.Formula.Normalisation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The published rule: weight × min(value, d) / d, d the cap or the period's best at most the cap. */
class FormulaTests {

	final Indicator articles = new Indicator("articles.published", 15, 50);

	@Test
	void aValueAtOrAboveTheCapGivesTheWholeWeight() {
		assertThat(Formula.points(articles, 50, 50)).isEqualTo(15.0);
		assertThat(Formula.points(articles, 500, 50)).isEqualTo(15.0);
	}

	@Test
	void belowTheCapPointsGrowInProportionRoundedToHundredths() {
		assertThat(Formula.points(articles, 10, 50)).isEqualTo(3.0);
		assertThat(Formula.points(new Indicator("k", 10, 3), 1, 3)).isEqualTo(3.33);
		assertThat(Formula.points(articles, 0, 50)).isZero();
	}

	@Test
	void bestNormalisationDividesByThePeriodsBestAtMostTheCap() {
		Formula best = new Formula(2, Normalisation.BEST, List.of(articles), null, null);
		assertThat(best.divisor(articles, 20)).isEqualTo(20);
		assertThat(best.divisor(articles, 80)).isEqualTo(50);
		assertThat(Formula.points(articles, 20, best.divisor(articles, 20))).isEqualTo(15.0);
		assertThat(Formula.points(articles, 5, best.divisor(articles, 0))).isZero();
		Formula cap = new Formula(1, Normalisation.CAP, List.of(articles), null, null);
		assertThat(cap.divisor(articles, 20)).isEqualTo(50);
		assertThat(cap.maximum()).isEqualTo(15.0);
	}
}
