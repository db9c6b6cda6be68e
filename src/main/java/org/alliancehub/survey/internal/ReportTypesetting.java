package org.alliancehub.survey.internal;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.alliancehub.survey.Typesetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.springframework.stereotype.Component;

/** The statistics report's typesetting (font, charts, openhtmltopdf), for other modules' reports. */
@Component
class ReportTypesetting implements Typesetting {

	@Override
	public byte[] pdf(String xhtml) {
		File fontFile = font();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (PDDocument doc = new PDDocument()) {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.usePDDocument(doc);
			builder.useFont(new PDFontSupplier(ReportFont.forPdf(doc, fontFile)), "cjk");
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

	@Override
	public byte[] barChart(String title, List<Bar> bars) {
		return ReportCharts.bars(title, bars.stream().map(b -> new ReportCharts.Bar(b.label(), b.value())).toList(),
				ReportFont.forCharts(font()));
	}

	private static File font() {
		try {
			return ReportFont.find();
		}
		catch (ReportFontMissing e) {
			throw new FontMissing(e.getMessage());
		}
	}
}
