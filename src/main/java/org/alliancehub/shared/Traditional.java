package org.alliancehub.shared;

import java.util.Map;

import com.github.houbb.opencc4j.util.ZhConverterUtil;

/**
 * Simplified Chinese written in Traditional characters, phrase by phrase with OpenCC's data, as pages and mail are
 * shown to a reader of 繁體. OpenCC reads 发 after a few characters as the 发 of hair (髮): its phrases 断发, 协发 and
 * 编发 mean cutting, tying and braiding hair, so 不断发展, 联盟协发网 and 编发简报 came out as 不斷髮展, 聯盟協髮網 and
 * 編髮簡報. On this platform those three are always 發 (to develop, to issue), and are written so.
 */
public final class Traditional {

	/** OpenCC's hair phrases that on this platform are always the 發 of developing and issuing. */
	private static final Map<String, String> NOT_HAIR = Map.of("斷髮", "斷發", "協髮", "協發", "編髮", "編發");

	private Traditional() {
	}

	/** The text in Traditional characters. */
	public static String of(String simplified) {
		String t = ZhConverterUtil.toTraditional(simplified);
		if (t.indexOf('髮') < 0) {
			return t;
		}
		for (Map.Entry<String, String> e : NOT_HAIR.entrySet()) {
			t = t.replace(e.getKey(), e.getValue());
		}
		return t;
	}

}
