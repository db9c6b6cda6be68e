package org.alliancehub.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.alliancehub.IntegrationTest;
import org.alliancehub.platform.DatabaseNotifications;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * With several nodes on one database, a demand or achievement posted through another node is matched here within a
 * second of its commit (that node's announcement), and after a lost connection every post is read again. "Another
 * node" is played by writing the row directly, as that node's transaction does, and announcing it as its match index
 * does: this node's index never saw the post.
 */
class MatchesAcrossNodesIntegrationTests extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DatabaseNotifications notifications;

	final TransferFixtures f = new TransferFixtures(this::admin, this::client);

	String tag;

	long holder;

	long achievement;

	long seekerDemand;

	@BeforeEach
	void anAchievementAndADemandPostedHere() {
		String slug = f.alliance("跨节点联盟");
		holder = f.member(slug);
		long seeker = f.member(slug);
		tag = "节点" + UUID.randomUUID().toString().substring(0, 6);
		achievement = f.post(f.reps.get(holder), "/api/v1/achievements", f.achievement(holder,
				tag + "碳化硅陶瓷复合叶轮", tag + "反应烧结碳化硅陶瓷复合叶轮，用于磷化工料浆渣浆泵，寿命提高三倍。", "PUBLIC"));
		seekerDemand = f.post(f.reps.get(seeker), "/api/v1/demands", f.demand(seeker, "锅炉烟气除尘滤料",
				"燃煤锅炉烟气除尘，寻求覆膜滤料。", "PUBLIC"));
	}

	/** A demand as another node writes it: a row like the seeker's, with this text, committed; not in this node's index. */
	private long demandWrittenElsewhere(String title, String description) {
		return jdbc.sql("""
				insert into transfer_demand (alliance_id, organization_id, title, description, field, region, visibility, created_by)
				select alliance_id, organization_id, ?, ?, field, region, visibility, created_by from transfer_demand where id = ?
				returning id""").params(title, description, seekerDemand).query(Long.class).single();
	}

	private List<Long> demandsMatched() {
		var r = f.reps.get(holder).get("/api/v1/achievements/" + achievement + "/matches");
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		return r.json().get("items").valueStream().map(n -> n.get("id").asLong()).toList();
	}

	private List<Long> demandsMatchedWithinASecond(long expected) throws InterruptedException {
		long deadline = System.nanoTime() + 1_000_000_000L;
		List<Long> ids = demandsMatched();
		while (!ids.contains(expected) && System.nanoTime() < deadline) {
			Thread.sleep(20);
			ids = demandsMatched();
		}
		return ids;
	}

	@Test
	void aDemandPostedThroughAnotherNodeIsMatchedHereWithinASecond() throws Exception {
		long elsewhere = demandWrittenElsewhere(tag + "渣浆泵叶轮磨损快", "磷化工料浆渣浆泵叶轮磨损快，寻求碳化硅陶瓷复合叶轮（" + tag + "）。");
		// the row alone is not enough: this node's index has not seen it (the situation the announcement is for)
		assertThat(demandsMatched()).doesNotContain(elsewhere);
		notifications.announce("transfer_posts", "another-node:demand:" + elsewhere);
		assertThat(demandsMatchedWithinASecond(elsewhere)).contains(elsewhere);
	}

	@Test
	void afterALostConnectionEveryPostIsReadAgain() throws Exception {
		long missed = demandWrittenElsewhere(tag + "陶瓷复合叶轮需求", "寻求碳化硅陶瓷复合叶轮（" + tag + "），用于料浆渣浆泵。");
		assertThat(demandsMatched()).doesNotContain(missed);
		// what every listener is told when announcements may have been missed
		notifications.announce("transfer_posts", DatabaseNotifications.ANYTHING);
		assertThat(demandsMatchedWithinASecond(missed)).contains(missed);
	}

	@Test
	void anAnnouncementNamingNoPostChangesNothing() throws Exception {
		List<Long> before = demandsMatched();
		notifications.announce("transfer_posts", "another-node:project:1");
		notifications.announce("transfer_posts", "another-node:demand:not-a-number");
		notifications.announce("transfer_posts", "another-node:demand:987654321");
		Thread.sleep(300);
		assertThat(demandsMatched()).isEqualTo(before);
		// a real announcement after them is still applied: the follower survived the bad ones
		long after = demandWrittenElsewhere(tag + "叶轮耐磨改造", "碳化硅陶瓷复合叶轮（" + tag + "）耐磨改造。");
		notifications.announce("transfer_posts", "another-node:demand:" + after);
		assertThat(demandsMatchedWithinASecond(after)).contains(after);
	}
}
