package org.alliancehub.survey.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A cross-field rule such as {@code exportRevenue <= revenue and rdStaff <= staff}: comparisons of arithmetic
 * over field keys and numbers ({@code + - * /}, parentheses), joined by {@code and}, {@code or} and
 * {@code not}. Parsed here by hand into a small tree that can only compute and compare: there is nothing to
 * call, no method, type or script, so a rule written by anyone runs no code.
 */
public final class Expression {

	/** The rule cannot be read: where and why. */
	public static final class SyntaxError extends RuntimeException {

		SyntaxError(String message, int at) {
			super(message + " at character " + (at + 1));
		}
	}

	private static final int MAX_LENGTH = 500;

	private static final int MAX_DEPTH = 40;

	private final Node root;

	private final Set<String> keys;

	private Expression(Node root, Set<String> keys) {
		this.root = root;
		this.keys = keys;
	}

	/** Reads a rule; a syntax error, or a rule that does not end in a true/false comparison, is refused. */
	public static Expression parse(String text) {
		if (text.length() > MAX_LENGTH) {
			throw new SyntaxError("a rule may be at most " + MAX_LENGTH + " characters long", MAX_LENGTH);
		}
		Parser p = new Parser(tokens(text));
		Node root = p.or(0);
		if (p.peek().kind != Kind.END) {
			throw new SyntaxError("unexpected '" + p.peek().text + "'", p.peek().at);
		}
		if (!(root instanceof Bool)) {
			throw new SyntaxError("a rule must compare, e.g. a <= b", 0);
		}
		Set<String> keys = new LinkedHashSet<>();
		root.collect(keys);
		return new Expression(root, Set.copyOf(keys));
	}

	/** The field keys the rule reads, in the order written. */
	public List<String> keys() {
		List<String> ordered = new ArrayList<>();
		root.collect(new LinkedHashSet<>()).forEach(ordered::add);
		return ordered;
	}

	/**
	 * Whether the answers keep the rule; {@code null} when a field it reads is unanswered, so that the rule
	 * is not judged on a half-filled form. Division by zero breaks the rule.
	 */
	public @Nullable Boolean holds(Map<String, Double> values) {
		for (String k : keys) {
			if (!values.containsKey(k)) {
				return null;
			}
		}
		return ((Bool) root).test(values);
	}

	// ---- the tree

	private sealed interface Node permits Num, Bool {

		Set<String> collect(Set<String> keys);
	}

	private sealed interface Num extends Node permits Constant, Field, Arithmetic, Negation {

		double value(Map<String, Double> values);
	}

	private sealed interface Bool extends Node permits Comparison, Logic, Not {

		boolean test(Map<String, Double> values);
	}

	private record Constant(double v) implements Num {

		public double value(Map<String, Double> values) {
			return v;
		}

		public Set<String> collect(Set<String> keys) {
			return keys;
		}
	}

	private record Field(String key) implements Num {

		public double value(Map<String, Double> values) {
			return values.get(key);
		}

		public Set<String> collect(Set<String> keys) {
			keys.add(key);
			return keys;
		}
	}

	private record Negation(Num operand) implements Num {

		public double value(Map<String, Double> values) {
			return -operand.value(values);
		}

		public Set<String> collect(Set<String> keys) {
			return operand.collect(keys);
		}
	}

	private record Arithmetic(char op, Num left, Num right) implements Num {

		public double value(Map<String, Double> values) {
			double l = left.value(values);
			double r = right.value(values);
			return switch (op) {
				case '+' -> l + r;
				case '-' -> l - r;
				case '*' -> l * r;
				default -> l / r;
			};
		}

		public Set<String> collect(Set<String> keys) {
			left.collect(keys);
			return right.collect(keys);
		}
	}

	private record Comparison(String op, Num left, Num right) implements Bool {

		private static final double EPSILON = 1e-9;

		public boolean test(Map<String, Double> values) {
			double l = left.value(values);
			double r = right.value(values);
			if (Double.isNaN(l) || Double.isNaN(r) || Double.isInfinite(l) || Double.isInfinite(r)) {
				return false;
			}
			double tolerance = EPSILON * Math.max(1, Math.max(Math.abs(l), Math.abs(r)));
			return switch (op) {
				case "<" -> l < r - tolerance;
				case "<=" -> l <= r + tolerance;
				case ">" -> l > r + tolerance;
				case ">=" -> l >= r - tolerance;
				case "==" -> Math.abs(l - r) <= tolerance;
				default -> Math.abs(l - r) > tolerance;
			};
		}

		public Set<String> collect(Set<String> keys) {
			left.collect(keys);
			return right.collect(keys);
		}
	}

	private record Logic(boolean and, Bool left, Bool right) implements Bool {

		public boolean test(Map<String, Double> values) {
			return and ? left.test(values) && right.test(values) : left.test(values) || right.test(values);
		}

		public Set<String> collect(Set<String> keys) {
			left.collect(keys);
			return right.collect(keys);
		}
	}

	private record Not(Bool operand) implements Bool {

		public boolean test(Map<String, Double> values) {
			return !operand.test(values);
		}

		public Set<String> collect(Set<String> keys) {
			return operand.collect(keys);
		}
	}

	// ---- reading

	private enum Kind {
		NUMBER, NAME, OP, LPAREN, RPAREN, END
	}

	private record Token(Kind kind, String text, int at) {
	}

	private static List<Token> tokens(String s) {
		List<Token> out = new ArrayList<>();
		int i = 0;
		while (i < s.length()) {
			char c = s.charAt(i);
			if (Character.isWhitespace(c)) {
				i++;
			}
			else if (c >= '0' && c <= '9' || c == '.') {
				int start = i;
				while (i < s.length() && (s.charAt(i) >= '0' && s.charAt(i) <= '9' || s.charAt(i) == '.')) {
					i++;
				}
				out.add(new Token(Kind.NUMBER, s.substring(start, i), start));
			}
			else if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_') {
				int start = i;
				while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) && s.charAt(i) < 128 || s.charAt(i) == '_')) {
					i++;
				}
				out.add(new Token(Kind.NAME, s.substring(start, i), start));
			}
			else if (c == '(') {
				out.add(new Token(Kind.LPAREN, "(", i++));
			}
			else if (c == ')') {
				out.add(new Token(Kind.RPAREN, ")", i++));
			}
			else if ("+-*/".indexOf(c) >= 0) {
				out.add(new Token(Kind.OP, String.valueOf(c), i++));
			}
			else if ("<>=!".indexOf(c) >= 0) {
				String two = i + 1 < s.length() ? s.substring(i, i + 2) : "";
				if (two.equals("<=") || two.equals(">=") || two.equals("==") || two.equals("!=")) {
					out.add(new Token(Kind.OP, two, i));
					i += 2;
				}
				else if (c == '<' || c == '>') {
					out.add(new Token(Kind.OP, String.valueOf(c), i++));
				}
				else {
					throw new SyntaxError("unexpected '" + c + "'", i);
				}
			}
			else if (c == '&' && s.startsWith("&&", i) || c == '|' && s.startsWith("||", i)) {
				out.add(new Token(Kind.NAME, c == '&' ? "and" : "or", i));
				i += 2;
			}
			else {
				throw new SyntaxError("unexpected '" + c + "'", i);
			}
		}
		out.add(new Token(Kind.END, "end of rule", s.length()));
		return out;
	}

	private static final class Parser {

		private final List<Token> tokens;

		private int next;

		Parser(List<Token> tokens) {
			this.tokens = tokens;
		}

		Token peek() {
			return tokens.get(next);
		}

		boolean word(String w) {
			if (peek().kind == Kind.NAME && peek().text.equalsIgnoreCase(w)) {
				next++;
				return true;
			}
			return false;
		}

		boolean op(String o) {
			if (peek().kind == Kind.OP && peek().text.equals(o)) {
				next++;
				return true;
			}
			return false;
		}

		private static void deep(int depth, Token at) {
			if (depth > MAX_DEPTH) {
				throw new SyntaxError("the rule nests too deeply", at.at);
			}
		}

		Node or(int depth) {
			Node left = and(depth);
			while (word("or")) {
				left = new Logic(false, bool(left), bool(and(depth)));
			}
			return left;
		}

		Node and(int depth) {
			Node left = not(depth);
			while (word("and")) {
				left = new Logic(true, bool(left), bool(not(depth)));
			}
			return left;
		}

		Node not(int depth) {
			if (word("not")) {
				deep(depth + 1, peek());
				return new Not(bool(not(depth + 1)));
			}
			return comparison(depth);
		}

		Node comparison(int depth) {
			Token start = peek();
			Node left = sum(depth);
			for (String o : List.of("<=", ">=", "==", "!=", "<", ">")) {
				if (op(o)) {
					Num right = num(sum(depth), start);
					return new Comparison(o, num(left, start), right);
				}
			}
			return left;
		}

		Node sum(int depth) {
			Token start = peek();
			Node left = product(depth);
			while (true) {
				if (op("+")) {
					left = new Arithmetic('+', num(left, start), num(product(depth), start));
				}
				else if (op("-")) {
					left = new Arithmetic('-', num(left, start), num(product(depth), start));
				}
				else {
					return left;
				}
			}
		}

		Node product(int depth) {
			Token start = peek();
			Node left = unary(depth);
			while (true) {
				if (op("*")) {
					left = new Arithmetic('*', num(left, start), num(unary(depth), start));
				}
				else if (op("/")) {
					left = new Arithmetic('/', num(left, start), num(unary(depth), start));
				}
				else {
					return left;
				}
			}
		}

		Node unary(int depth) {
			Token t = peek();
			if (op("-")) {
				deep(depth + 1, t);
				return new Negation(num(unary(depth + 1), t));
			}
			return primary(depth);
		}

		Node primary(int depth) {
			Token t = peek();
			switch (t.kind) {
				case NUMBER -> {
					next++;
					try {
						return new Constant(Double.parseDouble(t.text));
					}
					catch (NumberFormatException e) {
						throw new SyntaxError("'" + t.text + "' is not a number", t.at);
					}
				}
				case NAME -> {
					if (List.of("and", "or", "not").contains(t.text.toLowerCase(java.util.Locale.ROOT))) {
						throw new SyntaxError("'" + t.text + "' needs something before it", t.at);
					}
					next++;
					if (peek().kind == Kind.LPAREN) {
						throw new SyntaxError("functions are not allowed", peek().at);
					}
					return new Field(t.text);
				}
				case LPAREN -> {
					next++;
					deep(depth + 1, t);
					Node inner = or(depth + 1);
					if (peek().kind != Kind.RPAREN) {
						throw new SyntaxError("')' expected", peek().at);
					}
					next++;
					return inner;
				}
				default -> throw new SyntaxError("unexpected " + (t.kind == Kind.END ? "end of rule" : "'" + t.text + "'"), t.at);
			}
		}

		private Num num(Node n, Token at) {
			if (n instanceof Num num) {
				return num;
			}
			throw new SyntaxError("a comparison cannot be used as a number", at.at);
		}

		private Bool bool(Node n) {
			if (n instanceof Bool b) {
				return b;
			}
			throw new SyntaxError("'and', 'or' and 'not' join comparisons", peek().at);
		}
	}
}
