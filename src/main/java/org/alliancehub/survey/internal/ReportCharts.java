package org.alliancehub.survey.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import javax.imageio.ImageIO;

/**
 * Simple horizontal bar charts drawn with Java2D into PNG, for the PDF report: the charts of the web page are
 * drawn by ECharts in the browser, which a PDF renderer cannot run.
 */
final class ReportCharts {

	record Bar(String label, double value) {
	}

	private static final Color[] PALETTE = { new Color(0x5470c6), new Color(0x91cc75), new Color(0xfac858),
			new Color(0xee6666), new Color(0x73c0de), new Color(0x3ba272) };

	private ReportCharts() {
	}

	static byte[] bars(String title, List<Bar> bars, Font font) {
		int width = 1400;
		int row = 40;
		int top = 80;
		int height = top + Math.max(1, bars.size()) * row + 30;
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			g.setColor(Color.WHITE);
			g.fillRect(0, 0, width, height);
			g.setColor(new Color(0x222222));
			g.setFont(font.deriveFont(Font.PLAIN, 30f));
			g.drawString(title, 20, 45);
			g.setFont(font.deriveFont(Font.PLAIN, 22f));
			FontMetrics m = g.getFontMetrics();
			int labelWidth = 0;
			for (Bar b : bars) {
				labelWidth = Math.max(labelWidth, m.stringWidth(b.label()));
			}
			labelWidth = Math.min(labelWidth + 20, 420);
			double max = bars.stream().mapToDouble(Bar::value).map(Math::abs).max().orElse(1);
			if (max == 0) {
				max = 1;
			}
			int plot = width - labelWidth - 220;
			g.setColor(new Color(0xdddddd));
			g.setStroke(new BasicStroke(2));
			g.drawLine(labelWidth, top - 10, labelWidth, height - 20);
			for (int i = 0; i < bars.size(); i++) {
				Bar b = bars.get(i);
				int y = top + i * row;
				g.setColor(new Color(0x333333));
				g.drawString(b.label(), labelWidth - 10 - m.stringWidth(b.label()), y + 26);
				int w = (int) Math.round(plot * Math.abs(b.value()) / max);
				g.setColor(PALETTE[i % PALETTE.length]);
				g.fillRect(labelWidth + 2, y + 6, Math.max(w, 1), row - 12);
				g.setColor(new Color(0x333333));
				g.drawString(ExportWriter.plainRounded(b.value()), labelWidth + 10 + w, y + 26);
			}
		}
		finally {
			g.dispose();
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}
}
