package org.alliancehub.governance.web;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.alliancehub.governance.Ballots;
import org.alliancehub.governance.GovernanceTypes.Choice;
import org.alliancehub.governance.MeetingView;
import org.alliancehub.governance.Meetings;
import org.alliancehub.governance.MotionResult;
import org.alliancehub.governance.MotionView;
import org.alliancehub.governance.NewMeeting;
import org.alliancehub.governance.NewMotion;
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

	private final Meetings meetings;

	private final Ballots ballots;

	private final org.alliancehub.governance.Invitations invitations;

	GovernanceApi(Meetings meetings, Ballots ballots, org.alliancehub.governance.Invitations invitations) {
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
	MeetingView get(@PathVariable long id) {
		return meetings.get(id);
	}

	@GetMapping("/api/v1/meetings/{id}/motions")
	List<MotionView> motions(@PathVariable long id) {
		meetings.get(id);
		return meetings.motions(id);
	}

	@PostMapping("/api/v1/meetings/{id}/attendance")
	MeetingView attendance(@PathVariable long id, @Valid @RequestBody AttendanceRequest request) {
		return meetings.attendance(id, request.organizationId(), request.present());
	}

	record ReplyRequest(@NotNull @Positive Long organizationId, @NotNull Boolean attending) {
	}

	@PostMapping("/api/v1/meetings/{id}/invitations")
	@Operation(summary = "E-mail the invitation, with an .ics calendar entry, to every participant's representatives")
	org.alliancehub.governance.Invitations.Sent invite(@PathVariable long id) {
		return invitations.send(id, null);
	}

	@PostMapping("/api/v1/meetings/{id}/replies")
	MeetingView reply(@PathVariable long id, @Valid @RequestBody ReplyRequest reply) {
		return invitations.reply(id, reply.organizationId(), reply.attending());
	}

	@PostMapping("/api/v1/meetings/{id}/motions")
	ResponseEntity<MotionView> propose(@PathVariable long id, @Valid @RequestBody NewMotion motion) {
		MotionView m = meetings.propose(id, motion);
		return ResponseEntity.created(URI.create("/api/v1/motions/" + m.id())).body(m);
	}

	@GetMapping("/api/v1/motions/{id}")
	MotionView motion(@PathVariable long id) {
		return meetings.motion(id);
	}

	@PostMapping("/api/v1/motions/{id}/open")
	MotionView open(@PathVariable long id) {
		return ballots.open(id);
	}

	@PostMapping("/api/v1/motions/{id}/close")
	MotionResult close(@PathVariable long id) {
		return ballots.close(id);
	}

	@PostMapping("/api/v1/motions/{id}/votes")
	@Operation(summary = "Cast the vote of the organisation the caller represents; answers a receipt")
	ResponseEntity<Ballots.Receipt> vote(@PathVariable long id, @Valid @RequestBody VoteRequest vote) {
		return ResponseEntity.status(HttpStatus.CREATED).body(ballots.cast(id, vote.choice(), vote.organizationId()));
	}

	@GetMapping("/api/v1/motions/{id}/result")
	MotionResult result(@PathVariable long id) {
		return ballots.result(id);
	}

	@GetMapping("/api/v1/motions/{id}/receipts/{receipt}")
	ResponseEntity<Void> receipt(@PathVariable long id, @PathVariable String receipt) {
		if (!ballots.counted(id, receipt)) {
			throw new NotFound("receipt");
		}
		return ResponseEntity.ok().build();
	}

	@GetMapping("/api/v1/motions/{id}/ballot-log")
	List<Ballots.LogEntry> log(@PathVariable long id) {
		return ballots.log(id);
	}

	@GetMapping("/api/v1/motions/{id}/ballot-log/verification")
	@Operation(summary = "Recompute the ballot log's hash chain and totals; a tampered log is reported invalid")
	Ballots.Verification verify(@PathVariable long id) {
		return ballots.verify(id);
	}
}
