package org.alliancehub.governance.web;

import org.alliancehub.governance.internal.Motions;
import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.alliancehub.governance.internal.Ballots;
import org.alliancehub.governance.GovernanceTypes.Choice;
import org.alliancehub.governance.MeetingView;
import org.alliancehub.governance.Meetings;
import org.alliancehub.governance.internal.MotionResult;
import org.alliancehub.governance.internal.MotionView;
import org.alliancehub.governance.NewMeeting;
import org.alliancehub.governance.internal.NewMotion;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.alliancehub.content.Visibility;
import org.alliancehub.identity.Access;
import org.alliancehub.shared.NotFound;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Meetings, attendance, motions and votes, as other systems and the live meeting page call them. */
@RestController
@Tag(name = "governance")
class GovernanceApi {

	static final String READ_MEETING = "@access.canRead('meeting', #id)";

	static final String MANAGE_MEETING = "@access.canManage('meeting', #id)";

	static final String READ_MOTION = "@access.canRead('motion', #id)";

	static final String MANAGE_MOTION = "@access.canManage('motion', #id)";

	private final Meetings meetings;

	private final Motions motions;

	private final Access access;

	private final Ballots ballots;

	private final org.alliancehub.governance.internal.Invitations invitations;

	GovernanceApi(Meetings meetings, Ballots ballots, org.alliancehub.governance.internal.Invitations invitations, Access access, Motions motions) {
		this.motions = motions;
		this.access = access;
		this.meetings = meetings;
		this.ballots = ballots;
		this.invitations = invitations;
	}

	record AttendanceRequest(@NotNull @Positive Long organizationId, @NotNull Boolean present) {
	}

	record VoteRequest(@NotNull Choice choice, @Positive @Nullable Long organizationId) {
	}

	record MeetingResponse(MeetingView meeting, List<MotionView> motions) {
	}

	@PostMapping("/api/v1/alliances/{slug}/meetings")
	@PreAuthorize("@access.canManage(#slug)")
	@Operation(summary = "Call a meeting; its participants follow from the membership roles")
	ResponseEntity<MeetingView> call(@PathVariable String slug, @Valid @RequestBody NewMeeting meeting) {
		MeetingView m = meetings.call(slug, meeting);
		return ResponseEntity.created(URI.create("/api/v1/meetings/" + m.id())).body(m);
	}

	@GetMapping("/api/v1/meetings/{id}")
	@PreAuthorize(READ_MEETING)
	MeetingView get(@PathVariable long id) {
		return meetings.get(id);
	}

	@GetMapping("/api/v1/meetings/{id}/motions")
	@PreAuthorize(READ_MEETING)
	List<MotionView> motions(@PathVariable long id) {
		return motions.motions(id);
	}

	@PostMapping("/api/v1/meetings/{id}/attendance")
	@PreAuthorize("isAuthenticated() and " + READ_MEETING)
	@Operation(summary = "Check a participant in or out: the secretariat for anyone, a representative for its own organisation")
	MeetingView attendance(@PathVariable long id, @Valid @RequestBody AttendanceRequest request) {
		return meetings.attendance(id, request.organizationId(), request.present());
	}

	record ReplyRequest(@NotNull @Positive Long organizationId, @NotNull Boolean attending) {
	}

	@PostMapping("/api/v1/meetings/{id}/invitations")
	@PreAuthorize(MANAGE_MEETING)
	@Operation(summary = "E-mail the invitation, with an .ics calendar entry, to every participant's representatives")
	org.alliancehub.governance.internal.Invitations.Sent invite(@PathVariable long id) {
		return invitations.send(id, null);
	}

	@PostMapping("/api/v1/meetings/{id}/replies")
	@PreAuthorize("isAuthenticated() and " + READ_MEETING)
	MeetingView reply(@PathVariable long id, @Valid @RequestBody ReplyRequest reply) {
		return invitations.reply(id, reply.organizationId(), reply.attending());
	}

	@PostMapping("/api/v1/meetings/{id}/motions")
	@PreAuthorize(MANAGE_MEETING)
	ResponseEntity<MotionView> propose(@PathVariable long id, @Valid @RequestBody NewMotion motion) {
		MotionView m = motions.propose(id, motion);
		return ResponseEntity.created(URI.create("/api/v1/motions/" + m.id())).body(m);
	}

	@GetMapping("/api/v1/motions/{id}")
	@PreAuthorize(READ_MOTION)
	MotionView motion(@PathVariable long id) {
		return motions.motion(id);
	}

	@PostMapping("/api/v1/motions/{id}/open")
	@PreAuthorize(MANAGE_MOTION)
	MotionView open(@PathVariable long id) {
		return ballots.open(id);
	}

	@PostMapping("/api/v1/motions/{id}/close")
	@PreAuthorize(MANAGE_MOTION)
	MotionResult close(@PathVariable long id) {
		return ballots.close(id);
	}

	@PostMapping("/api/v1/motions/{id}/votes")
	@PreAuthorize("isAuthenticated() and " + READ_MOTION)
	@Operation(summary = "Cast the vote of the organisation the caller represents; answers a receipt")
	ResponseEntity<Ballots.Receipt> vote(@PathVariable long id, @Valid @RequestBody VoteRequest vote) {
		return ResponseEntity.status(HttpStatus.CREATED).body(ballots.cast(id, vote.choice(), vote.organizationId()));
	}

	@GetMapping("/api/v1/motions/{id}/result")
	@PreAuthorize("@access.canRead('motion-result', #id)")
	@Operation(summary = "Where the vote stands (a secret ballot tells only the number of votes cast until it closes); "
			+ "readable by those taking part, and by the audience the secretariat published it to")
	MotionResult result(@PathVariable long id) {
		MotionResult r = ballots.result(id);
		if (r.votes() != null && !access.reads(access.owner("motion", id))) {
			// a published result gives the tally; who voted what stays with those who took part
			return new MotionResult(r.status(), r.outcome(), r.yes(), r.no(), r.abstain(), r.eligible(), r.present(),
					r.cast(), null);
		}
		return r;
	}

	record Publication(@Nullable Visibility visibility) {
	}

	@PostMapping("/api/v1/motions/{id}/result/publication")
	@PreAuthorize(MANAGE_MOTION)
	@Operation(summary = "Publish a closed motion's result (tally and outcome) to the public (default) or to the "
			+ "alliance's members; GET .../result is then readable by them")
	MotionResult publish(@PathVariable long id, @RequestBody(required = false) @Nullable Publication publication) {
		ballots.publishResult(id, publication == null || publication.visibility() == null ? Visibility.PUBLIC
				: publication.visibility());
		return ballots.result(id);
	}

	record ReceiptRequest(@NotBlank @Size(max = 200) String receipt) {
	}

	record ReceiptCheck(boolean counted, Choice choice) {
	}

	@PostMapping("/api/v1/motions/{id}/receipts/verification")
	@PreAuthorize(READ_MOTION)
	@Operation(summary = "Check that the ballot a receipt stands for was counted, and with which choice (404 if not); "
			+ "the receipt travels in the body, never in a URL")
	ReceiptCheck receipt(@PathVariable long id, @Valid @RequestBody ReceiptRequest request) {
		return ballots.counted(id, request.receipt())
			.map(choice -> new ReceiptCheck(true, choice))
			.orElseThrow(() -> new NotFound("receipt"));
	}

	@GetMapping("/api/v1/motions/{id}/ballot-log")
	@PreAuthorize(READ_MOTION)
	@Operation(summary = "The hash-chained ballot log; a secret ballot's is empty until the vote closes, then its "
			+ "ballots in receipt-hash order")
	List<Ballots.LogEntry> log(@PathVariable long id) {
		return ballots.log(id);
	}

	@GetMapping("/api/v1/motions/{id}/ballot-log/verification")
	@PreAuthorize(READ_MOTION)
	@Operation(summary = "Recompute the ballot log's hash chain and totals; a tampered log is reported invalid")
	Ballots.Verification verify(@PathVariable long id) {
		return ballots.verify(id);
	}
}
