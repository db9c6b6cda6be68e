package org.alliancehub.admin;

import java.util.Set;

import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.health.actuate.endpoint.AdditionalHealthEndpointPath;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroup;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroupsPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code GET /actuator/health} answering exactly {@code {"status":"UP"}}, as the public contract says, now that
 * the liveness and readiness groups exist: the health endpoint lists the names of all groups in its root answer,
 * so the groups are served by name ({@code /actuator/health/liveness}, {@code /readiness}) but not listed. The
 * groups themselves come from configuration ({@code management.endpoint.health.group.*}), not from Boot's probe
 * post-processor, so that this is the only post-processor and nothing adds the names back after it.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class QuietHealthRoot implements HealthEndpointGroupsPostProcessor {

	@Override
	public HealthEndpointGroups postProcessHealthEndpointGroups(HealthEndpointGroups groups) {
		return new HealthEndpointGroups() {

			@Override
			public HealthEndpointGroup getPrimary() {
				return groups.getPrimary();
			}

			@Override
			public Set<String> getNames() {
				return Set.of();
			}

			@Override
			public HealthEndpointGroup get(String name) {
				return groups.get(name);
			}

			@Override
			public HealthEndpointGroup get(AdditionalHealthEndpointPath path) {
				return groups.get(path);
			}

			@Override
			public Set<HealthEndpointGroup> getAllWithAdditionalPath(WebServerNamespace namespace) {
				return groups.getAllWithAdditionalPath(namespace);
			}
		};
	}
}
