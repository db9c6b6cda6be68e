package org.alliancehub.demo;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.alliancehub.governance.CorrespondenceVotes;
import org.alliancehub.governance.GovernanceTypes.Choice;
import org.alliancehub.governance.GovernanceTypes.Electorate;
import org.alliancehub.governance.GovernanceTypes.MotionType;
import org.alliancehub.identity.RoleGrant;
import org.alliancehub.identity.Users;
import org.alliancehub.membership.MembershipStatus;
import org.alliancehub.membership.Memberships;
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

	private final Memberships memberships;

	private final CorrespondenceVotes votes;

	DemoStandards(Standards standards, Alliances alliances, Users users, Memberships memberships, CorrespondenceVotes votes) {
		this.memberships = memberships;
		this.votes = votes;
		this.standards = standards;
		this.alliances = alliances;
		this.users = users;
	}

	/** The alliance whose demo standard is in its public comment period: the chemical-fibre alliance's 41 members vote. */
	static final String IN_COMMENT_ALLIANCE = "huaxian";

	static final String IN_COMMENT_TITLE = "再生聚酯（涤纶）短纤维 质量分级与检验规则（演示）";

	/** The demo's member representatives who vote on its start; invented, like their votes. */
	static final String VOTER_PREFIX = "huaxian-daibiao-";

	/**
	 * A group standard of the chemical-fibre alliance in its public comment period, reached as its secretariat and
	 * members would: proposed by a member, approved to start by a correspondence vote of the general assembly (type
	 * GROUP_STANDARD, the drafting unit left out) that governance counts by the charter's rules, one drafting unit, a
	 * first draft, and the comment period open from the day the demo is loaded, so that a visitor can comment on it.
	 * The seeds give no standard, no vote and no representative: the standard, its text, the 21 representatives who
	 * vote (18 yes, 2 abstain, 1 no) and their accounts are invented and marked as demo data.
	 */
	void loadInComment() {
		var alliance = alliances.find(IN_COMMENT_ALLIANCE);
		if (alliance.isEmpty() || !users.exists(IN_COMMENT_ALLIANCE) || users.exists(VOTER_PREFIX + "01")) {
			return;
		}
		List<Long> members = memberships.members(alliance.get().id(), null, MembershipStatus.ACTIVE).stream()
			.map(m -> m.organizationId())
			.distinct()
			.sorted()
			.toList();
		if (members.size() < 23) {
			return;
		}
		long proposer = members.get(0);
		long drafter = members.get(1);
		try {
			long[] motion = new long[1];
			SignedIn.as(users, IN_COMMENT_ALLIANCE, () -> motion[0] = votes.put(IN_COMMENT_ALLIANCE,
					"关于《" + IN_COMMENT_TITLE + "》团体标准立项的通讯表决（演示数据）",
					"本表决、投票的会员代表及其票数均为演示数据，并非联盟的实际表决。", MotionType.GROUP_STANDARD,
					Electorate.GENERAL_ASSEMBLY, OffsetDateTime.now().plusDays(30), List.of(drafter)));
			List<Long> voters = votes.voters(motion[0]).stream().filter(o -> o != drafter).limit(21).toList();
			for (int i = 0; i < voters.size(); i++) {
				String username = VOTER_PREFIX + String.format("%02d", i + 1);
				users.createHashed(username, "演示会员代表 " + (i + 1), null, DemoContent.demoPasswordHash(users),
						List.of(RoleGrant.memberRep(voters.get(i))));
				Choice choice = i < 18 ? Choice.YES : i < 20 ? Choice.ABSTAIN : Choice.NO;
				SignedIn.as(users, username, () -> votes.cast(motion[0], choice));
			}
			SignedIn.as(users, IN_COMMENT_ALLIANCE, () -> {
				votes.close(motion[0]);
				long id = standards.proposeToComment(IN_COMMENT_ALLIANCE, IN_COMMENT_TITLE,
						"本文件规定了以回收聚酯瓶片等为原料生产的再生聚酯（涤纶）短纤维的质量分级、技术要求、试验方法和检验规则。"
								+ "（本标准及其草案为演示数据，并非联盟实际制定的标准。）",
						"再生涤纶短纤维产量逐年增长，质量分级缺少统一依据，下游纺纱企业选用困难。（演示数据）", List.of(proposer),
						motion[0], drafter,
						"1 范围\n本文件规定了再生聚酯（涤纶）短纤维的质量分级、技术要求、试验方法和检验规则。\n\n"
								+ "2 技术要求\n断裂强度不低于 5.0 cN/dtex；断裂伸长率 25%～45%；含油率 0.08%～0.20%。\n\n"
								+ "3 检验规则\n每批产品应进行出厂检验，检验项目为第 2 章规定的全部项目。\n\n（演示数据）",
						"征求意见稿（演示数据）", LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")), 45);
				standards.markDemo(id);
			});
		}
		catch (Invalid | Conflict | NotFound | org.alliancehub.shared.Forbidden e) {
			log.warn("demo standard in its comment period not made: {}", e.getMessage());
		}
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
