package org.alliancehub.transfer.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.alliancehub.shared.PageResult;
import org.alliancehub.shared.Paging;
import org.alliancehub.transfer.AchievementView;
import org.alliancehub.transfer.DemandProjects;
import org.alliancehub.transfer.DemandView;
import org.alliancehub.transfer.InterestView;
import org.alliancehub.transfer.Interests;
import org.alliancehub.transfer.MatchView;
import org.alliancehub.transfer.ProjectLink;
import org.alliancehub.transfer.TechnologyTransfer;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Technology demands and achievements, their computed matches, interest in a match, its decision and transfer. */
@RestController
@Tag(name = "technology transfer")
class TransferApi {

	private static final int MATCHES = 10;

	private final TechnologyTransfer transfer;

	private final Interests interests;

	private final DemandProjects demandProjects;

	TransferApi(TechnologyTransfer transfer, Interests interests, DemandProjects demandProjects) {
		this.transfer = transfer;
		this.interests = interests;
		this.demandProjects = demandProjects;
	}

	@PostMapping("/api/v1/demands")
	@PreAuthorize("isAuthenticated()")
	@Operation(summary = "Post a technology demand in an organisation's name: its representative or the network's administrator")
	ResponseEntity<DemandView> postDemand(@RequestBody TechnologyTransfer.NewDemand d) {
		DemandView made = transfer.postDemand(d);
		return ResponseEntity.created(URI.create("/api/v1/demands/" + made.id())).body(made);
	}

	@GetMapping("/api/v1/demands")
	@PreAuthorize("permitAll()")
	@Operation(summary = "Demands the caller may read, of an alliance or of every alliance")
	PageResult<DemandView> demands(@RequestParam(required = false) @Nullable String alliance,
			@RequestParam(required = false) @Nullable Integer page, @RequestParam(required = false) @Nullable Integer size) {
		return transfer.demands(alliance, Paging.of(page, size));
	}

	@GetMapping("/api/v1/demands/{id}")
	@PreAuthorize("@access.canRead('demand', #id)")
	DemandView demand(@PathVariable long id) {
		return transfer.demand(id);
	}

	@GetMapping("/api/v1/demands/{id}/matches")
	@PreAuthorize("@access.canRead('demand', #id)")
	@Operation(summary = "Achievements for the demand, best first, with why each was matched; only readable ones")
	Map<String, List<MatchView>> demandMatches(@PathVariable long id) {
		return Map.of("items", transfer.matchesForDemand(id, MATCHES));
	}

	@PostMapping("/api/v1/demands/{id}/project")
	@PreAuthorize("@access.canManage('demand', #id)")
	@Operation(summary = "Start a joint project from the demand (its alliance's secretariat): led by the demand's organisation, with its title and description; once, then 409")
	ResponseEntity<ProjectLink> startProject(@PathVariable long id) {
		ProjectLink p = demandProjects.start(id);
		return ResponseEntity.created(URI.create("/api/v1/projects/" + p.id())).body(p);
	}

	@PostMapping("/api/v1/achievements")
	@PreAuthorize("isAuthenticated()")
	@Operation(summary = "Post a research achievement in an organisation's name: its representative or the network's administrator")
	ResponseEntity<AchievementView> postAchievement(@RequestBody TechnologyTransfer.NewAchievement a) {
		AchievementView made = transfer.postAchievement(a);
		return ResponseEntity.created(URI.create("/api/v1/achievements/" + made.id())).body(made);
	}

	@GetMapping("/api/v1/achievements")
	@PreAuthorize("permitAll()")
	@Operation(summary = "Achievements the caller may read, of an alliance or of every alliance")
	PageResult<AchievementView> achievements(@RequestParam(required = false) @Nullable String alliance,
			@RequestParam(required = false) @Nullable Integer page, @RequestParam(required = false) @Nullable Integer size) {
		return transfer.achievements(alliance, Paging.of(page, size));
	}

	@GetMapping("/api/v1/achievements/{id}")
	@PreAuthorize("@access.canRead('achievement', #id)")
	AchievementView achievement(@PathVariable long id) {
		return transfer.achievement(id);
	}

	@GetMapping("/api/v1/achievements/{id}/matches")
	@PreAuthorize("@access.canRead('achievement', #id)")
	@Operation(summary = "Demands for the achievement, best first, with why each was matched; only readable ones")
	Map<String, List<MatchView>> achievementMatches(@PathVariable long id) {
		return Map.of("items", transfer.matchesForAchievement(id, MATCHES));
	}

	@PostMapping("/api/v1/interests")
	@PreAuthorize("isAuthenticated()")
	@Operation(summary = "Express interest in a match in the name of one side (the demand's or the achievement's organisation)")
	ResponseEntity<InterestView> express(@RequestBody Interests.NewInterest n) {
		InterestView made = interests.express(n);
		return ResponseEntity.created(URI.create("/api/v1/interests/" + made.id())).body(made);
	}

	@GetMapping("/api/v1/interests/{id}")
	@PreAuthorize("@access.canRead('interest', #id)")
	InterestView interest(@PathVariable long id) {
		return interests.get(id);
	}

	@PostMapping("/api/v1/interests/{id}/decision")
	@PreAuthorize("@access.canRead('interest', #id)")
	@Operation(summary = "The other side accepts, or declines with a reason (TOO_EARLY, BENEFIT_UNCLEAR, NOT_RELEVANT, TERMS, OTHER); once, then 409")
	InterestView decide(@PathVariable long id, @RequestBody Interests.DecisionInput d) {
		return interests.decide(id, d);
	}

	@PostMapping("/api/v1/interests/{id}/transfer")
	@PreAuthorize("@access.canRead('interest', #id)")
	@Operation(summary = "Record the transfer of an accepted match (contract type, amount in 万元, date); 409 otherwise")
	ResponseEntity<InterestView> recordTransfer(@PathVariable long id, @RequestBody Interests.NewTransfer t) {
		InterestView i = interests.recordTransfer(id, t);
		return ResponseEntity.created(URI.create("/api/v1/transfers/" + i.transfer().id())).body(i);
	}

	@GetMapping("/api/v1/transfers/{id}")
	@PreAuthorize("@access.canRead('transfer', #id)")
	@Operation(summary = "A recorded transfer, with its interest, demand and achievement")
	InterestView transfer(@PathVariable long id) {
		return interests.get(interests.interestOfTransfer(id));
	}
}
