package org.alliancehub.collaboration;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.alliancehub.FormSession;
import org.alliancehub.IntegrationTest;
import org.alliancehub.TestClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public registers show the demo network's agreement, base, projects and resources (demo data marked as
 * such), a project's page its participants and milestones; hidden projects stay hidden on pages too; the
 * secretariat runs a project from the back office and a representative answers from its requests page.
 */
class CollaborationPagesIntegrationTests extends IntegrationTest {

	@Test
	void theRegistersShowTheSeedsAgreementAndBaseAndTheDemoProjects() {
		TestClient visitor = client();
		var bases = visitor.get("/a/huanbao-zhuangbei/bases");
		assertThat(bases.status()).isEqualTo(200);
		assertThat(bases.body()).contains("环保装备联盟产业化示范基地（宁安市）").contains("黑龙江省").contains("宁安市人民政府");
		assertThat(visitor.get("/a/huanbao-zhuangbei/agreements").body()).contains("共建环保装备联盟产业化示范基地（宁安市）战略合作协议")
			.contains("营口奥捷专用汽车制造有限公司");
		String projects = visitor.get("/a/hebei-zhajiangbeng/projects").body();
		assertThat(projects).contains("渣浆泵耐磨材料与过流部件寿命联合攻关").contains("演示数据");
		assertThat(visitor.get("/a/lmxfw/projects").body()).contains("渣浆泵耐磨材料与过流部件寿命联合攻关")
			.contains("环保装备共性关键技术联合攻关").contains("跨行业跨领域协同创新项目合作");
		assertThat(visitor.get("/a/hebei-zhajiangbeng/projects?status=COMPLETED").body())
			.doesNotContain("渣浆泵耐磨材料与过流部件寿命联合攻关");
		String resources = visitor.get("/a/hebei-zhajiangbeng/resources?kind=EQUIPMENT").body();
		assertThat(resources).contains("渣浆泵综合性能试验台").doesNotContain("高校院所技术入股与人才共享计划");
		assertThat(visitor.get("/a/hebei-zhajiangbeng/resources?lang=en").body()).contains("Shared resources");
		assertThat(visitor.get("/a/hebei-zhajiangbeng/").body()).contains("/a/hebei-zhajiangbeng/projects");
	}

	@Test
	void aProjectPageShowsItsParticipantsAndMilestonesAndHiddenOnesStayHidden() {
		TestClient admin = admin();
		CollaborationFixtures f = new CollaborationFixtures(admin, client());
		String slug = f.alliance("页面联盟");
		long member = f.member(slug);
		long open = f.project(admin, slug, member, "PUBLIC");
		admin.post("/api/v1/projects/" + open + "/milestones", Map.of("workPackage", "WP1 样机", "title", "样机试制", "dueOn",
				"2026-10-31"));
		String page = client().get("/a/" + slug + "/projects/" + open).body();
		assertThat(page).contains("样机试制").contains("WP1 样机").contains("id=\"participants\"");
		long hidden = f.project(admin, slug, member, "PARTICIPANTS");
		assertThat(client().get("/a/" + slug + "/projects/" + hidden).status()).isEqualTo(404);
		assertThat(client().get("/a/" + slug + "/projects").body()).doesNotContain("/projects/" + hidden + "\"");
		assertThat(f.rep(member).get("/api/v1/projects/" + hidden).status()).isEqualTo(200);
		// a project of another alliance is not found under this alliance's path
		String other = f.alliance("别的页面联盟");
		assertThat(client().get("/a/" + other + "/projects/" + open).status()).isEqualTo(404);
	}

	@Test
	void theSecretariatRunsAProjectFromTheBackOfficeAndTheRepresentativeAccepts() {
		TestClient admin = admin();
		CollaborationFixtures f = new CollaborationFixtures(admin, client());
		String slug = f.alliance("后台联盟");
		long lead = f.member(slug);
		String otherSlug = f.alliance("另一联盟");
		long partner = f.member(otherSlug);
		FormSession desk = FormSession.signIn(admin, port, List.of(Map.of("role", "SECRETARIAT", "alliance", slug)));
		String home = "/admin/a/" + slug + "/collaboration";
		assertThat(desk.get(home).statusCode()).isEqualTo(200);
		HttpResponse<String> made = desk.post(home, home + "/projects", "title=" + enc("后台发起的攻关项目")
				+ "&leadOrganizationId=" + lead + "&field=" + enc("环保装备") + "&visibility=PUBLIC&summary=");
		assertThat(made.statusCode()).as(made.body()).isEqualTo(302);
		String projectPage = made.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
		long id = Long.parseLong(projectPage.substring(projectPage.lastIndexOf('/') + 1));
		assertThat(desk.post(projectPage, projectPage + "/participants", "organizationId=" + partner).statusCode()).isEqualTo(302);
		assertThat(desk.post(projectPage, projectPage + "/milestones", "workPackage=WP1&title=" + enc("样机") + "&dueOn=2026-12-31")
			.statusCode()).isEqualTo(302);
		assertThat(desk.post(projectPage, projectPage + "/status", "status=ACTIVE").statusCode()).isEqualTo(302);
		assertThat(desk.get(projectPage).body()).contains("样机").contains("id=\"status\"");
		var bad = desk.post(projectPage, projectPage + "/status", "status=PROPOSED");
		assertThat(bad.headers().firstValue("Location").orElseThrow()).contains("error=");
		var p = admin.get("/api/v1/projects/" + id).json();
		assertThat(p.get("status").asString()).isEqualTo("ACTIVE");
		assertThat(p.get("milestones").size()).isEqualTo(1);
		// another alliance's secretariat cannot open this desk
		FormSession outsider = FormSession.signIn(admin, port, List.of(Map.of("role", "SECRETARIAT", "alliance", otherSlug)));
		assertThat(outsider.get(projectPage).statusCode()).isIn(403, 404);
		// the partner's representative accepts on its requests page
		FormSession rep = FormSession.anonymous(port);
		String username = "pr" + java.util.UUID.randomUUID().toString().substring(0, 8);
		admin.post("/api/v1/users", Map.of("username", username, "displayName", "伙伴代表", "email", username + "@example.org",
				"password", "password-" + username, "roles", List.of(Map.of("role", "MEMBER_REP", "organizationId", partner))));
		rep.login(username, "password-" + username);
		String requests = rep.get("/collaboration/requests").body();
		assertThat(requests).contains("后台发起的攻关项目");
		assertThat(rep.post("/collaboration/requests", "/collaboration/projects/" + id + "/participants/" + partner + "/accept", "x=1")
			.statusCode()).isEqualTo(302);
		assertThat(admin.get("/api/v1/projects/" + id).body()).contains("\"organizationId\":" + partner + ",\"name\"")
			.contains("ACCEPTED");
	}

	/**
	 * The collaboration module contributes its back-office entries (web.BackOfficeEntries): the desk to the
	 * secretariat on its alliance's pages, the requests page to whoever acts for an organisation; a public
	 * site's navigation leads to the projects register, marked as the current section there.
	 */
	@Test
	void theNavigationLeadsTheSecretariatToItsDeskAndTheRepresentativeToItsRequests() {
		TestClient admin = admin();
		CollaborationFixtures f = new CollaborationFixtures(admin, client());
		String slug = f.alliance("导航联盟");
		long member = f.member(slug);
		String deskLink = "href=\"/admin/a/" + slug + "/collaboration\"";
		FormSession secretariat = FormSession.signIn(admin, port, List.of(Map.of("role", "SECRETARIAT", "alliance", slug)));
		var articles = secretariat.get("/admin/a/" + slug + "/articles");
		assertThat(articles.statusCode()).isEqualTo(200);
		assertThat(articles.body()).contains(deskLink).contains("id=\"nav-collaboration-requests\"");
		String desk = secretariat.get("/admin/a/" + slug + "/collaboration").body();
		assertThat(desk).contains("class=\"admin-nav").contains(deskLink).contains("href=\"/admin/a/" + slug + "/articles\"");
		FormSession rep = FormSession.signIn(admin, port, List.of(Map.of("role", "MEMBER_REP", "organizationId", member)));
		String dashboard = rep.get("/admin/").body();
		assertThat(dashboard).contains("href=\"/collaboration/requests\"").doesNotContain(deskLink);
		String site = client().get("/a/" + slug + "/projects").body();
		String mainNav = site.substring(site.indexOf("class=\"mainnav\""));
		mainNav = mainNav.substring(0, mainNav.indexOf("</nav>"));
		assertThat(mainNav).contains("href=\"/a/" + slug + "/projects\" class=\"active\"");
	}

	@Test
	void aVisitorSeesANewProjectAtOnceAndEachFilterItsOwnList() {
		TestClient admin = admin();
		CollaborationFixtures f = new CollaborationFixtures(admin, client());
		String slug = f.alliance("缓存联盟");
		long member = f.member(slug);
		String register = "/a/" + slug + "/projects";
		assertThat(client().get(register).body()).doesNotContain("缓存后新建的项目");
		var made = admin.post("/api/v1/alliances/" + slug + "/projects", Map.of("title", "缓存后新建的项目", "leadOrganizationId",
				member));
		assertThat(made.status()).isEqualTo(201);
		assertThat(client().get(register).body()).contains("缓存后新建的项目");
		assertThat(client().get(register + "?status=ACTIVE").body()).doesNotContain("缓存后新建的项目");
		assertThat(client().get(register + "?status=PROPOSED").body()).contains("缓存后新建的项目");
	}

	private static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}
}
