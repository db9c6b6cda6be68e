package org.alliancehub.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.alliancehub.FormSession;
import org.alliancehub.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The browser forms of technology transfer and their refusals: a wrong form comes back as typed with every wrong
 * field named and saves nothing; a representative posts only for the organisations it acts for; starting a project
 * and deciding an interest are refused to whoever may not; the sites' navigation leads to the registers.
 */
class TransferFormsIntegrationTests extends IntegrationTest {

	final TransferFixtures f = new TransferFixtures(this::admin, this::client);

	String slug;

	long seeker;

	long holder;

	FormSession seekerForms;

	@BeforeEach
	void anAllianceWithTwoMembers() {
		slug = f.alliance("表单联盟");
		seeker = f.member(slug);
		holder = f.member(slug);
		seekerForms = FormSession.signIn(port, f.usernames.get(seeker), "password-" + f.usernames.get(seeker));
	}

	@Test
	void aWrongDemandFormComesBackNamingEveryWrongFieldAndSavesNothing() {
		String form = "/a/" + slug + "/demands/new";
		long before = total("demands");
		var r = seekerForms.post(form, form, "organizationId=" + seeker + "&title=" + enc("保留的标题") + "&description="
				+ "&field=ASTROLOGY&region=999999&visibility=SECRET&budget=" + enc("八十") + "&deadline=tomorrow");
		assertThat(r.statusCode()).isEqualTo(200);
		assertThat(r.body()).contains("id=\"form-errors\"").contains("value=\"保留的标题\"");
		for (String field : List.of("description", "field", "region", "visibility", "budget", "deadline")) {
			assertThat(r.body()).as(field).contains("data-field=\"" + field + "\"");
		}
		assertThat(r.body()).doesNotContain("data-field=\"title\"").doesNotContain("data-field=\"organizationId\"");
		assertThat(total("demands")).isEqualTo(before);
	}

	@Test
	void aWrongAchievementFormComesBackNamingEveryWrongFieldAndSavesNothing() {
		String form = "/a/" + slug + "/achievements/new";
		long before = total("achievements");
		var r = seekerForms.post(form, form, "organizationId=" + seeker + "&title=&description=" + enc("内容")
				+ "&field=ENVIRONMENTAL&region=330100&visibility=PUBLIC&maturity=12&ipStatus=GRANTED_PATENT&patentNumber="
				+ "&projectId=987654321");
		assertThat(r.statusCode()).isEqualTo(200);
		for (String field : List.of("title", "maturity", "patentNumber", "transferModes", "projectId")) {
			assertThat(r.body()).as(field).contains("data-field=\"" + field + "\"");
		}
		assertThat(r.body()).doesNotContain("data-field=\"region\"").doesNotContain("data-field=\"description\"");
		var notANumber = seekerForms.post(form, form, "organizationId=" + seeker + "&title=" + enc("成果") + "&description="
				+ enc("内容") + "&field=ENVIRONMENTAL&region=330100&maturity=seven&ipStatus=KNOW_HOW&transferModes=LICENCE");
		assertThat(notANumber.body()).contains("data-field=\"maturity\"");
		assertThat(total("achievements")).isEqualTo(before);
	}

	@Test
	void aRepresentativePostsOnlyForTheOrganisationsItActsFor() {
		String form = "/a/" + slug + "/demands/new";
		String page = seekerForms.get(form).body();
		assertThat(page).contains("<option value=\"" + seeker + "\"").doesNotContain("<option value=\"" + holder + "\"");
		long before = total("demands");
		var forged = seekerForms.post(form, form, "organizationId=" + holder + "&title=" + enc("冒名需求") + "&description="
				+ enc("内容") + "&field=ENVIRONMENTAL&region=330100&visibility=PUBLIC");
		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat(total("demands")).isEqualTo(before);
		assertThat(FormSession.anonymous(port).get(form).statusCode()).isIn(302, 401);
		// the administrator is offered the alliance's members
		String tag = UUID.randomUUID().toString().substring(0, 6);
		var admin = FormSession.signIn(port, "admin", ADMIN_PASSWORD);
		assertThat(admin.get(form).body()).contains("<option value=\"" + seeker + "\"").contains("<option value=\"" + holder + "\"");
		var posted = seekerForms.post(form, form, "organizationId=" + seeker + "&title=" + enc("表单需求" + tag)
				+ "&description=" + enc("内容") + "&field=ENVIRONMENTAL&region=330100&visibility=MEMBERS&budget=12.5&deadline=2027-05-01");
		assertThat(posted.statusCode()).isEqualTo(302);
		String location = posted.headers().firstValue("Location").orElseThrow();
		assertThat(location).matches(".*/a/" + slug + "/demands/\\d+$");
		var d = f.reps.get(seeker).get("/api/v1/demands/" + location.substring(location.lastIndexOf('/') + 1)).json();
		assertThat(d.get("title").asString()).isEqualTo("表单需求" + tag);
		assertThat(d.get("visibility").asString()).isEqualTo("MEMBERS");
		assertThat(d.get("budget").asDouble()).isEqualTo(12.5);
	}

	@Test
	void startingAProjectOrDecidingOnesOwnInterestIsRefusedOnThePage() {
		long demand = f.post(f.reps.get(seeker), "/api/v1/demands", f.demand(seeker, "表单页需求", "叶轮", "PUBLIC"));
		long achievement = f.post(f.reps.get(holder), "/api/v1/achievements", f.achievement(holder, "表单页成果", "叶轮", "PUBLIC"));
		String page = "/a/" + slug + "/demands/" + demand;
		assertThat(seekerForms.get(page).body()).doesNotContain("id=\"start-project\"");
		assertThat(seekerForms.post(page, page + "/project", "").statusCode()).isEqualTo(403);
		assertThat(f.reps.get(seeker).get("/api/v1/demands/" + demand).json().get("projectId").isNull()).isTrue();
		var secretariat = FormSession.signIn(admin(), port, List.of(Map.of("role", "SECRETARIAT", "alliance", slug)));
		assertThat(secretariat.get(page).body()).contains("id=\"start-project\"");
		assertThat(secretariat.post(page, page + "/project", "").statusCode()).isEqualTo(302);
		assertThat(secretariat.get(page).body()).contains("id=\"project-link\"").doesNotContain("id=\"start-project\"");

		seekerForms.post(page, page + "/interest", "achievementId=" + achievement);
		long interest = interestOf(demand);
		assertThat(seekerForms.get(page).body()).doesNotContain("/interests/" + interest + "/decision");
		seekerForms.post(page, "/a/" + slug + "/interests/" + interest + "/decision", "decision=ACCEPT");
		assertThat(f.reps.get(seeker).get("/api/v1/interests/" + interest).json().get("status").asString()).isEqualTo("PENDING");
		// the other side decides; a wrong transfer form names its fields and records nothing
		var holderForms = FormSession.signIn(port, f.usernames.get(holder), "password-" + f.usernames.get(holder));
		assertThat(holderForms.get(page).body()).contains("/interests/" + interest + "/decision");
		holderForms.post(page, "/a/" + slug + "/interests/" + interest + "/decision", "decision=ACCEPT");
		var wrong = holderForms.post(page, "/a/" + slug + "/interests/" + interest + "/transfer",
				"contractType=GIFT&amount=lots&date=");
		String notice = java.net.URLDecoder.decode(wrong.headers().firstValue("Location").orElseThrow(), StandardCharsets.UTF_8);
		assertThat(notice).contains("contractType").contains("amount").contains("date");
		assertThat(f.reps.get(seeker).get("/api/v1/interests/" + interest).json().get("transfer").isNull()).isTrue();
	}

	@Test
	void theNavigationOfAnAllianceAndOfTheNetworkLeadsToTheRegisters() {
		assertThat(client().get("/a/" + slug + "/news").body()).contains("href=\"/a/" + slug + "/demands\"");
		assertThat(client().get("/a/lmxfw/news").body()).contains("href=\"/a/lmxfw/demands\"");
		assertThat(client().get("/a/" + slug + "/demands").body()).contains("href=\"/a/" + slug + "/achievements\"");
		assertThat(seekerForms.get("/a/" + slug + "/demands").body()).contains("href=\"/a/" + slug + "/demands/new\"");
		assertThat(seekerForms.get("/a/" + slug + "/achievements").body()).contains("href=\"/a/" + slug + "/achievements/new\"");
	}

	private long interestOf(long demand) {
		var page = seekerForms.get("/a/" + slug + "/demands/" + demand).body();
		var m = java.util.regex.Pattern.compile("id=\"interest-(\\d+)\"").matcher(page);
		assertThat(m.find()).as(page).isTrue();
		return Long.parseLong(m.group(1));
	}

	private long total(String kind) {
		return admin().get("/api/v1/" + kind + "?alliance=" + slug).json().get("total").asLong();
	}

	private static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}
}
