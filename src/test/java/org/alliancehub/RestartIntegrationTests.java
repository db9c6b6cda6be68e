package org.alliancehub;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded database keeps its data in the data directory: a restart finds everything written before. */
class RestartIntegrationTests {

	private static ConfigurableApplicationContext start(Path data) {
		return new SpringApplicationBuilder(AllianceHub.class).run("--server.port=0", "--alliancehub.data=" + data,
				"--alliancehub.demo=false", "--alliancehub.admin-password=restart-admin-password");
	}

	private static TestClient client(ConfigurableApplicationContext app) {
		return new TestClient("http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort());
	}

	@Test
	void whatWasWrittenSurvivesARestartOnTheSameDataDirectory() throws Exception {
		Path data = Files.createTempDirectory("alliancehub-restart");
		try (ConfigurableApplicationContext first = start(data)) {
			TestClient admin = client(first).login("admin", "restart-admin-password");
			assertThat(admin.post("/api/v1/alliances", Map.of("slug", "persisted", "name", "重启后仍在的联盟")).status())
				.isEqualTo(201);
			long id = admin.post("/api/v1/alliances/persisted/articles",
					Map.of("title", "重启前发布", "category", "MARKET", "body", "<p>市场</p>", "status", "PUBLISHED"))
				.json().get("id").asLong();
			assertThat(id).isPositive();
		}
		try (ConfigurableApplicationContext second = start(data)) {
			TestClient anonymous = client(second);
			assertThat(anonymous.get("/api/v1/alliances/persisted").json().get("name").asString()).isEqualTo("重启后仍在的联盟");
			assertThat(anonymous.get("/api/v1/alliances/persisted/articles").json().get("items").get(0).get("title")
				.asString()).isEqualTo("重启前发布");
			assertThat(Files.isDirectory(data.resolve("postgres"))).isTrue();
			anonymous.login("admin", "restart-admin-password");
		}
	}
}
