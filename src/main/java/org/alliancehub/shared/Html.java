package org.alliancehub.shared;

import java.util.regex.Pattern;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * The one HTML policy for rich text that people type into the back office: formatting, links, images,
 * tables. Scripts, event handlers, styles and foreign frames never survive it.
 */
public final class Html {

	private static final PolicyFactory POLICY = Sanitizers.FORMATTING.and(Sanitizers.BLOCKS)
		.and(Sanitizers.LINKS)
		.and(Sanitizers.IMAGES)
		.and(Sanitizers.TABLES)
		.and(new HtmlPolicyBuilder().allowElements("hr", "br", "pre", "code", "figure", "figcaption")
			.allowAttributes("class")
			.matching(Pattern.compile("ql-[a-z0-9-]+( ql-[a-z0-9-]+)*"))
			.onElements("p", "span", "li", "pre", "h1", "h2", "h3", "h4")
			.toFactory())
		// an image nobody described is marked decorative (alt=""), so no page shows an image without a text
		// alternative (axe: image-alt); an alt the author gave is kept
		.and(new HtmlPolicyBuilder().allowElements((name, attrs) -> {
			if (!attrs.contains("alt")) {
				attrs.add("alt");
				attrs.add("");
			}
			return name;
		}, "img").toFactory());

	private static final Pattern TAGS = Pattern.compile("<[^>]*>");

	private static final Pattern SPACE = Pattern.compile("\\s+");

	private Html() {
	}

	public static String sanitize(String html) {
		return POLICY.sanitize(html);
	}

	/** The text of sanitised HTML, for snippets and descriptions. */
	public static String text(String html) {
		String t = org.springframework.web.util.HtmlUtils.htmlUnescape(TAGS.matcher(html).replaceAll(" "))
			.replace('\u00a0', ' ');
		return SPACE.matcher(t).replaceAll(" ").trim();
	}

	/** The beginning of a text, cut after {@code max} characters with an ellipsis. */
	public static String excerpt(String html, int max) {
		String t = text(html);
		return t.length() <= max ? t : t.substring(0, max) + "…";
	}
}
