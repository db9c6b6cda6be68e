package org.alliancehub.governance.web;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.alliancehub.governance.internal.Correspondence;
import org.alliancehub.governance.internal.MotionView;
import org.alliancehub.governance.internal.NewCorrespondenceVote;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Correspondence votes (通讯表决): motions without a meeting, voted until a deadline. */
@RestController
@Tag(name = "governance")
class CorrespondenceApi {

	private final Correspondence correspondence;

	CorrespondenceApi(Correspondence correspondence) {
		this.correspondence = correspondence;
	}

	@PostMapping("/api/v1/alliances/{slug}/motions")
	@PreAuthorize("@access.canManage(#slug)")
	@Operation(summary = "Put a motion to a correspondence vote of the council or the general assembly; it opens at once "
			+ "and closes at its deadline (or by /close); votes, receipts, results and the ballot log under /api/v1/motions/{id}")
	ResponseEntity<MotionView> put(@PathVariable String slug, @Valid @RequestBody NewCorrespondenceVote vote) {
		MotionView m = correspondence.put(slug, vote);
		return ResponseEntity.created(URI.create("/api/v1/motions/" + m.id())).body(m);
	}

	@GetMapping("/api/v1/alliances/{slug}/motions")
	@PreAuthorize("permitAll()")
	@Operation(summary = "The alliance's correspondence votes the caller may see (its secretariat, the representatives "
			+ "of their voters), newest first")
	List<MotionView> list(@PathVariable String slug) {
		return correspondence.list(slug);
	}

	@GetMapping("/api/v1/motions/{id}/voters")
	@PreAuthorize("@access.canRead('motion', #id)")
	@Operation(summary = "The organisations that vote in a correspondence vote")
	List<Long> voters(@PathVariable long id) {
		return correspondence.voters(id);
	}
}
