package org.alliancehub.standards;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A group standard with everything its page shows: the proposal, the drafting group, the drafts, the comment
 * period with the comments and their dispositions (意见汇总处理表), the expert reviews, the votes, the
 * publication and the whole trail. A commenter's contact is given to the secretariat only.
 */
public record StandardView(long id, String alliance, String allianceName, String title, String scope, String reasons,
		StandardStage stage, @Nullable Long projectId, List<Proposer> proposers, List<DraftingMember> draftingGroup,
		List<DraftVersion> drafts, @Nullable LocalDate commentFrom, @Nullable LocalDate commentTo, boolean commentOpen,
		List<PublicComment> comments, List<ExpertReview> reviews, @Nullable Long startMotionId, @Nullable Long approvalMotionId,
		boolean approvalAdopted, @Nullable String number, @Nullable LocalDate issuedOn, @Nullable LocalDate effectiveOn,
		@Nullable StandardDocument finalDocument, List<TrailEntry> history, List<Amendment> amendments, boolean demo,
		long version, OffsetDateTime createdAt) {

	/** An amendment (修改单) of the published standard: its own numbered version, the n-th of the standard. */
	public record Amendment(int seq, String number, LocalDate issuedOn, String reason) {
	}

	public record Proposer(long id, String name) {
	}

	/** A drafting unit (an organisation) or an expert by name. */
	public record DraftingMember(long id, @Nullable Long organizationId, String name, @Nullable String affiliation) {

		public boolean expert() {
			return organizationId == null;
		}
	}

	public record DraftVersion(int version, @Nullable String note, boolean hasText, @Nullable StandardDocument file, OffsetDateTime createdAt) {
	}

	public record StandardDocument(String filename, String contentType, long sizeBytes, String url) {
	}

	/** A public comment on a clause; {@code contact} only for the secretariat. */
	public record PublicComment(long id, @Nullable Integer draftVersion, String clause, String text, String name,
			String organization, @Nullable String contact, @Nullable CommentDisposition disposition, @Nullable String reason,
			OffsetDateTime createdAt) {

		public boolean answered() {
			return disposition != null;
		}
	}

	public enum CommentDisposition {
		ACCEPTED, PARTLY_ACCEPTED, NOT_ACCEPTED
	}

	public enum ReviewConclusion {
		PASS, PASS_WITH_CHANGES, FAIL
	}

	public record ExpertReview(long id, String reviewer, @Nullable String affiliation, ReviewConclusion conclusion,
			@Nullable String opinion, OffsetDateTime createdAt) {
	}

	/** One line of the trail: a change of stage, or an event within a stage (from = to). */
	public record TrailEntry(@Nullable StandardStage from, StandardStage to, String event, @Nullable String actor,
			@Nullable String reason, OffsetDateTime at) {

		/**
		 * The message key that names the event for people ({@code standards.event.<event>}); a draft's version
		 * ({@code draft-3}) and an amendment's number ({@code amendment-2}) share one key, the number being
		 * {@link #eventArgument()}.
		 */
		public String eventKey() {
			int dash = event.lastIndexOf('-');
			if (dash > 0 && dash + 1 < event.length() && event.substring(dash + 1).chars().allMatch(Character::isDigit)) {
				return "standards.event." + event.substring(0, dash);
			}
			return "standards.event." + event;
		}

		/** The number in a numbered event (a draft's version, an amendment's number), or null. */
		public @Nullable String eventArgument() {
			int dash = event.lastIndexOf('-');
			if (dash > 0 && dash + 1 < event.length() && event.substring(dash + 1).chars().allMatch(Character::isDigit)) {
				return event.substring(dash + 1);
			}
			return null;
		}

		/**
		 * The message key that says the reason in words when the workflow wrote it ({@code motion 42}: the vote that
		 * moved the standard, {@code standards.reason.motion} with the motion's number as {@link #reasonArgument()}),
		 * or null when a person wrote it (shown as written).
		 */
		public @Nullable String reasonKey() {
			return reason != null && MOTION.matcher(reason).matches() ? "standards.reason.motion" : null;
		}

		/** The motion's number in a reason the workflow wrote, or null. */
		public @Nullable String reasonArgument() {
			if (reason == null) {
				return null;
			}
			java.util.regex.Matcher m = MOTION.matcher(reason);
			return m.matches() ? m.group(1) : null;
		}

		private static final java.util.regex.Pattern MOTION = java.util.regex.Pattern.compile("motion (\\d{1,18})");

		/** Who acted, as a message key when it was the platform itself (a vote closed by governance, a visitor). */
		public @Nullable String actorKey() {
			return "governance".equals(actor) || "anonymous".equals(actor) ? "standards.actor." + actor : null;
		}
	}

	/** Comments still without a disposition. */
	public long unanswered() {
		return comments.stream().filter(c -> !c.answered()).count();
	}

	public boolean published() {
		return stage.inForce();
	}

	/** The disposition table is public once the final draft is published (or the comment period is over). */
	public boolean dispositionsPublic() {
		return stage.inForce() || stage == StandardStage.VOTE || stage == StandardStage.REVIEW;
	}

	public boolean inComment() {
		return stage == StandardStage.COMMENT;
	}

	public boolean proposed() {
		return stage == StandardStage.PROPOSED;
	}

	public boolean voting() {
		return stage == StandardStage.VOTE;
	}

	public boolean drafting() {
		return StandardStage.DRAFTING_STAGES.contains(stage);
	}

	/** A comment period may be opened: there is a draft and the drafting goes on. */
	public boolean canOpenComments() {
		return stage == StandardStage.DRAFTING;
	}

	public boolean inReview() {
		return stage == StandardStage.REVIEW;
	}

	public int latestVersion() {
		return drafts.isEmpty() ? 0 : drafts.get(drafts.size() - 1).version();
	}

	public String url() {
		return "/a/" + alliance + "/standards/" + id;
	}
}
