package org.alliancehub.annual.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.alliancehub.annual.Activity;
import org.alliancehub.annual.ActivityRanking;
import org.alliancehub.annual.Formula;
import org.alliancehub.identity.Access;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The activity score: the ranking of a period under any version of the formula (for anyone signed in: the
 * network's alliances see where they stand), and the published formula (public), changed by the
 * administrator only, each change a new version.
 */
@RestController
@Tag(name = "activity score")
class ActivityApi {

	private final Activity activity;

	private final Access access;

	ActivityApi(Activity activity, Access access) {
		this.activity = activity;
		this.access = access;
	}

	@GetMapping("/api/v1/activity")
	@PreAuthorize("isAuthenticated()")
	@Operation(summary = "Every alliance's score of a period (a year), rank and points by indicator; formula = a version, the current one by default")
	ActivityRanking ranking(@RequestParam(required = false) @Nullable String period,
			@RequestParam(required = false) @Nullable Integer formula) {
		return activity.ranking(period, formula);
	}

	@GetMapping("/api/v1/activity/formula")
	@PreAuthorize("permitAll()")
	@Operation(summary = "The published formula: the current version, or ?version=")
	Formula formula(@RequestParam(required = false) @Nullable Integer version) {
		return activity.formula(version);
	}

	@GetMapping("/api/v1/activity/formulas")
	@PreAuthorize("permitAll()")
	@Operation(summary = "Every version of the formula, newest first")
	List<Formula> formulas() {
		return activity.formulas();
	}

	@PutMapping("/api/v1/activity/formula")
	@PreAuthorize("@access.isNetworkAdmin()")
	@Operation(summary = "Publish a new version of the formula (indicators with weight and cap, normalisation CAP or BEST)")
	Formula change(@Valid @RequestBody Activity.FormulaInput in) {
		return activity.change(in, access.requireUser().getUsername());
	}
}
