package org.alliancehub.demo;

import java.math.BigDecimal;
import java.util.List;

import org.alliancehub.identity.Users;
import org.alliancehub.membership.Organization;
import org.alliancehub.membership.Organizations;
import org.alliancehub.shared.Invalid;
import org.alliancehub.transfer.TechnologyTransfer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Technology demands and achievements of the demo alliances' industries (slurry pumps, environmental equipment,
 * chemical fibre). No seed gives such facts: every one is written for the demo and marked as demo data. Posted by
 * the administrator in the organisations' names through the transfer service; their matches are computed by the
 * real matcher when a page asks, never stored.
 */
@Component
class DemoTransfer {

	private static final Logger log = LoggerFactory.getLogger(DemoTransfer.class);

	private static final String NOTE = "（演示数据）";

	private final TechnologyTransfer transfer;

	private final Organizations organizations;

	private final Users users;

	DemoTransfer(TechnologyTransfer transfer, Organizations organizations, Users users) {
		this.transfer = transfer;
		this.organizations = organizations;
		this.users = users;
	}

	void load() {
		if (users.exists("admin")) {
			SignedIn.as(users, "admin", this::post);
		}
	}

	private void post() {
		demand("石家庄工业泵厂有限公司", "脱硫循环泵过流部件耐磨寿命提升",
				"电厂石灰石-石膏湿法脱硫循环泵的叶轮和护套在含固浆液中磨损、腐蚀严重，寿命不足一年。寻求耐磨耐蚀合金材料或过流部件表面强化技术，"
						+ "将过流部件寿命提高一倍以上。",
				"FLUID_MACHINERY", "130100", "200", "2027-06-30");
		demand("营口奥捷专用汽车制造有限公司", "环卫专用车车载污水处理装置小型化",
				"吸污车、清洗车作业产生的污水需车载预处理后排放。寻求体积小、能耗低的一体化污水处理技术，可集成于专用汽车底盘。",
				"ENVIRONMENTAL", "210800", "150", "2027-03-31");
		demand("中成泵业", "计量泵高精度流量控制与远程监测",
				"水处理加药计量泵需要在宽量程内保持流量精度，并能远程监测运行状态与故障预警。寻求计量泵精度控制与智能监测方案。",
				"FLUID_MACHINERY", "310000", "80", "2026-12-31");
		demand("桐昆集团股份有限公司", "涤纶长丝生产废水深度处理与回用",
				"涤纶长丝生产和油剂清洗产生的废水含有机物，需深度处理后回用，降低新鲜水用量。寻求膜分离与回用成套技术。",
				"ENVIRONMENTAL", "330400", "300", "2027-09-30");
		demand("江苏恒力化纤有限公司", "聚酯熔体直纺节能降耗",
				"聚酯熔体直纺生产线能耗偏高，寻求熔体输送、纺丝组件与热媒系统的节能工艺改进，单位产品综合能耗下降百分之十。",
				"CHEMICAL_FIBRE", "320500", "500", "2027-12-31");
		demand("张家港欣欣化纤有限公司", "再生聚酯纤维色差控制",
				"以回收瓶片生产再生聚酯短纤维，批次间色差大。寻求在线配色与色差检测控制技术。", "CHEMICAL_FIBRE", "320500", "120",
				"2027-06-30");
		achievement("中国科学院金属研究所", "高铬铸铁耐磨合金及渣浆泵过流部件热处理技术",
				"高铬铸铁耐磨合金成分设计与热处理工艺，用于渣浆泵、脱硫循环泵叶轮和护套等过流部件，在含固浆液中耐磨耐蚀，寿命提高一倍以上。",
				"FLUID_MACHINERY", "210100", 7, "GRANTED_PATENT", "ZL2019XXXXXXXX.X（演示）", List.of("LICENCE", "EQUITY"),
				"许可或技术入股，条件面议");
		achievement("中国环境科学研究院", "一体化膜生物反应器污水处理装置",
				"集成膜生物反应器工艺的一体化污水处理装置，占地小、能耗低，可撬装或车载，适用于分散污水与专用车作业污水的预处理。",
				"ENVIRONMENTAL", "110000", 8, "GRANTED_PATENT", "ZL2020XXXXXXXX.X（演示）", List.of("LICENCE", "ASSIGNMENT"),
				"一次性转让或按台许可");
		achievement("东华大学", "聚酯熔体直纺节能工艺与纺丝组件优化",
				"针对聚酯熔体直纺生产线的熔体输送、纺丝组件和热媒系统进行节能优化，经中试验证单位产品综合能耗下降约百分之十二。",
				"CHEMICAL_FIBRE", "310000", 6, "PENDING", null, List.of("JOINT_DEVELOPMENT", "EQUITY"), "联合开发，成果共享");
		achievement("天津工业大学", "纺织化纤废水膜分离深度处理与回用技术",
				"以耐污染分离膜为核心的化纤、印染废水深度处理与回用技术，出水可回用于生产，新鲜水用量降低一半。", "ENVIRONMENTAL", "120000",
				6, "GRANTED_PATENT", "ZL2018XXXXXXXX.X（演示）", List.of("LICENCE", "JOINT_DEVELOPMENT"), "许可，提供技术服务");
		achievement("中国纺织科学研究院有限公司", "再生聚酯在线配色与色差检测控制系统",
				"再生聚酯纤维生产的在线配色与色差检测控制软件，根据在线测色结果自动调整色母粒添加量，批次间色差明显减小。",
				"CHEMICAL_FIBRE", "110000", 7, "SOFTWARE", null, List.of("LICENCE"), "软件许可，按生产线计费");
		achievement("石家庄工业泵厂有限公司", "渣浆泵磨损在线监测与智能运维系统",
				"通过振动、流量与功率在线监测评估渣浆泵与计量泵的磨损状态，远程监测并提前预警，指导过流部件更换。", "FLUID_MACHINERY",
				"130100", 6, "SOFTWARE", null, List.of("LICENCE", "JOINT_DEVELOPMENT"), "许可或合作开发");
	}

	private void demand(String org, String title, String description, String field, String region, String budget,
			String deadline) {
		Long id = org(org);
		if (id == null) {
			return;
		}
		try {
			var d = transfer.postDemand(new TechnologyTransfer.NewDemand(id, title, description + NOTE, field, region,
					"PUBLIC", new BigDecimal(budget), deadline));
			transfer.markDemo("demand", d.id());
		}
		catch (Invalid e) {
			log.warn("demo demand {} not posted: {}", title, e.errors());
		}
	}

	private void achievement(String org, String title, String description, String field, String region, int maturity,
			String ip, @Nullable String patent, List<String> modes, String terms) {
		Long id = org(org);
		if (id == null) {
			return;
		}
		try {
			var a = transfer.postAchievement(new TechnologyTransfer.NewAchievement(id, title, description + NOTE, field,
					region, "PUBLIC", maturity, ip, patent, modes, terms, null));
			transfer.markDemo("achievement", a.id());
		}
		catch (Invalid e) {
			log.warn("demo achievement {} not posted: {}", title, e.errors());
		}
	}

	private @Nullable Long org(String name) {
		return organizations.findByName(name).map(Organization::id).orElse(null);
	}
}
