package org.alliancehub.web;

import java.util.Locale;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/** The three languages the site speaks; Simplified Chinese unless the visitor chose another. */
public enum Language {

	ZH_CN("zh-CN", Locale.SIMPLIFIED_CHINESE, "简体"), ZH_TW("zh-TW", Locale.TRADITIONAL_CHINESE, "繁體"),
	EN("en", Locale.ENGLISH, "English");

	public static final String PARAM = "lang";

	public static final String COOKIE = "lang";

	static final String ATTRIBUTE = Language.class.getName();

	private final String tag;

	private final Locale locale;

	private final String label;

	Language(String tag, Locale locale, String label) {
		this.tag = tag;
		this.locale = locale;
		this.label = label;
	}

	public String tag() {
		return tag;
	}

	public Locale locale() {
		return locale;
	}

	/** The name of the language in itself, as the switch shows it. */
	public String label() {
		return label;
	}

	/**
	 * The name as HTML character references: a page shown in Traditional characters is converted as a
	 * whole, and "简体" must still name itself in Simplified characters.
	 */
	public String labelHtml() {
		StringBuilder b = new StringBuilder();
		label.codePoints().forEach(c -> b.append("&#").append(c).append(';'));
		return b.toString();
	}

	public static @Nullable Language parse(@Nullable String s) {
		if (s == null) {
			return null;
		}
		for (Language l : values()) {
			if (l.tag.equalsIgnoreCase(s) || l.tag.replace('-', '_').equalsIgnoreCase(s)) {
				return l;
			}
		}
		return null;
	}

	/** The language of a request: {@code ?lang=}, else the cookie a previous choice left, else Simplified Chinese. */
	public static Language of(HttpServletRequest request) {
		Object resolved = request.getAttribute(ATTRIBUTE);
		if (resolved instanceof Language l) {
			return l;
		}
		Language l = parse(request.getParameter(PARAM));
		if (l == null) {
			l = fromCookie(request);
		}
		if (l == null) {
			l = ZH_CN;
		}
		request.setAttribute(ATTRIBUTE, l);
		return l;
	}

	/** The language a previous choice left in the cookie, if any. */
	public static @Nullable Language fromCookie(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies != null) {
			for (Cookie c : cookies) {
				if (COOKIE.equals(c.getName())) {
					return parse(c.getValue());
				}
			}
		}
		return null;
	}
}
