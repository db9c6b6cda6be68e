package org.alliancehub.demo;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.alliancehub.content.ArticleStatus;
import org.alliancehub.content.Articles;
import org.alliancehub.content.Bulletins;
import org.alliancehub.content.Category;
import org.alliancehub.content.NewArticle;
import org.alliancehub.content.Visibility;
import org.alliancehub.governance.CorrespondenceVotes;
import org.alliancehub.governance.GovernanceTypes.Electorate;
import org.alliancehub.governance.GovernanceTypes.MotionType;
import org.alliancehub.identity.RoleGrant;
import org.alliancehub.identity.Users;
import org.alliancehub.membership.MembershipRole;
import org.alliancehub.membership.Memberships;
import org.alliancehub.membership.NewMembership;
import org.alliancehub.membership.NewOrganization;
import org.alliancehub.membership.Organization;
import org.alliancehub.membership.OrganizationType;
import org.alliancehub.membership.Organizations;
import org.alliancehub.membership.Product;
import org.alliancehub.network.Alliance;
import org.alliancehub.network.AlliancePatch;
import org.alliancehub.network.Alliances;
import org.alliancehub.network.NewAlliance;
import org.alliancehub.platform.Platform;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * Fills an empty database with the demo network: the alliances, organisations, governance roles and
 * articles of {@code demo/network.json} (facts from the source pages, prose of our own), through the
 * same services a secretariat uses, in one transaction: all of it or nothing.
 */
@Component
@Order(100)
class DemoContent implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoContent.class);

	/** Password of the demo secretariat and member accounts; demo content is for a local trial only. */
	static final String DEMO_PASSWORD = "demo-secretariat";

	/** The password of the demo representative {@code huaxian-rep}. */
	static final String DEMO_REPRESENTATIVE_PASSWORD = "demo-representative";

	/**
	 * {@link #DEMO_PASSWORD} hashed once (per JVM): one bcrypt for the demo's 30 accounts instead of one each, which
	 * cost a first start about 2 s of CPU on a free core. The password is published, so one shared salt hides nothing.
	 */
	private static final AtomicReference<@Nullable CompletableFuture<String>> demoPasswordHash = new AtomicReference<>();

	static String demoPasswordHash(Users users) {
		CompletableFuture<String> hash = demoPasswordHash.get();
		if (hash == null) {
			CompletableFuture<String> mine = new CompletableFuture<>();
			if (demoPasswordHash.compareAndSet(null, mine)) {
				mine.complete(users.hash(DEMO_PASSWORD));
			}
			hash = demoPasswordHash.get();
		}
		return hash.join();
	}

	/**
	 * Starts {@link #DEMO_PASSWORD}'s bcrypt on another core while the demo's first rows are written (the accounts
	 * come late in the fill); the representative's password likewise.
	 */
	private CompletableFuture<String> hashInBackground() {
		demoPasswordHash.compareAndSet(null,
				CompletableFuture.supplyAsync(() -> users.hash(DEMO_PASSWORD)));
		return CompletableFuture.supplyAsync(() -> users.hash(DEMO_REPRESENTATIVE_PASSWORD));
	}

	private @Nullable CompletableFuture<String> representativeHash;

	private final Platform platform;

	private final Alliances alliances;

	private final Organizations organizations;

	private final Memberships memberships;

	private final Articles articles;

	private final Bulletins bulletins;

	private final Users users;

	private final ObjectMapper json;

	private final TransactionTemplate tx;

	private final DemoSurvey survey;

	private final DemoMeetings meetings;

	private final DemoCollaboration collaboration;

	private final DemoTransfer transfer;

	private final DemoCertificates certificates;

	private final DemoFunding funding;

	private final DemoStandards standards;

	private final CorrespondenceVotes votes;

	/** The title of the open correspondence vote on which the demo representative's vote is waiting. */
	static final String OPEN_VOTE = "关于调整2026年度会费标准的通讯表决（演示数据）";

	DemoContent(Platform platform, Alliances alliances, Organizations organizations, Memberships memberships,
			Articles articles, Bulletins bulletins, Users users, ObjectMapper json, TransactionTemplate tx, DemoSurvey survey,
			DemoMeetings meetings, DemoCollaboration collaboration, DemoTransfer transfer, DemoCertificates certificates,
			DemoFunding funding, DemoStandards standards, CorrespondenceVotes votes) {
		this.votes = votes;
		this.standards = standards;
		this.certificates = certificates;
		this.funding = funding;
		this.collaboration = collaboration;
		this.transfer = transfer;
		this.survey = survey;
		this.meetings = meetings;
		this.platform = platform;
		this.alliances = alliances;
		this.organizations = organizations;
		this.memberships = memberships;
		this.articles = articles;
		this.bulletins = bulletins;
		this.users = users;
		this.json = json;
		this.tx = tx;
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Demo(AllianceSpec network, List<AllianceSpec> alliances, List<OrgSpec> organizations,
			List<ArticleSpec> articles, List<BriefingSpec> briefings, List<LinkSpec> links, List<EventSpec> events,
			@Nullable List<DemoMeetings.MeetingSpec> meetings) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record AllianceSpec(String slug, String name, @Nullable String shortName, @Nullable String industry,
			@Nullable LocalDate foundedOn, @Nullable String region, @Nullable String description,
			@Nullable String about, NewAlliance.@Nullable ContactInput contact, @Nullable String icp,
			@Nullable NetworkSeat network) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record NetworkSeat(MembershipRole role, @Nullable LocalDate since) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record OrgSpec(String key, String name, OrganizationType type, @Nullable String region, @Nullable String website,
			@Nullable String profile, @Nullable List<Product> products, @Nullable List<SeatSpec> memberships) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record SeatSpec(String alliance, MembershipRole role, @Nullable LocalDate since) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record ArticleSpec(String alliance, String title, Category category, @Nullable String source,
			@Nullable String author, OffsetDateTime publishedAt, @Nullable List<String> tags, String body,
			@Nullable Visibility visibility) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record BriefingSpec(String alliance, int issueNumber, String title, LocalDate publishedOn, String body) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record LinkSpec(String alliance, String name, String url) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record EventSpec(String alliance, String title, LocalDate startsOn, @Nullable LocalDate endsOn,
			@Nullable String location, @Nullable String description) {
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		if (!platform.demoWanted() || alliances.network().isPresent()) {
			return;
		}
		Demo demo;
		try (InputStream in = new ClassPathResource("demo/network.json").getInputStream()) {
			demo = json.readValue(in, Demo.class);
		}
		long started = System.nanoTime();
		representativeHash = hashInBackground();
		Sections sections = new Sections();
		tx.executeWithoutResult(status -> load(demo, sections));
		sections.done("before-commit listeners and commit");
		log.info("Demo network loaded: {} alliances, {} organisations, {} articles in {} ms (CPU of this thread: {})",
				demo.alliances().size(), demo.organizations().size(), demo.articles().size(),
				(System.nanoTime() - started) / 1_000_000, sections);
	}

	/**
	 * The CPU time this thread spent on each part of the fill (the commit, with the listeners that run before it, last), for the log: the
	 * fill runs on the start's critical path, and its cost on a first start is code run for the first time.
	 */
	static final class Sections {

		private final java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();

		private final StringBuilder spent = new StringBuilder();

		private long last = threads.getCurrentThreadCpuTime();

		private long total;

		void done(String section) {
			long now = threads.getCurrentThreadCpuTime();
			spent.append(spent.isEmpty() ? "" : ", ").append(section).append(' ').append((now - last) / 1_000_000).append(" ms");
			total += now - last;
			last = now;
		}

		@Override
		public String toString() {
			return total / 1_000_000 + " ms: " + spent;
		}

	}

	private void load(Demo demo, Sections sections) {
		Alliance network = alliances.createNetwork(newAlliance(demo.network()));
		about(network, demo.network());
		Map<String, Alliance> bySlug = new HashMap<>();
		bySlug.put(network.slug(), network);
		for (AllianceSpec spec : demo.alliances()) {
			if (bySlug.containsKey(spec.slug())) {
				continue;
			}
			Alliance a = alliances.create(newAlliance(spec));
			about(a, spec);
			bySlug.put(a.slug(), a);
			if (spec.network() != null) {
				Organization representative = organizations.representing(a.id());
				memberships.grant(network.id(),
						new NewMembership(representative.id(), spec.network().role(), spec.network().since()));
			}
		}
		sections.done("alliances");
		for (OrgSpec o : demo.organizations()) {
			// registered by the alliance of its first seat, whose secretariat may name its first representative;
			// its further seats stand for invitations it accepted
			Alliance registeredBy = o.memberships() == null || o.memberships().isEmpty() ? null
					: bySlug.get(o.memberships().get(0).alliance());
			Organization org = organizations.findByName(o.name())
				.orElseGet(() -> organizations.create(new NewOrganization(o.name(), o.type(), o.region(),
						o.website(), o.profile(), o.products()), registeredBy == null ? null : registeredBy.id()));
			for (SeatSpec seat : o.memberships() == null ? List.<SeatSpec>of() : o.memberships()) {
				Alliance a = bySlug.get(seat.alliance());
				if (a != null && !memberships.isActiveMember(a.id(), org.id())) {
					memberships.grant(a.id(), new NewMembership(org.id(), seat.role(), seat.since()));
				}
			}
		}
		sections.done("organisations");
		for (ArticleSpec s : demo.articles()) {
			Alliance a = bySlug.get(s.alliance());
			if (a != null) {
				articles.create(a.id(), new NewArticle(s.title(), s.category(), s.source(), s.author(), s.publishedAt(),
						s.tags(), s.body(), ArticleStatus.PUBLISHED, s.visibility()));
			}
		}
		sections.done("articles");
		for (BriefingSpec b : demo.briefings()) {
			Alliance a = bySlug.get(b.alliance());
			if (a != null) {
				bulletins.publishBriefing(a.id(),
						new Bulletins.NewBriefing(b.issueNumber(), b.title(), b.publishedOn(), b.body()));
			}
		}
		for (LinkSpec l : demo.links()) {
			Alliance a = bySlug.get(l.alliance());
			if (a != null) {
				bulletins.addLink(a.id(), new Bulletins.NewLink(l.name(), l.url(), null));
			}
		}
		for (EventSpec e : demo.events()) {
			Alliance a = bySlug.get(e.alliance());
			if (a != null) {
				bulletins.addEvent(a.id(),
						new Bulletins.NewEvent(e.title(), e.startsOn(), e.endsOn(), e.location(), e.description()));
			}
		}
		sections.done("bulletins");
		// One secretariat account per alliance that has content of its own, so a trial can start at once.
		demo.articles().stream().map(ArticleSpec::alliance).distinct().forEach(slug -> {
			Alliance a = bySlug.get(slug);
			if (a != null && !users.exists(slug)) {
				users.createHashed(slug, a.displayShortName() + "秘书处", null, demoPasswordHash(users),
						List.of(RoleGrant.secretariat(a.id())));
			}
		});
		sections.done("accounts");
		if (bySlug.containsKey("huaxian") && users.exists("huaxian")) {
			survey.load(bySlug.get("huaxian"), "huaxian");
			// waiting work for the workbench: a draft of the secretariat, and a representative whose answer is due
			SignedIn.as(users, "huaxian", () -> articles.create(bySlug.get("huaxian").id(), new NewArticle(
					"联盟2026年工作要点（草稿）", Category.ALLIANCE_NEWS, null, null, null, null,
					"<p>演示数据：待秘书处审定后发布。</p>", ArticleStatus.DRAFT, null)));
			Long answering = survey.answering();
			if (answering != null && !users.exists("huaxian-rep")) {
				users.createHashed("huaxian-rep", "化纤联盟成员单位代表", null,
						representativeHash != null ? representativeHash.join() : users.hash(DEMO_REPRESENTATIVE_PASSWORD),
						List.of(RoleGrant.memberRep(answering)));
				// and a vote waiting for it: an open correspondence vote of the general assembly, on its workbench,
				// voted on its ballot page (/motions/{id}/ballot)
				SignedIn.as(users, "huaxian", () -> votes.put("huaxian", OPEN_VOTE,
						"本表决及其内容均为演示数据，并非联盟的实际表决。", MotionType.ORDINARY, Electorate.GENERAL_ASSEMBLY,
						OffsetDateTime.now().plusDays(21), List.of()));
			}
		}
		sections.done("survey+vote");
		for (DemoMeetings.MeetingSpec m : demo.meetings() == null ? List.<DemoMeetings.MeetingSpec>of() : demo.meetings()) {
			if (bySlug.containsKey(m.alliance()) && users.exists(m.alliance())) {
				meetings.hold(m, m.alliance());
			}
		}
		sections.done("meetings");
		collaboration.load(bySlug);
		sections.done("collaboration");
		transfer.load();
		sections.done("transfer");
		standards.load();
		standards.loadInComment();
		sections.done("standards");
		certificates.load();
		sections.done("certificates");
		funding.load(bySlug);
		sections.done("funding");
	}

	private void about(Alliance a, AllianceSpec spec) {
		if (spec.about() != null) {
			alliances.update(a.slug(),
					new AlliancePatch(null, null, null, null, null, null, spec.about(), null, null, null));
		}
	}

	private static NewAlliance newAlliance(AllianceSpec s) {
		return new NewAlliance(s.slug(), s.name(), s.shortName(), s.industry(), s.foundedOn(), s.region(),
				s.description(), s.contact(), s.icp());
	}
}
