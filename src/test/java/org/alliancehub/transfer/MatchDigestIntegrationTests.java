package org.alliancehub.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import org.alliancehub.FormSession;
import org.alliancehub.IntegrationTest;
import org.alliancehub.TestClock;
import org.alliancehub.collaboration.CollaborationFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The weekly e-mail of new matches: one digest per representative and week with the matches the real matcher
 * finds for its organisation's objects, best first with why, only what the representative may read; never twice,
 * not to whoever switched it off, and switched off by the signed link in the mail, signed out.
 */
class MatchDigestIntegrationTests extends IntegrationTest {

	static final String SUBJECT = "本周新的技术匹配";

	@Autowired
	MatchDigests digests;

	@Autowired
	TestClock clock;

	CollaborationFixtures f;

	String tag;

	String slug;

	long seeker;

	long holder;

	long outsider;

	@BeforeEach
	void twoAlliancesWithMembers() {
		f = new CollaborationFixtures(admin(), client());
		tag = "周报" + UUID.randomUUID().toString().substring(0, 6);
		slug = f.alliance("周报联盟");
		seeker = f.member(slug);
		holder = f.member(slug);
		outsider = f.member(f.alliance("周报另一联盟"));
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void eachRepresentativeGetsOneDigestOfItsNewMatchesRankedWithWhyAndNothingItMayNotRead() throws Exception {
		long demand = post(seeker, "/api/v1/demands", "锂电池正极材料窑炉余热回收" + tag,
				"寻求锂电池正极材料辊道窑余热回收技术，降低烧结能耗（" + tag + "）。", "PUBLIC");
		long best = post(holder, "/api/v1/achievements", "辊道窑余热回收及正极材料烧结节能技术" + tag,
				"锂电池正极材料辊道窑余热回收，烧结能耗降低百分之二十（" + tag + "）。", "PUBLIC");
		long weaker = post(holder, "/api/v1/achievements", "工业窑炉烟气余热锅炉" + tag, "窑炉烟气余热锅炉发电。", "PUBLIC");
		long hidden = post(outsider, "/api/v1/achievements", "正极材料辊道窑余热回收会员专享成果" + tag,
				"锂电池正极材料辊道窑余热回收，烧结能耗降低（" + tag + "）。", "MEMBERS");
		// only the network's administrator runs it on demand
		assertThat(f.reps.get(seeker).post("/api/v1/match-digests", Map.of()).status()).isEqualTo(403);
		var run = admin().post("/api/v1/match-digests", Map.of());
		assertThat(run.status()).as(run.body()).isEqualTo(200);
		assertThat(run.json().get("mailed").asInt()).isPositive();

		List<MimeMessage> toSeeker = digestsTo(seeker);
		assertThat(toSeeker).hasSize(1);
		String text = plainText(toSeeker.get(0));
		assertThat(text).contains("锂电池正极材料窑炉余热回收" + tag).contains("辊道窑余热回收及正极材料烧结节能技术" + tag)
			.contains("匹配原因").contains("共同关键词").contains("同一领域")
			.contains("/a/" + slug + "/demands/" + demand + "#match-" + best)
			.doesNotContain("会员专享成果");
		assertThat(text.indexOf("/demands/" + demand + "#match-" + best))
			.isLessThan(text.indexOf("/demands/" + demand + "#match-" + weaker)).isPositive();
		String unsubscribe = toSeeker.get(0).getHeader("List-Unsubscribe")[0];
		assertThat(unsubscribe).startsWith("<http").contains("/match-digest/unsubscribe/");
		assertThat(toSeeker.get(0).getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
		// the holder hears of the new demand for its achievements; the outsider, whose members-only achievement the
		// public demand matches, hears of it too, and nobody hears of its own objects as matches
		assertThat(plainText(digestsTo(holder).get(0))).contains("锂电池正极材料窑炉余热回收" + tag);
		assertThat(plainText(digestsTo(outsider).get(0))).contains("会员专享成果").contains("锂电池正极材料窑炉余热回收" + tag);
		assertThat(hidden).isPositive();

		// a rerun in the same week sends nobody the same digest again
		digests.run();
		assertThat(digestsTo(seeker)).hasSize(1);
		assertThat(digestsTo(holder)).hasSize(1);

		// next week only what was posted since: a new achievement, not the old ones again
		clock.moveTo(clock.instant().plus(Duration.ofDays(7)));
		f.reps.put(holder, client().login(f.usernames.get(holder), "password-" + f.usernames.get(holder)));
		long next = post(holder, "/api/v1/achievements", "正极材料辊道窑余热回收二期改进" + tag,
				"辊道窑余热回收二期改进，锂电池正极材料烧结（" + tag + "）。", "PUBLIC");
		digests.run();
		List<MimeMessage> twice = digestsTo(seeker);
		assertThat(twice).hasSize(2);
		String second = twice.stream().map(m -> {
			try {
				return plainText(m);
			}
			catch (Exception e) {
				throw new IllegalStateException(e);
			}
		}).filter(t -> t.contains("二期改进")).findFirst().orElseThrow();
		assertThat(second).contains("#match-" + next).doesNotContain("#match-" + best).doesNotContain("#match-" + weaker);
	}

	@Test
	void aRepresentativeWhoSwitchedItOffGetsNoneAndTheLinkInTheMailSwitchesItOffSignedOut() throws Exception {
		var off = f.reps.get(seeker).put("/api/v1/users/me/match-digest", Map.of("enabled", false));
		assertThat(off.status()).as(off.body()).isEqualTo(200);
		assertThat(f.reps.get(seeker).put("/api/v1/users/me/match-digest", Map.of()).invalidFields()).contains("enabled");
		post(seeker, "/api/v1/demands", "染料废水膜浓缩回用" + tag, "寻求染料废水纳滤膜浓缩回用技术（" + tag + "）。", "PUBLIC");
		post(holder, "/api/v1/achievements", "纳滤膜染料废水浓缩回用装置" + tag, "纳滤膜浓缩染料废水并回用（" + tag + "）。", "PUBLIC");
		digests.run();
		assertThat(digestsTo(seeker)).isEmpty();
		List<MimeMessage> toHolder = digestsTo(holder);
		assertThat(toHolder).hasSize(1);

		// the link in the holder's mail: a page with one button, then the one-click POST a mail program sends
		String header = toHolder.get(0).getHeader("List-Unsubscribe")[0];
		String path = URI.create(header.substring(1, header.length() - 1)).getPath();
		var page = client().get(path);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("退订周报").contains("action=\"" + path + "\"");
		assertThat(f.reps.get(holder).get("/api/v1/users/me/match-digest").json().get("enabled").asBoolean()).isTrue();
		HttpResponse<String> oneClick = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
				"http://127.0.0.1:" + port + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(oneClick.statusCode()).isEqualTo(200);
		assertThat(oneClick.body()).contains("已退订");
		assertThat(f.reps.get(holder).get("/api/v1/users/me/match-digest").json().get("enabled").asBoolean()).isFalse();
		// a link not made here does nothing
		String forged = path.substring(0, path.lastIndexOf('.') + 1) + "AAAA";
		assertThat(client().get(forged).status()).isEqualTo(404);

		// and the back office switches it on again
		FormSession browser = FormSession.signIn(port, f.usernames.get(holder), "password-" + f.usernames.get(holder));
		var settings = browser.get("/admin/match-digest");
		assertThat(settings.body()).contains("周报已关闭").contains("nav-match-digest");
		var on = browser.post("/admin/match-digest", "/admin/match-digest", "enabled=true");
		assertThat(on.statusCode()).isIn(200, 302, 303);
		assertThat(browser.get("/admin/match-digest").body()).contains("周报已开启");
		assertThat(f.reps.get(holder).get("/api/v1/users/me/match-digest").json().get("enabled").asBoolean()).isTrue();
	}

	@Test
	void aRepresentativeWhoReadsEnglishGetsTheReasonsOfEachMatchInEnglishToo() throws Exception {
		FormSession browser = FormSession.signIn(port, f.usernames.get(seeker), "password-" + f.usernames.get(seeker));
		assertThat(browser.post("/admin/notifications/settings", "/admin/notifications/settings",
				"mode-survey=IMMEDIATE&language=en").statusCode()).isEqualTo(302);
		post(seeker, "/api/v1/demands", "高浓度渣浆泵叶轮耐磨涂层" + tag, "寻求渣浆泵叶轮耐磨涂层技术，延长过流部件寿命（" + tag + "）。",
				"PUBLIC");
		post(holder, "/api/v1/achievements", "渣浆泵叶轮碳化钨耐磨涂层技术" + tag,
				"渣浆泵叶轮耐磨涂层，过流部件寿命延长一倍（" + tag + "）。", "PUBLIC");
		digests.run();

		String address = f.emails.get(seeker);
		List<MimeMessage> toSeeker = Arrays.stream(MAIL.getReceivedMessages()).filter(m -> {
			try {
				return m.getAllRecipients()[0].toString().equals(address);
			}
			catch (jakarta.mail.MessagingException e) {
				return false;
			}
		}).filter(m -> plainTextOf(m).contains("渣浆泵叶轮碳化钨耐磨涂层技术" + tag)).toList();
		assertThat(toSeeker).hasSize(1);
		assertThat(toSeeker.get(0).getSubject()).startsWith("[AllianceHub] New technology matches");
		String text = plainTextOf(toSeeker.get(0));
		assertThat(text).contains("Why: ").contains("Shared terms: ").contains("Same field: Energy and energy saving")
			.contains("; ")
			.doesNotContain("匹配原因").doesNotContain("共同关键词").doesNotContain("同一领域").doesNotContain("；");
		// the holder kept the network's language and reads the reasons in Simplified Chinese
		String toHolder = digestsTo(holder).stream().map(MatchDigestIntegrationTests::plainTextOf)
			.filter(t -> t.contains("高浓度渣浆泵叶轮耐磨涂层" + tag)).findFirst().orElseThrow();
		assertThat(toHolder).contains("匹配原因").contains("共同关键词").contains("同一领域：").doesNotContain("Shared terms");
	}

	static String plainTextOf(MimeMessage m) {
		try {
			return plainText(m);
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	@Test
	void twoRunsAtOnceAsOnTwoNodesSendEachDigestOnce() throws Exception {
		post(seeker, "/api/v1/demands", "聚丙烯腈原丝凝固浴回收" + tag, "寻求凝固浴溶剂回收技术（" + tag + "）。", "PUBLIC");
		post(holder, "/api/v1/achievements", "凝固浴溶剂回收精馏装置" + tag, "聚丙烯腈原丝凝固浴溶剂回收精馏（" + tag + "）。", "PUBLIC");
		var start = new java.util.concurrent.CountDownLatch(1);
		var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
		try {
			List<java.util.concurrent.Future<MatchDigests.Run>> runs = List.of(pool.submit(() -> {
				start.await();
				return digests.run();
			}), pool.submit(() -> {
				start.await();
				return digests.run();
			}));
			start.countDown();
			for (var run : runs) {
				run.get();
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(digestsTo(seeker)).hasSize(1);
		assertThat(digestsTo(holder)).hasSize(1);
	}

	// ---- fixtures

	List<MimeMessage> digestsTo(long organization) {
		String address = f.emails.get(organization);
		return Arrays.stream(MAIL.getReceivedMessages()).filter(m -> {
			try {
				return m.getAllRecipients()[0].toString().equals(address) && m.getSubject().contains(SUBJECT);
			}
			catch (jakarta.mail.MessagingException e) {
				return false;
			}
		}).toList();
	}

	long post(long org, String path, String title, String description, String visibility) {
		Map<String, Object> body = new HashMap<>(Map.of("organizationId", org, "title", title, "description", description,
				"field", "ENERGY", "region", "320500", "visibility", visibility));
		if (path.endsWith("achievements")) {
			body.putAll(Map.of("maturity", 7, "ipStatus", "KNOW_HOW", "transferModes", List.of("LICENCE")));
		}
		var r = f.reps.get(org).post(path, body);
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.json().get("id").asLong();
	}
}
