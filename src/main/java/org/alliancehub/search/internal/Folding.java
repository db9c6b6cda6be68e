package org.alliancehub.search.internal;

import java.text.Normalizer;
import java.util.Locale;

import com.github.houbb.opencc4j.util.ZhConverterUtil;

/**
 * Brings text to one form before it is indexed or searched: compatibility forms unfolded (full-width
 * ＧＢ／Ｔ becomes GB/T), Traditional characters turned into Simplified phrase by phrase (OpenCC data),
 * and lower case. A query in 繁體 then meets text in 简体, and the other way round.
 */
public final class Folding {

	private Folding() {
	}

	public static String fold(String text) {
		if (text.isEmpty()) {
			return text;
		}
		String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC);
		return ZhConverterUtil.toSimple(nfkc).toLowerCase(Locale.ROOT);
	}
}
