package org.alliancehub.standards;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** A line of an alliance's register of standards. */
public record StandardLine(long id, String alliance, String title, StandardStage stage, @Nullable String number,
		@Nullable LocalDate issuedOn, @Nullable LocalDate commentTo, boolean demo) {

	/** In its public comment period: the register shows until when. */
	public boolean inComment() {
		return stage == StandardStage.COMMENT;
	}

	public String url() {
		return "/a/" + alliance + "/standards/" + id;
	}
}
