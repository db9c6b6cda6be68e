package org.alliancehub.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.alliancehub.collaboration.AgreementView;
import org.alliancehub.collaboration.Agreements;
import org.alliancehub.collaboration.Bases;
import org.alliancehub.collaboration.CollaborationTypes.BaseStatus;
import org.alliancehub.collaboration.CollaborationTypes.MilestoneStatus;
import org.alliancehub.collaboration.CollaborationTypes.PartyKind;
import org.alliancehub.collaboration.CollaborationTypes.ProjectStatus;
import org.alliancehub.collaboration.CollaborationTypes.ProjectVisibility;
import org.alliancehub.collaboration.CollaborationTypes.ResourceKind;
import org.alliancehub.collaboration.CollaborationTypes.Visibility;
import org.alliancehub.collaboration.ProjectView;
import org.alliancehub.collaboration.Projects;
import org.alliancehub.collaboration.SharedResources;
import org.alliancehub.identity.Users;
import org.alliancehub.membership.Organization;
import org.alliancehub.membership.Organizations;
import org.alliancehub.network.Alliance;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Collaboration in the demo network. From the seeds: the strategic cooperation agreement that 宁安市 signed with
 * the environmental-equipment alliance's chair at the alliance's founding conference in 营口, to build the
 * alliance's industrialisation demonstration base in 宁安市 (the alliance is to be the field's research,
 * integration and demonstration base). Written for the demo and marked as demo data: the joint projects (the
 * slurry-pump alliance's aim of tackling key technologies jointly, the network's call for cross-field
 * cooperation) and the shared resources. Made through the collaboration services by the alliances' secretariat
 * accounts; organisations accept as the administrator would on their behalf.
 */
@Component
class DemoCollaboration {

	private final Projects projects;

	private final Agreements agreements;

	private final Bases bases;

	private final SharedResources resources;

	private final Organizations organizations;

	private final Users users;

	DemoCollaboration(Projects projects, Agreements agreements, Bases bases, SharedResources resources,
			Organizations organizations, Users users) {
		this.projects = projects;
		this.agreements = agreements;
		this.bases = bases;
		this.resources = resources;
		this.organizations = organizations;
		this.users = users;
	}

	void load(Map<String, Alliance> bySlug) {
		if (bySlug.containsKey("huanbao-zhuangbei") && users.exists("huanbao-zhuangbei")) {
			SignedIn.as(users, "huanbao-zhuangbei", this::environmentalEquipment);
		}
		if (bySlug.containsKey("hebei-zhajiangbeng") && users.exists("hebei-zhajiangbeng")) {
			SignedIn.as(users, "hebei-zhajiangbeng", this::slurryPumps);
		}
		if (bySlug.containsKey("lmxfw") && users.exists("lmxfw")) {
			SignedIn.as(users, "lmxfw", () -> network(bySlug));
		}
	}

	private void environmentalEquipment() {
		Long chair = org("营口奥捷专用汽车制造有限公司");
		Long ningan = org("宁安市人民政府");
		if (chair == null || ningan == null) {
			return;
		}
		// seed: signed at the founding conference in 营口 (the article of 2017-11-28 gives no exact day)
		AgreementView a = agreements.record("huanbao-zhuangbei", new Agreements.NewAgreement(
				"共建环保装备联盟产业化示范基地（宁安市）战略合作协议", "共建国家环保装备产业技术创新战略联盟产业化示范基地（宁安市）", null,
				"辽宁营口", null, Visibility.PUBLIC,
				List.of(new Agreements.PartyInput(PartyKind.ORGANIZATION, ningan, null, null),
						new Agreements.PartyInput(PartyKind.ORGANIZATION, chair, null, null),
						new Agreements.PartyInput(PartyKind.ALLIANCE, null, "huanbao-zhuangbei", null))));
		bases.create("huanbao-zhuangbei", new Bases.NewBase("环保装备联盟产业化示范基地（宁安市）", ningan, "231000",
				"环保装备的研究、集成与产业化示范", a.id(), BaseStatus.PLANNED));
		Long pumps = org("中成泵业");
		Long craes = org("中国环境科学研究院");
		ProjectView p = projects.propose("huanbao-zhuangbei", new Projects.NewProject("环保装备共性关键技术联合攻关：计量泵与水处理装备集成",
				"围绕环保装备领域的共性技术瓶颈，由理事长单位牵头，联合泵业企业与科研院所开展计量泵与水处理成套装备的集成攻关，"
						+ "并在宁安市示范基地开展示范应用。（演示数据）",
				"环保装备", chair, LocalDate.of(2026, 3, 1), LocalDate.of(2027, 12, 31), ProjectVisibility.PUBLIC,
				new Projects.BudgetInput(new BigDecimal("680"), new BigDecimal("300"), new BigDecimal("150"), BigDecimal.ZERO),
				null));
		projects.markDemo(p.id());
		for (Long partner : new Long[] { pumps, craes }) {
			if (partner != null) {
				projects.invite(p.id(), partner);
			}
		}
		asAdmin(() -> {
			projects.answer(p.id(), chair, true);
			if (pumps != null) {
				projects.answer(p.id(), pumps, true);
			}
		});
		projects.update(p.id(), new Projects.ProjectPatch(null, null, null, null, null, ProjectStatus.ACTIVE, null, null, null));
		projects.addMilestone(p.id(), new Projects.NewMilestone("WP1 计量泵精度提升", "完成高精度计量泵样机", LocalDate.of(2026, 9, 30),
				MilestoneStatus.IN_PROGRESS));
		projects.addMilestone(p.id(), new Projects.NewMilestone("WP2 成套装备集成", "水处理成套装备集成试验", LocalDate.of(2027, 6, 30),
				MilestoneStatus.PLANNED));
		projects.addMilestone(p.id(), new Projects.NewMilestone("WP3 示范应用", "宁安市示范基地示范运行", LocalDate.of(2027, 12, 31),
				MilestoneStatus.PLANNED));
	}

	private void slurryPumps() {
		Long lead = org("石家庄工业泵厂有限公司");
		if (lead == null) {
			return;
		}
		Long metals = org("中国科学院金属研究所");
		ProjectView p = projects.propose("hebei-zhajiangbeng", new Projects.NewProject("渣浆泵耐磨材料与过流部件寿命联合攻关",
				"联盟成员在技术研发上合作，联合攻关渣浆泵关键技术：高铬耐磨合金、过流部件结构优化与寿命评价。（演示数据）", "渣浆泵", lead,
				LocalDate.of(2026, 1, 1), LocalDate.of(2027, 6, 30), ProjectVisibility.PUBLIC,
				new Projects.BudgetInput(new BigDecimal("420"), new BigDecimal("120"), BigDecimal.ZERO, new BigDecimal("30")),
				null));
		projects.markDemo(p.id());
		if (metals != null) {
			projects.invite(p.id(), metals); // an institute of another alliance: invited, not yet answered
		}
		asAdmin(() -> projects.answer(p.id(), lead, true));
		projects.addMilestone(p.id(), new Projects.NewMilestone("WP1 耐磨材料", "高铬合金配方与样件", LocalDate.of(2026, 8, 31),
				MilestoneStatus.PLANNED));
		var bench = resources.offer("hebei-zhajiangbeng", new SharedResources.NewResource(ResourceKind.EQUIPMENT, lead,
				"渣浆泵综合性能试验台", "可开展清水与含固介质条件下的性能与磨损对比试验。（演示数据）", "渣浆泵;流体机械", null, "河北石家庄",
				"流量 0–5000 m³/h，扬程 0–120 m", "提前两周预约；试验介质由申请单位提供", Visibility.PUBLIC));
		resources.markDemo(bench.id());
		var expert = resources.offer("hebei-zhajiangbeng", new SharedResources.NewResource(ResourceKind.EXPERT, lead,
				"耐磨材料与失效分析专家（演示）", "长期从事渣浆泵过流部件材料与失效分析。联系方式不公开，请通过平台申请。（演示数据）",
				"耐磨材料;失效分析", "教授级高级工程师", null, null, null, Visibility.PUBLIC));
		resources.markDemo(expert.id());
		var talent = resources.offer("hebei-zhajiangbeng", new SharedResources.NewResource(ResourceKind.TALENT, lead,
				"高校院所技术入股与人才共享计划", "支持高等院校、科研院所以技术入股方式与企业合作，共享人才、设备与资金。（演示数据）", "产学研合作",
				null, null, null, "面向联盟成员单位", Visibility.MEMBERS));
		resources.markDemo(talent.id());
	}

	private void network(Map<String, Alliance> bySlug) {
		Long lead = org("中关村国联产业协同创新发展促进中心");
		if (lead == null) {
			return;
		}
		List<String> partners = List.of("huanbao-zhuangbei", "hebei-zhajiangbeng", "huaxian").stream()
			.filter(bySlug::containsKey).toList();
		ProjectView p = projects.propose("lmxfw", new Projects.NewProject("跨行业跨领域协同创新项目合作",
				"以跨行业、跨领域的项目合作带动协同发展网的整体工作：环保装备、渣浆泵与化纤联盟在节能环保装备与耐磨材料领域开展协同。（演示数据）",
				"跨领域协同", lead, LocalDate.of(2026, 6, 1), null, ProjectVisibility.PUBLIC, null, partners));
		projects.markDemo(p.id());
	}

	private void asAdmin(Runnable work) {
		if (users.exists("admin")) {
			SignedIn.as(users, "admin", work);
		}
	}

	private @Nullable Long org(String name) {
		return organizations.findByName(name).map(Organization::id).orElse(null);
	}
}
