package org.alliancehub.survey;

import java.util.Map;

import org.alliancehub.survey.internal.Expression;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rule language: arithmetic compared, joined by and/or/not; nothing else, and no code run. */
class ExpressionTests {

	@Test
	void comparesArithmeticOverFieldKeys() {
		Expression e = Expression.parse("exportRevenue <= revenue");
		assertThat(e.keys()).containsExactly("exportRevenue", "revenue");
		assertThat(e.holds(Map.of("exportRevenue", 10.0, "revenue", 20.0))).isTrue();
		assertThat(e.holds(Map.of("exportRevenue", 30.0, "revenue", 20.0))).isFalse();
		assertThat(e.holds(Map.of("exportRevenue", 20.0, "revenue", 20.0))).isTrue();
	}

	@Test
	void followsPrecedenceAndParentheses() {
		Map<String, Double> v = Map.of("a", 2.0, "b", 3.0, "c", 4.0);
		assertThat(Expression.parse("a + b * c == 14").holds(v)).isTrue();
		assertThat(Expression.parse("(a + b) * c == 20").holds(v)).isTrue();
		assertThat(Expression.parse("-a + c / 2 == 0").holds(v)).isTrue();
		assertThat(Expression.parse("a - b - c == -5").holds(v)).isTrue();
		assertThat(Expression.parse("a > b or c > b and a < b").holds(v)).isTrue();
		assertThat(Expression.parse("(a > b or c > b) and a > b").holds(v)).isFalse();
		assertThat(Expression.parse("not a > b").holds(v)).isTrue();
		assertThat(Expression.parse("a != b && b <= c || a == 0").holds(v)).isTrue();
		assertThat(Expression.parse("rdStaff / staff * 100 <= 100").keys()).containsExactly("rdStaff", "staff");
	}

	@Test
	void isNotJudgedUntilEveryFieldItReadsIsAnswered() {
		assertThat(Expression.parse("a <= b").holds(Map.of("a", 1.0))).isNull();
	}

	@Test
	void divisionByZeroBreaksTheRule() {
		assertThat(Expression.parse("a / b <= 1").holds(Map.of("a", 1.0, "b", 0.0))).isFalse();
	}

	@Test
	void decimalsCompareWithoutFloatingPointSurprises() {
		assertThat(Expression.parse("a + b == 0.3").holds(Map.of("a", 0.1, "b", 0.2))).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "T(java.lang.Runtime).getRuntime().exec('calc')", "#{1+1} == 2", "a <= b;",
			"exec(a) == 1", "java.lang.System.exit(0)", "a.b <= 1", "new java.io.File('x') == 1", "a <= 'b'",
			"a = b", "a <= ", "(a <= b", "a <= b)", "a + b", "a and b", "a <= b <= c", "", "revenue <= 1e9",
			"${a} < 1", "a @ b", "a <== b", "(a <= b) + 1 > 0", "营业收入 <= 1" })
	void refusesAnythingButArithmeticComparisons(String text) {
		assertThatThrownBy(() -> Expression.parse(text)).isInstanceOf(Expression.SyntaxError.class);
	}

	@Test
	void refusesDeepNestingAndLongRules() {
		assertThatThrownBy(() -> Expression.parse("(".repeat(100) + "a" + ")".repeat(100) + " < 1"))
			.isInstanceOf(Expression.SyntaxError.class);
		assertThatThrownBy(() -> Expression.parse("a < " + "1 + ".repeat(200) + "1"))
			.isInstanceOf(Expression.SyntaxError.class);
	}
}
