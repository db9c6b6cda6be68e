package org.alliancehub.transfer;

/**
 * The joint project a demand started or an achievement came from (需求 → 项目 → 成果), shown only when the caller
 * may read it.
 */
public record ProjectLink(long id, String alliance, String title) {

	/** The project's page on its alliance's site. */
	public String url() {
		return "/a/" + alliance + "/projects/" + id;
	}
}
