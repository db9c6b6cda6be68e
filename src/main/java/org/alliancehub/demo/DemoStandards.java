package org.alliancehub.demo;

import org.alliancehub.identity.Users;
import org.alliancehub.network.Alliances;
import org.alliancehub.shared.Conflict;
import org.alliancehub.shared.Invalid;
import org.alliancehub.shared.NotFound;
import org.alliancehub.standards.Standards;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A group standard of the slurry-pump alliance, which its charter gives the work of standards: the seeds give no
 * standard, so this one (number, title, scope, dates) is invented for the demo and marked as such. It is recorded
 * by the alliance's secretariat as published before the platform, so its history says it was recorded, not run
 * through the workflow here; the pump maker's screw-pump certificate ({@link DemoCertificates}) attests to it.
 */
@Component
class DemoStandards {

	private static final Logger log = LoggerFactory.getLogger(DemoStandards.class);

	static final String ALLIANCE = "hebei-zhajiangbeng";

	/** The demo standard's number, as the certificate names it. */
	static final String PUBLISHED = "T/HBZJB 001—2024";

	private final Standards standards;

	private final Alliances alliances;

	private final Users users;

	DemoStandards(Standards standards, Alliances alliances, Users users) {
		this.standards = standards;
		this.alliances = alliances;
		this.users = users;
	}

	void load() {
		if (alliances.find(ALLIANCE).isEmpty() || !users.exists(ALLIANCE) || standards.byNumber(PUBLISHED).isPresent()) {
			return;
		}
		SignedIn.as(users, ALLIANCE, () -> {
			try {
				var s = standards.recordPublished(ALLIANCE, PUBLISHED, "含固体颗粒介质用泵 过流部件耐磨性能试验方法（演示）",
						"本文件规定了输送含固体颗粒介质的渣浆泵、螺杆泵等泵类产品过流部件耐磨性能的试验条件、试验方法和结果评定。"
								+ "（本标准为演示数据，并非联盟实际发布的标准。）",
						"2024-05-20", "2024-07-01");
				standards.markDemo(s.id());
			}
			catch (Invalid | Conflict | NotFound e) {
				log.warn("demo standard {} not recorded: {}", PUBLISHED, e.getMessage());
			}
		});
	}
}
