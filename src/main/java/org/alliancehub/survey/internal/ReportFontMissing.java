package org.alliancehub.survey.internal;

/** No CJK TrueType font is installed, so a report in Chinese cannot be typeset. */
public class ReportFontMissing extends RuntimeException {

	public ReportFontMissing(String message) {
		super(message);
	}
}
