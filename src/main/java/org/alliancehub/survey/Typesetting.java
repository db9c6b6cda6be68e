package org.alliancehub.survey;

import java.util.List;

/**
 * The Chinese typesetting of the statistics report, offered to the modules that make PDF reports of their
 * own (the network's annual report): HTML to PDF with openhtmltopdf and the CJK font the statistics report
 * embeds (family {@code cjk} in the HTML's CSS), and the bar charts it draws server-side, since a PDF
 * renderer cannot run the browser's ECharts. Without a CJK font both refuse with a message saying which
 * package to install, as the statistics report does.
 */
public interface Typesetting {

	/** One bar of a chart. */
	record Bar(String label, double value) {
	}

	/** No CJK font is installed: the message names the package to install. */
	class FontMissing extends RuntimeException {

		public FontMissing(String message) {
			super(message);
		}
	}

	/** The PDF of an XHTML document whose CSS names {@code font-family: cjk}. */
	byte[] pdf(String xhtml);

	/** A horizontal bar chart as PNG, labels in the CJK font; embed it as a {@code data:} image. */
	byte[] barChart(String title, List<Bar> bars);
}
