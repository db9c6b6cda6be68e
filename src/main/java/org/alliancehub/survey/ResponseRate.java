package org.alliancehub.survey;

/** How many of those asked have handed in their answers ({@code rate} from 0 to 1), and how many have a draft. */
public record ResponseRate(int recipients, int submitted, int drafts, double rate) {

	public static ResponseRate of(int recipients, int submitted, int drafts) {
		return new ResponseRate(recipients, submitted, drafts, recipients == 0 ? 0 : (double) submitted / recipients);
	}

	/** The rate as a whole percentage, for pages. */
	public long percent() {
		return Math.round(rate * 100);
	}
}
