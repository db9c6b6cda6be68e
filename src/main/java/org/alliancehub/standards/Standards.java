package org.alliancehub.standards;

import java.util.List;
import java.util.Optional;

import org.alliancehub.standards.internal.Workflow;
import org.springframework.stereotype.Service;

/**
 * What other modules ask of the standards: a standard by its number (a certificate names the standard it attests
 * conformity to) or by id, and the standards a joint project proposed. The workflow itself is the module's own.
 */
@Service
public class Standards {

	private final Workflow workflow;

	Standards(Workflow workflow) {
		this.workflow = workflow;
	}

	/** The standard with this number (a hyphen stands for the dash: {@code T/CGMA 001-2026}), if one was published so. */
	public Optional<StandardRef> byNumber(String number) {
		return workflow.byNumber(number).map(Standards::ref);
	}

	/** The standard with this id, if there is one (every standard is public). */
	public Optional<StandardRef> byId(long id) {
		return workflow.line(id).map(Standards::ref);
	}

	/** The standards a project proposed. */
	public List<StandardRef> ofProject(long projectId) {
		return workflow.ofProject(projectId).stream().map(Standards::ref).toList();
	}

	/**
	 * Records a standard the alliance published before the platform (as {@code POST /api/v1/alliances/{slug}/standards/published}
	 * does, with the caller's rights): dates as YYYY-MM-DD.
	 */
	public StandardRef recordPublished(String slug, String number, String title, String scope, String issuedOn,
			String effectiveOn) {
		long id = workflow.recordPublished(slug, new Workflow.PublishedStandard(number, title, scope, null, issuedOn, effectiveOn)).id();
		return byId(id).orElseThrow();
	}

	/**
	 * Takes a group standard, with the caller's rights, from its proposal to its open public comment period, as the
	 * secretariat does on its desk: proposal by {@code proposers}, the vote to start (a closed {@code GROUP_STANDARD}
	 * motion of governance: adopted, it approves the start), the drafting unit, the first draft, the comment period
	 * from {@code from} for {@code days} days. Answers the standard's id.
	 */
	public long proposeToComment(String slug, String title, String scope, String reasons, List<Long> proposers,
			long startMotionId, long draftingUnit, String draft, String draftNote, java.time.LocalDate from, int days) {
		long id = workflow.propose(slug, new Workflow.NewStandard(title, scope, reasons, proposers, null)).id();
		workflow.linkMotion(id, startMotionId);
		workflow.addDrafter(id, new Workflow.NewDrafter(draftingUnit, null, null));
		workflow.addDraft(id, new Workflow.NewDraft(draft, draftNote));
		workflow.openCommentPeriod(id, new Workflow.CommentPeriod(from, from.plusDays(days)));
		return id;
	}

	/** Marks a standard as invented for the demo (its page says so). */
	public void markDemo(long id) {
		workflow.markDemo(id);
	}

	private static StandardRef ref(StandardLine l) {
		return new StandardRef(l.id(), l.alliance(), l.number(), l.title(), l.stage());
	}
}
