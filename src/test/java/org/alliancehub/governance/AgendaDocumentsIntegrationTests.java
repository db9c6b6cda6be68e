package org.alliancehub.governance;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.alliancehub.IntegrationTest;
import org.alliancehub.TestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Documents on the agenda, attached by the secretariat and read by participants only; invited guests. */
class AgendaDocumentsIntegrationTests extends IntegrationTest {

	static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	TestClient admin;

	TestClient secretariat;

	TestClient councilRep;

	TestClient memberRep;

	long meeting;

	@BeforeEach
	void meetingWithAnAgenda() {
		admin = admin();
		String slug = "d-" + UUID.randomUUID().toString().substring(0, 8);
		admin.post("/api/v1/alliances", Map.of("slug", slug, "name", "议程文件联盟" + slug));
		secretariat = TestClient.userWith(admin, client(), List.of(Map.of("role", "SECRETARIAT", "alliance", slug)));
		councilRep = representative(slug, "COUNCIL");
		memberRep = representative(slug, "MEMBER");
		meeting = secretariat.post("/api/v1/alliances/" + slug + "/meetings", Map.of("kind", "COUNCIL", "term", 2,
				"session", 3, "startsAt", "2023-02-24T09:30:00+08:00", "mode", "ONLINE", "onlineUrl",
				"https://meeting.example.org/1", "agenda", List.of(Map.of("title", "工作总结", "kind", "REPORT"),
						Map.of("title", "经费来源方案", "kind", "MOTION"))))
			.json().get("id").asLong();
	}

	TestClient representative(String slug, String role) {
		long id = admin.post("/api/v1/organizations", Map.of("name", role + "单位" + UUID.randomUUID(), "type", "ENTERPRISE"))
			.json().get("id").asLong();
		admin.post("/api/v1/alliances/" + slug + "/members", Map.of("organizationId", id, "role", role));
		return TestClient.userWith(admin, client(), List.of(Map.of("role", "MEMBER_REP", "organizationId", id)));
	}

	@Test
	void participantsReadTheDocumentsOfTheAgendaAndNobodyElseDoes() {
		var attached = secretariat.upload("/api/v1/meetings/" + meeting + "/agenda/2/documents", "经费来源方案.pdf", PDF);
		assertThat(attached.status()).as(attached.body()).isEqualTo(201);
		String url = attached.json().get("url").asString();
		assertThat(attached.header("Location")).isEqualTo(url);
		assertThat(attached.json().get("contentType").asString()).isEqualTo("application/pdf");

		var agenda = secretariat.get("/api/v1/meetings/" + meeting).json().get("agenda");
		assertThat(agenda.get(0).get("documents").size()).isZero();
		assertThat(agenda.get(1).get("documents").get(0).get("filename").asString()).isEqualTo("经费来源方案.pdf");

		assertThat(councilRep.get(url).status()).isEqualTo(200);
		assertThat(councilRep.get(url).body()).startsWith("%PDF-1.4");
		assertThat(secretariat.get(url).status()).isEqualTo(200);
		// an ordinary member does not take part in a council meeting; strangers see nothing
		assertThat(memberRep.get(url).status()).isEqualTo(404);
		assertThat(client().get(url).status()).isEqualTo(404);
	}

	@Test
	void onlyTheSecretariatAttachesAndOnlyDocumentsToItemsThatExist() {
		String path = "/api/v1/meetings/" + meeting + "/agenda/1/documents";
		assertThat(councilRep.upload(path, "a.pdf", PDF).status()).isEqualTo(403);
		var noItem = secretariat.upload("/api/v1/meetings/" + meeting + "/agenda/9/documents", "a.pdf", PDF);
		assertThat(noItem.status()).isEqualTo(400);
		assertThat(noItem.invalidFields()).containsExactly("position");
		var program = secretariat.upload(path, "run.pdf", "#!/bin/sh\nrm -rf /\n".getBytes(StandardCharsets.US_ASCII));
		assertThat(program.status()).isEqualTo(415);
		assertThat(secretariat.get("/api/v1/meetings/" + meeting).json().get("agenda").get(0).get("documents").size())
			.isZero();
	}

	@Test
	void anInvitedGuestObservesReadsTheDocumentsAndCannotVote() {
		long guest = admin.post("/api/v1/organizations", Map.of("name", "特邀嘉宾单位" + UUID.randomUUID(), "type", "UNIVERSITY"))
			.json().get("id").asLong();
		TestClient guestRep = TestClient.userWith(admin, client(), List.of(Map.of("role", "MEMBER_REP", "organizationId", guest)));
		assertThat(councilRep.post("/api/v1/meetings/" + meeting + "/guests", Map.of("organizationId", guest)).status())
			.isEqualTo(403);
		var invited = secretariat.post("/api/v1/meetings/" + meeting + "/guests", Map.of("organizationId", guest));
		assertThat(invited.status()).as(invited.body()).isEqualTo(201);
		var seat = java.util.stream.StreamSupport.stream(invited.json().get("participants").spliterator(), false)
			.filter(p -> p.get("organizationId").asLong() == guest)
			.findFirst()
			.orElseThrow();
		assertThat(seat.get("role").asString()).isEqualTo("OBSERVER");
		assertThat(invited.json().get("eligible").asInt()).isEqualTo(1);
		assertThat(secretariat.post("/api/v1/meetings/" + meeting + "/guests", Map.of("organizationId", guest)).status())
			.isEqualTo(409);
		assertThat(secretariat.post("/api/v1/meetings/" + meeting + "/guests", Map.of("organizationId", 999999999)).invalidFields())
			.containsExactly("organizationId");

		String url = secretariat.upload("/api/v1/meetings/" + meeting + "/agenda/1/documents", "总结.pdf", PDF)
			.json().get("url").asString();
		assertThat(guestRep.get(url).status()).isEqualTo(200);
		guestRep.post("/api/v1/meetings/" + meeting + "/attendance", Map.of("organizationId", guest, "present", true));
		long motion = secretariat.post("/api/v1/meetings/" + meeting + "/motions", Map.of("title", "审议工作总结"))
			.json().get("id").asLong();
		secretariat.post("/api/v1/motions/" + motion + "/open", Map.of());
		assertThat(guestRep.post("/api/v1/motions/" + motion + "/votes", Map.of("choice", "YES")).status()).isEqualTo(403);
	}
}
