package org.alliancehub.certification.internal;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.alliancehub.certification.CertificateView;
import org.alliancehub.shared.QrCode;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The certificate as a PDF: typeset from HTML by openhtmltopdf in a CJK font found at run time, with a QR code
 * (ZXing) of its verification address. The canonical content and its signature travel in the document information
 * dictionary, Base64-encoded, under {@link #CONTENT} and {@link #SIGNATURE}, where {@link #signed(byte[])} reads them
 * back; the visible page is for people, the embedded content for the check.
 */
@Component
public class CertificatePdf {

	public static final String CONTENT = "AllianceHubCertificate";

	public static final String SIGNATURE = "AllianceHubSignature";

	static final List<String> FONTS = List.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
			"/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", "/usr/share/fonts/truetype/arphic/uming.ttc",
			"/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
			"/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc");

	private final MessageSource messages;

	CertificatePdf(MessageSource messages) {
		this.messages = messages;
	}

	/** No CJK TrueType font is installed: the PDF cannot be typeset (answered as 503). */
	public static class FontMissing extends RuntimeException {

		FontMissing() {
			super("no CJK TrueType font found (looked for " + String.join(", ", FONTS)
					+ "): install one, e.g. apt-get install fonts-wqy-zenhei");
		}
	}

	/** What a PDF carries: the signed content and the signature, each null when absent or unreadable. */
	public record Signed(@Nullable String content, byte @Nullable [] signature) {
	}

	public byte[] render(CertificateView c, Locale locale) {
		File font = font();
		String html = html(c, locale);
		ByteArrayOutputStream typeset = new ByteArrayOutputStream();
		try (PDDocument doc = new PDDocument()) {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.usePDDocument(doc);
			builder.useFont(new PDFontSupplier(forPdf(doc, font)), "cjk");
			builder.withHtmlContent(html, null);
			builder.withProducer("AllianceHub");
			builder.toStream(typeset);
			builder.run();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		try (PDDocument doc = Loader.loadPDF(typeset.toByteArray())) {
			PDDocumentInformation info = doc.getDocumentInformation();
			info.setTitle(c.number());
			info.setCustomMetadataValue(CONTENT,
					Base64.getEncoder().encodeToString(c.canonical().getBytes(StandardCharsets.UTF_8)));
			info.setCustomMetadataValue(SIGNATURE, c.signature());
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			// no object streams: the signed content stays a plain string of the file, as the README says
			doc.save(out, CompressParameters.NO_COMPRESSION);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The signed content a PDF carries; nulls for anything that is not such a PDF. */
	public static Signed signed(byte[] pdf) {
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			PDDocumentInformation info = doc.getDocumentInformation();
			String content = info.getCustomMetadataValue(CONTENT);
			String signature = info.getCustomMetadataValue(SIGNATURE);
			if (content == null || signature == null) {
				return new Signed(null, null);
			}
			return new Signed(new String(Base64.getDecoder().decode(content.strip()), StandardCharsets.UTF_8),
					Base64.getDecoder().decode(signature.strip()));
		}
		catch (IOException | IllegalArgumentException | IllegalStateException e) {
			return new Signed(null, null);
		}
	}

	/** A QR code of the text as a PNG, eight pixels a module with the standard quiet zone. */
	public static byte[] qr(String text) {
		return QrCode.png(text, 8);
	}

	String html(CertificateView c, Locale locale) {
		StringBuilder h = new StringBuilder(4096);
		h.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"/><title>").append(x(c.number()))
			.append("</title><style>@page{size:A4;margin:20mm 18mm;}body{font-family:cjk;font-size:11pt;color:#222;}")
			.append(".frame{border:3px double #8a6d3b;padding:12mm 10mm;}h1{text-align:center;font-size:26pt;margin:2mm 0 8mm;}")
			.append("p.issuer{text-align:center;font-size:14pt;}table{width:100%;border-collapse:collapse;margin:6mm 0;}")
			.append("th{text-align:left;width:32%;padding:2mm;color:#555;font-weight:normal;}td{padding:2mm;}")
			.append(".qr{text-align:center;margin-top:6mm;}.qr img{width:38mm;height:38mm;}.small{font-size:8.5pt;color:#555;}")
			.append(".demo{color:#b00;text-align:center;font-size:12pt;}</style></head><body><div class=\"frame\">");
		h.append("<p class=\"issuer\">").append(x(c.allianceName())).append("</p>");
		h.append("<h1>").append(x(t("enum.CertificateKind." + c.kind().name(), locale))).append("</h1>");
		if (c.demo()) {
			h.append("<p class=\"demo\">").append(x(t("cert.demoNotice", locale))).append("</p>");
		}
		h.append("<table>");
		row(h, t("cert.number", locale), c.number());
		row(h, t("cert.holder", locale), c.holder());
		if (c.product() != null) {
			row(h, t("cert.product", locale), c.product());
		}
		row(h, t("cert.subject", locale), c.subject());
		if (c.standardNumber() != null) {
			row(h, t("cert.standard", locale), c.standardNumber());
		}
		row(h, t("cert.scope", locale), c.scope());
		row(h, t("cert.issuedOn", locale), c.issuedOn().toString());
		row(h, t("cert.validUntil", locale), c.validUntil().toString());
		row(h, t("cert.issuer", locale), c.issuer());
		h.append("</table><div class=\"qr\"><img src=\"data:image/png;base64,")
			.append(Base64.getEncoder().encodeToString(qr(c.verificationUrl()))).append("\"/><p class=\"small\">")
			.append(x(t("cert.pdf.scan", locale))).append("<br/>").append(x(c.verificationUrl())).append("</p></div>")
			.append("<p class=\"small\">").append(x(t("cert.pdf.signed", locale))).append("</p></div></body></html>");
		return h.toString();
	}

	private static void row(StringBuilder h, String label, String value) {
		h.append("<tr><th>").append(x(label)).append("</th><td>").append(x(value)).append("</td></tr>");
	}

	private String t(String key, Locale locale) {
		return messages.getMessage(key, null, locale);
	}

	static String x(String s) {
		StringBuilder out = new StringBuilder(s.length());
		for (char ch : s.toCharArray()) {
			switch (ch) {
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '&' -> out.append("&amp;");
				case '"' -> out.append("&quot;");
				default -> {
					if (ch >= 0x20 || ch == '\n' || ch == '\t') {
						out.append(ch);
					}
				}
			}
		}
		return out.toString();
	}

	static File font() {
		String configured = System.getProperty("alliancehub.report-font");
		if (configured != null && new File(configured).isFile()) {
			return new File(configured);
		}
		for (String c : FONTS) {
			File f = new File(c);
			if (f.isFile()) {
				return f;
			}
		}
		throw new FontMissing();
	}

	private static PDFont forPdf(PDDocument doc, File file) throws IOException {
		if (file.getName().endsWith(".ttc")) {
			TrueTypeFont[] first = { null };
			TrueTypeCollection collection = new TrueTypeCollection(file);
			collection.processAllFonts(f -> {
				if (first[0] == null) {
					first[0] = f;
				}
			});
			return PDType0Font.load(doc, first[0], true);
		}
		return PDType0Font.load(doc, file);
	}
}
