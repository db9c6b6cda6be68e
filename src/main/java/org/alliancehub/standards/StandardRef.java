package org.alliancehub.standards;

import org.jspecify.annotations.Nullable;

/** A standard as another module names it (a certificate attests conformity to it): enough to link and show it. */
public record StandardRef(long id, String alliance, @Nullable String number, String title, StandardStage stage) {

	/** Its page on the alliance's site. */
	public String url() {
		return "/a/" + alliance + "/standards/" + id;
	}
}
