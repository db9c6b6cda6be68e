package org.alliancehub.content.internal;

import org.alliancehub.content.Briefing;
import org.alliancehub.network.Alliance;
import org.alliancehub.shared.Html;
import org.alliancehub.survey.Typesetting;
import org.springframework.stereotype.Component;

/** A briefing issue as a PDF, typeset in Chinese by the statistics report's {@link Typesetting}. */
@Component
public class BriefingPdf {

	private final Typesetting typesetting;

	BriefingPdf(Typesetting typesetting) {
		this.typesetting = typesetting;
	}

	public byte[] render(Alliance alliance, Briefing b, String issueLabel) {
		String body = Html.sanitize(b.body());
		try {
			return typesetting.pdf(page(alliance, b, issueLabel, body));
		}
		catch (RuntimeException e) {
			if (e instanceof Typesetting.FontMissing) {
				throw e;
			}
			// a body the XHTML parser cannot read is typeset as its plain text
			return typesetting.pdf(page(alliance, b, issueLabel, "<pre>" + escape(Html.text(b.body())) + "</pre>"));
		}
	}

	private static String page(Alliance alliance, Briefing b, String issueLabel, String body) {
		return """
				<!DOCTYPE html><html><head><meta charset="UTF-8"/><style>
				@page { size: A4; margin: 20mm 18mm; }
				body { font-family: cjk; font-size: 11pt; line-height: 1.6; }
				header { text-align: center; border-bottom: 2px solid #b00; margin-bottom: 8mm; }
				header h1 { color: #b00; font-size: 22pt; margin: 0; }
				.editor-note { border: 1px solid #ccc; padding: 3mm; background: #f6f6f6; }
				article h2 { font-size: 14pt; margin-top: 8mm; }
				.note { color: #555; }
				pre { white-space: pre-wrap; font-family: cjk; }
				</style></head><body>
				<header><h1>%s</h1><p>%s %s · %s</p></header>
				<h2>%s</h2>
				%s
				</body></html>""".formatted(escape(alliance.name()), escape(issueLabel), "", b.publishedOn(),
				escape(b.title()), body);
	}

	private static String escape(String s) {
		return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}
}
