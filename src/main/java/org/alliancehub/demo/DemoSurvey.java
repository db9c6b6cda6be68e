package org.alliancehub.demo;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.alliancehub.identity.Users;
import org.alliancehub.membership.Member;
import org.alliancehub.membership.MembershipStatus;
import org.alliancehub.membership.Memberships;
import org.alliancehub.membership.OrganizationType;
import org.alliancehub.network.Alliance;
import org.alliancehub.shared.Regions;
import org.alliancehub.survey.Audience;
import org.alliancehub.survey.NewSurvey;
import org.alliancehub.survey.Responses;
import org.alliancehub.survey.SurveyView;
import org.alliancehub.survey.Surveys;
import org.springframework.stereotype.Component;

/**
 * The demo's annual industry survey of the chemical fibre alliance (its enterprises, with a few answers
 * submitted and a few drafts), so that the survey pages and the statistics have something to show. The
 * figures are made up, and the survey's description says so. Built through the survey services as the
 * alliance's secretariat would, answering on its members' behalf.
 */
@Component
class DemoSurvey {

	private final Surveys surveys;

	private final Responses responses;

	private final Memberships memberships;

	private final Users users;

	DemoSurvey(Surveys surveys, Responses responses, Memberships memberships, Users users) {
		this.surveys = surveys;
		this.responses = responses;
		this.memberships = memberships;
		this.users = users;
	}

	private static NewSurvey.Field field(String key, String label, String section, String type, String unit,
			boolean required, List<String> options) {
		return new NewSurvey.Field(key, label, section, type, unit.isEmpty() ? null : unit, required,
				type.equals("TEXT") || type.equals("CHOICE") || type.equals("MULTI_CHOICE") || type.equals("REGION") ? null
						: java.math.BigDecimal.ZERO,
				null, options.isEmpty() ? null : options);
	}

	void load(Alliance alliance, String secretariat) {
		SignedIn.as(users, secretariat, () -> build(alliance));
	}

	/** An enterprise whose answer is still a draft (the demo representative's), once the survey is built. */
	@org.jspecify.annotations.Nullable Long answering() {
		return answering;
	}

	private @org.jspecify.annotations.Nullable Long answering;

	private void build(Alliance alliance) {
		List<NewSurvey.Field> fields = List.of(
				field("revenue", "营业收入", "经营情况", "DECIMAL", "万元", true, List.of()),
				field("exportRevenue", "出口交货值", "经营情况", "DECIMAL", "万元", false, List.of()),
				field("profit", "利润总额", "经营情况", "DECIMAL", "万元", false, List.of()),
				field("output", "化纤产量", "经营情况", "DECIMAL", "吨", true, List.of()),
				field("staff", "从业人员", "人员与研发", "INTEGER", "人", true, List.of()),
				field("rdStaff", "研发人员", "人员与研发", "INTEGER", "人", false, List.of()),
				field("rdShare", "研发投入占营业收入比重", "人员与研发", "PERCENT", "", false, List.of()),
				field("size", "企业规模", "基本情况", "CHOICE", "", true, List.of("大型", "中型", "小型", "微型")),
				field("products", "主要产品", "基本情况", "MULTI_CHOICE", "", false,
						List.of("涤纶", "锦纶", "氨纶", "粘胶纤维", "碳纤维", "芳纶")),
				field("province", "所在省份", "基本情况", "REGION", "", true, List.of()));
		List<NewSurvey.Rule> rules = List.of(new NewSurvey.Rule("exportRevenue <= revenue", "出口交货值不能大于营业收入"),
				new NewSurvey.Rule("rdStaff <= staff", "研发人员不能多于从业人员"),
				new NewSurvey.Rule("profit <= revenue", "利润总额不能大于营业收入"));
		SurveyView s = surveys.create(alliance.slug(), new NewSurvey("2025年度化纤行业统计调查", "2025",
				"演示数据：本调查及各单位填报数值均为虚构，仅用于展示调查与统计功能。", fields, rules,
				OffsetDateTime.now().plusDays(45).truncatedTo(ChronoUnit.DAYS), new Audience(List.of(),
						List.of(OrganizationType.ENTERPRISE.name()), List.of()), null, "size"));
		surveys.publish(s.id());
		List<Member> enterprises = memberships.members(alliance.id(), null, MembershipStatus.ACTIVE)
			.stream()
			.filter(m -> m.organizationType() == OrganizationType.ENTERPRISE)
			.filter(m -> Regions.china().provinceNamed(m.region()).isPresent())
			.limit(12)
			.toList();
		for (int i = 0; i < enterprises.size(); i++) {
			Member m = enterprises.get(i);
			Map<String, Object> v = new LinkedHashMap<>();
			double revenue = 180000 + 61750 * ((i * 7) % 12);
			v.put("revenue", revenue);
			v.put("exportRevenue", Math.round(revenue * (0.06 + 0.025 * (i % 5))));
			v.put("profit", Math.round(revenue * (0.03 + 0.01 * (i % 4))));
			v.put("output", 250000 + 38000 * ((i * 5) % 12));
			int staff = 2400 + 730 * ((i * 3) % 12);
			v.put("staff", staff);
			v.put("rdStaff", staff * (5 + i % 4) / 100);
			v.put("rdShare", 1.8 + 0.35 * (i % 6));
			v.put("size", i % 4 == 3 ? "中型" : "大型");
			v.put("products", i % 3 == 0 ? List.of("涤纶", "锦纶") : i % 3 == 1 ? List.of("涤纶") : List.of("粘胶纤维", "氨纶"));
			v.put("province", Regions.china().provinceNamed(m.region()).orElseThrow().code());
			responses.save(s.id(), m.organizationId(), v, i < 9, null);
			if (i == 9 || (i == enterprises.size() - 1 && answering == null)) {
				answering = m.organizationId();
			}
		}
	}
}
