package org.alliancehub.governance.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.alliancehub.governance.GovernanceTypes.Majority;
import org.alliancehub.governance.GovernanceTypes.MeetingKind;
import org.alliancehub.governance.GovernanceTypes.MotionType;
import org.alliancehub.shared.Invalid;
import org.jspecify.annotations.Nullable;

/**
 * The voting rules of an alliance's charter (章程): the quorum of each kind of meeting and the majority
 * each type of motion needs, both as defaults and as minimums, and how many written proxies one
 * organisation may hold. A motion may ask for more than its charter (a higher quorum, a stricter majority
 * in the order of {@link Majority#atLeastAsStrictAs}), never for less.
 *
 * <p>An alliance without a charter of its own has the built-in one: half of the voting participants make
 * a quorum at every kind of meeting (what the platform always asked); ordinary matters, admissions,
 * elections and budgets by simple majority, charter amendments by two thirds, group standards by three
 * quarters of those present with the drafting organisations left out; one proxy per holder.
 */
public record Charter(String alliance, Map<MeetingKind, BigDecimal> quorum, Map<MotionType, Majority> majority,
		int maxProxiesPerHolder, boolean builtIn, long version) {

	static final BigDecimal HALF = new BigDecimal("0.5000");

	public Charter {
		quorum = Collections.unmodifiableMap(quorum.isEmpty() ? new EnumMap<>(MeetingKind.class) : new EnumMap<>(quorum));
		majority = Collections.unmodifiableMap(majority.isEmpty() ? new EnumMap<>(MotionType.class) : new EnumMap<>(majority));
	}

	static Map<MeetingKind, BigDecimal> builtInQuorum() {
		Map<MeetingKind, BigDecimal> q = new EnumMap<>(MeetingKind.class);
		for (MeetingKind k : MeetingKind.values()) {
			q.put(k, HALF);
		}
		return q;
	}

	static Map<MotionType, Majority> builtInMajority() {
		Map<MotionType, Majority> m = new EnumMap<>(MotionType.class);
		for (MotionType t : MotionType.values()) {
			m.put(t, switch (t) {
				case ORDINARY, ADMISSION, ELECTION, BUDGET -> Majority.SIMPLE;
				case CHARTER_AMENDMENT -> Majority.TWO_THIRDS;
				case GROUP_STANDARD -> Majority.THREE_QUARTERS;
			});
		}
		return m;
	}

	static Charter builtIn(String alliance) {
		return new Charter(alliance, builtInQuorum(), builtInMajority(), 1, true, 0);
	}

	public BigDecimal quorumOf(MeetingKind kind) {
		return quorum.getOrDefault(kind, HALF);
	}

	public Majority majorityOf(MotionType type) {
		return majority.getOrDefault(type, builtInMajority().get(type));
	}

	/** The rules a motion is voted by. */
	public record Rules(Majority majority, BigDecimal quorum) {
	}

	/**
	 * The rules of a motion of this type at this kind of meeting: the charter's unless the motion asks for
	 * stricter ones; asking for laxer ones names the field ({@code quorum}, {@code majority}) in the errors.
	 */
	public Rules rulesFor(MeetingKind kind, MotionType type, @Nullable Majority asked, @Nullable BigDecimal askedQuorum,
			List<Invalid.FieldError> errors) {
		BigDecimal minQuorum = quorumOf(kind);
		Majority minMajority = majorityOf(type);
		if (askedQuorum != null && askedQuorum.compareTo(minQuorum) < 0) {
			errors.add(new Invalid.FieldError("quorum", "the charter asks for a quorum of at least "
					+ minQuorum.stripTrailingZeros().toPlainString() + " at a " + kind + " meeting"));
		}
		if (asked != null && !asked.atLeastAsStrictAs(minMajority)) {
			errors.add(new Invalid.FieldError("majority",
					"the charter asks for a " + minMajority + " majority (or a stricter one) on a " + type + " motion"));
		}
		return new Rules(asked != null ? asked : minMajority, askedQuorum != null ? askedQuorum : minQuorum);
	}

	/** Checks a charter as a secretariat writes it; every invalid entry is named. */
	static Charter parse(String alliance, @Nullable Map<String, BigDecimal> quorum, @Nullable Map<String, String> majority,
			@Nullable Integer maxProxiesPerHolder, long version) {
		List<Invalid.FieldError> errors = new ArrayList<>();
		Map<MeetingKind, BigDecimal> q = builtInQuorum();
		if (quorum != null) {
			quorum.forEach((kind, value) -> {
				MeetingKind k = enumOf(MeetingKind.class, kind);
				if (k == null) {
					errors.add(new Invalid.FieldError("quorum." + kind, "not a meeting kind (COUNCIL, GENERAL_ASSEMBLY, SECRETARIAT)"));
				}
				else if (value == null || value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0 || value.scale() > 4) {
					errors.add(new Invalid.FieldError("quorum." + kind, "a fraction between 0 and 1, at most 4 decimals"));
				}
				else {
					q.put(k, value);
				}
			});
		}
		Map<MotionType, Majority> m = builtInMajority();
		if (majority != null) {
			majority.forEach((type, value) -> {
				MotionType t = enumOf(MotionType.class, type);
				Majority v = value == null ? null : enumOf(Majority.class, value);
				if (t == null) {
					errors.add(new Invalid.FieldError("majority." + type, "not a motion type"));
				}
				else if (v == null) {
					errors.add(new Invalid.FieldError("majority." + type,
							"SIMPLE, TWO_THIRDS, THREE_QUARTERS or ABSOLUTE"));
				}
				else {
					m.put(t, v);
				}
			});
		}
		int max = maxProxiesPerHolder == null ? 1 : maxProxiesPerHolder;
		if (max < 0 || max > 10) {
			errors.add(new Invalid.FieldError("maxProxiesPerHolder", "between 0 and 10"));
		}
		if (!errors.isEmpty()) {
			throw new Invalid(errors);
		}
		return new Charter(alliance, q, m, max, false, version);
	}

	private static <E extends Enum<E>> @Nullable E enumOf(Class<E> type, @Nullable String name) {
		try {
			return name == null ? null : Enum.valueOf(type, name);
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}
}
