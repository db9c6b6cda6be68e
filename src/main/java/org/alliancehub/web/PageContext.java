package org.alliancehub.web;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.alliancehub.shared.Greeted;
import org.alliancehub.shared.Html;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What a template needs to know about the request it renders: the language with its messages and date
 * formats, who is signed in, the CSRF token for forms, and links to the same page in other languages.
 */
public final class PageContext {

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private static final DateTimeFormatter ZH_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

	private static final DateTimeFormatter ZH_DATE_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

	private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

	private static final DateTimeFormatter EN_DATE_TIME = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm",
			Locale.ENGLISH);

	private final HttpServletRequest request;

	private final MessageSource messages;

	private final Language language;

	private final @Nullable String user;

	private final @Nullable String userName;

	/** The platform's public address (AllianceHubProperties.publicUrl), without a trailing slash. */
	private final String base;

	PageContext(HttpServletRequest request, MessageSource messages) {
		this(request, messages, request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort());
	}

	PageContext(HttpServletRequest request, MessageSource messages, String publicUrl) {
		this.base = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
		this.request = request;
		this.messages = messages;
		this.language = Language.of(request);
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		this.user = auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)
				? auth.getName() : null;
		this.userName = user != null && auth.getPrincipal() instanceof Greeted g && !g.displayName().isBlank()
				? g.displayName() : user;
	}

	public Language language() {
		return language;
	}

	public String htmlLang() {
		return language.tag();
	}

	public String t(String key, Object... args) {
		return messages.getMessage(key, args, key, language.locale());
	}

	/** A label for an enum value, e.g. {@code enum.MembershipRole.CHAIR}. */
	public String label(Enum<?> value) {
		return t("enum." + value.getDeclaringClass().getSimpleName() + "." + value.name());
	}

	public @Nullable String user() {
		return user;
	}

	/**
	 * A briefing's issue and title as a list shows them (第3期 化纤联盟简报), the issue left out when the title already
	 * names it (化纤联盟简报（第3期）), so that it is not said twice.
	 */
	public String briefingTitle(int issue, String title) {
		return title.contains("第" + issue + "期") || title.contains(t("briefing.issue", issue)) ? title
				: t("briefing.issue", issue) + " " + title;
	}

	/** What separates a label from its value: the full-width colon in Chinese, a colon and a space in English. */
	public String colon() {
		return language == Language.EN ? ": " : "：";
	}

	/** The signed-in person's name to greet them by: their display name, or else their sign-in name. */
	public @Nullable String userName() {
		return userName;
	}

	public boolean signedIn() {
		return user != null;
	}

	public String path() {
		return request.getRequestURI();
	}

	/** This page's address as it is shared (Open Graph og:url, the QR code): the public address and the path. */
	public String url() {
		return base + request.getRequestURI();
	}

	/** An address made absolute on the public address ({@code /img/x.png} → {@code https://host/img/x.png}). */
	public String absolute(String pathOrUrl) {
		return pathOrUrl.startsWith("http://") || pathOrUrl.startsWith("https://") ? pathOrUrl
				: base + (pathOrUrl.startsWith("/") ? "" : "/") + pathOrUrl;
	}

	/** The first words of an HTML body as plain text, for a shared link's description (at most 120 characters). */
	public String excerpt(@Nullable String html) {
		if (html == null) {
			return "";
		}
		// every character reference undone (the sanitiser writes some punctuation as &#xff0c;), the page escapes it once
		String text = Html.text(html.replaceAll("(?s)<(script|style)[^>]*>.*?</\\1>", " "));
		return text.length() <= 120 ? text : text.substring(0, 119) + "…";
	}

	/** The address of the first image of an HTML body, absolute, or null when it has none. */
	public @Nullable String firstImage(@Nullable String html) {
		if (html == null) {
			return null;
		}
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("<img\\b[^>]*\\bsrc=\"([^\"]+)\"").matcher(html);
		return m.find() ? absolute(m.group(1).replace("&amp;", "&")) : null;
	}

	/** The same page in another language. */
	public String switchTo(Language l) {
		return UriComponentsBuilder.fromPath(request.getRequestURI())
			.query(request.getQueryString())
			.replaceQueryParam(Language.PARAM, l.tag())
			.build()
			.encode()
			.toUriString();
	}

	/** This page with one query parameter set (or removed when null), back on the first page of results. */
	public String with(String name, @Nullable Object value) {
		UriComponentsBuilder b = UriComponentsBuilder.fromPath(request.getRequestURI())
			.query(request.getQueryString())
			.replaceQueryParam("page");
		if (value == null) {
			b.replaceQueryParam(name);
		}
		else {
			b.replaceQueryParam(name, value);
		}
		return b.build().encode().toUriString();
	}

	/** This page showing another page of results. */
	public String page(int page) {
		return UriComponentsBuilder.fromPath(request.getRequestURI())
			.query(request.getQueryString())
			.replaceQueryParam("page", page)
			.build()
			.encode()
			.toUriString();
	}

	public Language[] languages() {
		return Language.values();
	}

	/** The CSRF token for a form; asking for it ties the visitor to a session, so only forms call it. */
	public String csrfParameter() {
		CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
		return token == null ? "_csrf" : token.getParameterName();
	}

	public String csrfToken() {
		CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
		return token == null ? "" : token.getToken();
	}

	/**
	 * The CSRF token as a query parameter, for multipart forms: the token must be checked before the upload
	 * is read, so it travels in the action's address (every other form uses {@code tag/csrf.jte}).
	 */
	public String csrfQuery() {
		return csrfParameter() + "=" + csrfToken();
	}

	public String date(@Nullable TemporalAccessor t) {
		if (t == null) {
			return "";
		}
		TemporalAccessor local = t instanceof OffsetDateTime o ? o.atZoneSameInstant(CHINA) : t;
		boolean english = language == Language.EN;
		return (english ? EN_DATE : ZH_DATE).format(local);
	}

	public String dateTime(@Nullable OffsetDateTime t) {
		if (t == null) {
			return "";
		}
		return (language == Language.EN ? EN_DATE_TIME : ZH_DATE_TIME).format(t.atZoneSameInstant(CHINA));
	}

	public String isoDate(@Nullable OffsetDateTime t) {
		return t == null ? "" : t.atZoneSameInstant(CHINA).toLocalDate().toString();
	}

	public String isoDate(@Nullable LocalDate d) {
		return d == null ? "" : d.toString();
	}

	/** A whole number as the language writes it: thousands grouped (12,345), as {@link NumberFormat} does. */
	public String number(long n) {
		return Grouping.of(language).format(n);
	}

	/**
	 * How a language groups a whole number, learnt once from its {@link NumberFormat}: a page prints dozens of numbers,
	 * and a {@code NumberFormat} made for each was a twentieth of rendering the network's home page (stop 29's
	 * profile). Where the format is not plain digits with one separator every three, the format itself is asked.
	 */
	private record Grouping(Locale locale, char separator, boolean plain) {

		private static final java.util.Map<Language, Grouping> BY_LANGUAGE = new java.util.EnumMap<>(Language.class);

		static {
			for (Language l : Language.values()) {
				NumberFormat format = NumberFormat.getIntegerInstance(l.locale());
				String million = format.format(-1_234_567);
				char separator = million.length() == 10 ? million.charAt(2) : ',';
				boolean plain = million.equals("-1" + separator + "234" + separator + "567")
						&& format.format(999).equals("999") && !Character.isDigit(separator);
				BY_LANGUAGE.put(l, new Grouping(l.locale(), separator, plain));
			}
		}

		static Grouping of(Language language) {
			return BY_LANGUAGE.get(language);
		}

		String format(long n) {
			if (!plain || n == Long.MIN_VALUE) {
				return NumberFormat.getIntegerInstance(locale).format(n);
			}
			String digits = Long.toString(Math.abs(n));
			int length = digits.length();
			if (length <= 3) {
				return n < 0 ? "-" + digits : digits;
			}
			StringBuilder out = new StringBuilder(length + length / 3 + 1);
			if (n < 0) {
				out.append('-');
			}
			int head = length % 3 == 0 ? 3 : length % 3;
			out.append(digits, 0, head);
			for (int i = head; i < length; i += 3) {
				out.append(separator).append(digits, i, i + 3);
			}
			return out.toString();
		}
	}

	/**
	 * A measured value as pages and exports print it: grouped thousands, at most two decimals, the same in
	 * every language (the one helper templates format decimals through).
	 */
	public String decimal(double d) {
		return new java.text.DecimalFormat("#,##0.##", java.text.DecimalFormatSymbols.getInstance(Locale.ROOT)).format(d);
	}
}
