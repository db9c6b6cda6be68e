package org.alliancehub.shared;

import java.text.Collator;
import java.util.Comparator;
import java.util.Locale;

/**
 * Names in the order Chinese lists print them: by pinyin, as the database's {@code pinyin} collation sorts the
 * lists it pages. For lists sorted in Java after their names came from another module.
 */
public final class ChineseOrder {

	/** Compares names by pinyin; {@link Collator#compare} is synchronised, so one instance serves every thread. */
	public static final Comparator<String> NAMES = Collator.getInstance(Locale.CHINA)::compare;

	private ChineseOrder() {
	}

}
