package org.alliancehub.funding;

/** The funding module's enumerations, in the glossary's words. */
public final class FundingTypes {

	private FundingTypes() {
	}

	/** Where the money of a plan comes from. */
	public enum SourceKind {
		/** 会费: the contributions of the member alliances and organisations */
		MEMBERSHIP_FEES,
		/** 政府资助 */
		GOVERNMENT_GRANT,
		/** 企业赞助 */
		SPONSORSHIP,
		/** 其他 */
		OTHER
	}

	/** A plan is a draft until a BUDGET motion of the network adopts it; an approved plan is not edited. */
	public enum PlanStatus {
		DRAFT, APPROVED
	}
}
