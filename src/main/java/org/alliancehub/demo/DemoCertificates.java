package org.alliancehub.demo;

import org.alliancehub.certification.Certificates;
import org.alliancehub.identity.Users;
import org.alliancehub.membership.Organization;
import org.alliancehub.membership.Organizations;
import org.alliancehub.network.Alliances;
import org.alliancehub.shared.Conflict;
import org.alliancehub.shared.Invalid;
import org.alliancehub.shared.NotFound;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The qualifications (资质) of the pump maker of seed 000, 中成泵业, as certificates of the environmental-equipment
 * alliance it joined at its founding (2017-11-28): its membership and its five product lines (螺杆泵, 计量泵, 离心泵,
 * 排污泵, 磁力泵), which is what the seed tells. The seed's page only shows 上一资质/下一资质 without the documents, so
 * the numbers, dates and scopes are invented for the demo and every certificate is marked as demo data. Issued by
 * the alliance's secretariat through the certification service, so they are signed like any other.
 */
@Component
class DemoCertificates {

	private static final Logger log = LoggerFactory.getLogger(DemoCertificates.class);

	static final String ALLIANCE = "huanbao-zhuangbei";

	static final String HOLDER = "中成泵业";

	private final Certificates certificates;

	private final Organizations organizations;

	private final Alliances alliances;

	private final Users users;

	DemoCertificates(Certificates certificates, Organizations organizations, Alliances alliances, Users users) {
		this.certificates = certificates;
		this.organizations = organizations;
		this.alliances = alliances;
		this.users = users;
	}

	void load() {
		if (alliances.find(ALLIANCE).isEmpty() || !users.exists(ALLIANCE)) {
			return;
		}
		Organization holder = organizations.findByName(HOLDER).orElse(null);
		if (holder == null) {
			return;
		}
		SignedIn.as(users, ALLIANCE, () -> {
			issue("HBZB-DEMO-MC-2017-001", "MEMBERSHIP", holder.id(), null, "国家环保装备产业技术创新战略联盟成员单位", null,
					"联盟成员单位（2017年11月28日联盟在辽宁营口成立时加入）", "2017-11-28", "2027-11-27");
			issue("HBZB-DEMO-PC-2025-001", "PRODUCT_CERTIFICATION", holder.id(), "螺杆泵", "螺杆泵产品认证", DemoStandards.PUBLISHED,
					"螺杆泵的设计、生产；输送高黏度或含固体颗粒液体的工况", "2025-03-18", "2028-03-17");
			issue("HBZB-DEMO-PC-2025-002", "PRODUCT_CERTIFICATION", holder.id(), "计量泵", "计量泵产品认证", "GB/T 7782-2008",
					"水处理加药用计量泵的设计、生产", "2025-03-18", "2028-03-17");
			issue("HBZB-DEMO-PC-2025-003", "PRODUCT_CERTIFICATION", holder.id(), "离心泵", "离心泵产品认证", "GB/T 5657-2013",
					"一般工业用离心泵的设计、生产", "2025-06-02", "2028-06-01");
			issue("HBZB-DEMO-TR-2025-004", "TEST_REPORT", holder.id(), "排污泵", "排污泵性能检测报告", null,
					"流量、扬程、效率与通过颗粒能力检测（含杂质、纤维的污水工况）", "2025-09-10", "2027-09-09");
			issue("HBZB-DEMO-TR-2025-005", "TEST_REPORT", holder.id(), "磁力泵", "磁力泵密封与性能检测报告", null,
					"无动密封泄漏检验及性能检测（易燃、有毒、腐蚀性介质工况）", "2025-09-10", "2027-09-09");
		});
	}

	private void issue(String number, String kind, long holder, @Nullable String product, String subject,
			@Nullable String standard, String scope, String issuedOn, String validUntil) {
		try {
			if (!certificates.exists(number)) {
				certificates.issue(ALLIANCE, new Certificates.NewCertificate(kind, holder, product, subject, standard, scope,
						issuedOn, validUntil, null, number));
				certificates.markDemo(number);
			}
		}
		catch (Invalid | Conflict | NotFound e) {
			log.warn("demo certificate {} not issued: {}", number, e.getMessage());
		}
	}
}
