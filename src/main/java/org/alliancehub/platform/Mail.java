package org.alliancehub.platform;

import java.util.Locale;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.alliancehub.shared.Traditional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Plain-text e-mail in UTF-8 from the platform's sender address, for the modules that tell people what happened.
 * Without a configured mail server nothing is sent, and {@link #send} says so.
 */
@Component
public class Mail {

	static final String FROM = "noreply@alliancehub.local";

	private final ObjectProvider<JavaMailSender> sender;

	Mail(ObjectProvider<JavaMailSender> sender) {
		this.sender = sender;
	}

	/** Whether a mail server is configured. */
	public boolean available() {
		return sender.getIfAvailable() != null;
	}

	/** Sends one message; false when no mail server is configured. */
	public boolean send(String to, String subject, String text) {
		return send(to, subject, text, Map.of());
	}

	/**
	 * Sends one message written for a reader of this language (the message bundle of {@code reader} wrote it):
	 * for a reader of Traditional Chinese, subject and text are converted phrase by phrase (OpenCC), so that the
	 * names and titles typed in Simplified characters read as the pages in 繁體 do; {@code Content-Language} says
	 * the language. False when no mail server is configured.
	 */
	public boolean send(String to, Locale reader, String subject, String text) {
		return send(to, reader, subject, text, Map.of());
	}

	/** As {@link #send(String, Locale, String, String)}, with extra header fields. */
	public boolean send(String to, Locale reader, String subject, String text, Map<String, String> headers) {
		Map<String, String> all = new java.util.LinkedHashMap<>(headers);
		all.putIfAbsent("Content-Language", reader.toLanguageTag());
		return send(to, forReader(reader, subject), forReader(reader, text), all);
	}

	/** The text as a reader of this language reads it: in Traditional characters for Traditional Chinese. */
	public static String forReader(Locale reader, String text) {
		return isTraditional(reader) ? Traditional.of(text) : text;
	}

	private static boolean isTraditional(Locale l) {
		return "zh".equals(l.getLanguage()) && ("TW".equals(l.getCountry()) || "HK".equals(l.getCountry())
				|| "MO".equals(l.getCountry()) || "Hant".equals(l.getScript()));
	}

	/**
	 * The one of the platform's three languages ({@code zh-CN}, {@code zh-TW}, {@code en}) a reader of this locale
	 * reads mail in: English for any English, Traditional Chinese for Chinese of Taiwan, Hong Kong, Macao or in
	 * Traditional script, else Simplified Chinese (as for a language the platform does not write).
	 */
	public static String language(Locale reader) {
		return "en".equals(reader.getLanguage()) ? "en" : isTraditional(reader) ? "zh-TW" : "zh-CN";
	}

	/**
	 * What a link in a mail adds to an address without a query, so that the page opens in the reader's language
	 * (the site's {@code ?lang=}); nothing for Simplified Chinese, the site's default.
	 */
	public static String languageQuery(Locale reader) {
		String tag = language(reader);
		return "zh-CN".equals(tag) ? "" : "?lang=" + tag;
	}

	/**
	 * Sends one message with extra header fields (e.g. {@code List-Unsubscribe}); false when no mail server is
	 * configured.
	 */
	public boolean send(String to, String subject, String text, Map<String, String> headers) {
		JavaMailSender mail = sender.getIfAvailable();
		if (mail == null) {
			return false;
		}
		try {
			MimeMessage message = mail.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
			helper.setTo(to);
			helper.setFrom(FROM);
			helper.setSubject(subject);
			helper.setText(text);
			for (Map.Entry<String, String> h : headers.entrySet()) {
				message.setHeader(h.getKey(), h.getValue());
			}
			mail.send(message);
			return true;
		}
		catch (MessagingException ex) {
			throw new IllegalStateException("the message to " + to + " could not be written", ex);
		}
	}

}
