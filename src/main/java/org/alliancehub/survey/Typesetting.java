package org.alliancehub.survey;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;

import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.alliancehub.survey.internal.ReportFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.springframework.stereotype.Component;

/**
 * The statistics report's Chinese typesetting, for other modules' documents: XHTML in, PDF out, with the CJK
 * font found at run time embedded as the font family {@code cjk}. Without such a font it refuses with
 * {@link FontMissing} (the report's own message says what to install).
 */
@Component
public class Typesetting {

	/** No CJK font on this machine: a PDF would show empty boxes. */
	public static class FontMissing extends RuntimeException {

		FontMissing(String message) {
			super(message);
		}
	}

	public byte[] pdf(String xhtml) {
		File font;
		try {
			font = ReportFont.find();
		}
		catch (RuntimeException e) {
			throw new FontMissing(e.getMessage());
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (PDDocument doc = new PDDocument()) {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.usePDDocument(doc);
			builder.useFont(new PDFontSupplier(ReportFont.forPdf(doc, font)), "cjk");
			builder.withHtmlContent(xhtml, null);
			builder.withProducer("AllianceHub");
			builder.toStream(out);
			builder.run();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}
}
