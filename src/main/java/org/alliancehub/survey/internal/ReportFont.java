package org.alliancehub.survey.internal;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.File;
import java.io.IOException;
import java.util.List;

import org.alliancehub.survey.internal.ReportFontMissing;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CJK TrueType font the report is typeset in, looked for at run time among the usual places of Debian's
 * packages (fonts-wqy-zenhei first). PDF needs the glyphs embedded; without such a font Chinese would come
 * out as empty boxes, so the report refuses with a clear message instead.
 */
public final class ReportFont {

	private static final Logger log = LoggerFactory.getLogger(ReportFont.class);

	static final List<String> CANDIDATES = List.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
			"/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", "/usr/share/fonts/truetype/arphic/uming.ttc",
			"/usr/share/fonts/truetype/arphic/ukai.ttc", "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf");

	static final String INSTALL = "no CJK TrueType font found (looked for " + String.join(", ", CANDIDATES)
			+ "): install one, e.g. apt-get install fonts-wqy-zenhei";

	private ReportFont() {
	}

	public static File find() {
		String configured = System.getProperty("alliancehub.report-font");
		if (configured != null && new File(configured).isFile()) {
			return new File(configured);
		}
		for (String c : CANDIDATES) {
			File f = new File(c);
			if (f.isFile()) {
				return f;
			}
		}
		log.warn("PDF report impossible: {}", INSTALL);
		throw new ReportFontMissing(INSTALL);
	}

	/** The font for the PDF: the first face of a collection, embedded as a subset. */
	public static PDType0Font forPdf(PDDocument doc, File file) throws IOException {
		if (file.getName().endsWith(".ttc")) {
			TrueTypeFont[] first = { null };
			// the collection is kept open with the document: PDFBox reads the glyphs when it subsets at save
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

	/** The same font for Java2D (the charts' labels). */
	static Font forCharts(File file) {
		try {
			Font[] fonts = Font.createFonts(file);
			return fonts[0];
		}
		catch (FontFormatException | IOException e) {
			throw new ReportFontMissing(INSTALL + " (" + file + " unreadable: " + e.getMessage() + ")");
		}
	}

}
