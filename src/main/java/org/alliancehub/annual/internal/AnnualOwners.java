package org.alliancehub.annual.internal;

import java.util.Optional;

import org.alliancehub.identity.OwnedObjects;
import org.alliancehub.identity.Owner;
import org.alliancehub.network.Alliances;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who reads an alliance's annual reports, for {@code @access.canRead('annual-report', allianceId)}: the
 * object is addressed by the alliance's id, and only its secretariat (and the network administrator) reads
 * and manages it; to anyone else it does not exist (404). The network's own id stands for the network's
 * compiled report: its secretariat and the administrator.
 */
@Configuration(proxyBeanMethods = false)
class AnnualOwners {

	@Bean
	OwnedObjects annualReportOwners(Alliances alliances) {
		return OwnedObjects.of("annual-report", id -> {
			try {
				return Optional.of(Owner.secretariat(alliances.get(id).id()));
			}
			catch (org.alliancehub.shared.NotFound e) {
				return Optional.empty();
			}
		});
	}
}
