package org.alliancehub.web;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.alliancehub.IntegrationTest;
import org.alliancehub.TestClient;
import org.alliancehub.platform.AllianceHubProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pages people share (issue 15, item 5): a public page carries Open Graph tags from its own content, offers the
 * QR code of its own address, and links a print stylesheet.
 */
class SharingIntegrationTests extends IntegrationTest {

	@Autowired
	AllianceHubProperties properties;

	@Test
	void anArticleCarriesOpenGraphTagsFromItsOwnContentAndOffersItsQrCode() {
		TestClient admin = admin();
		String slug = "sh-" + UUID.randomUUID().toString().substring(0, 8);
		assertThat(admin.post("/api/v1/alliances", Map.of("slug", slug, "name", "分享联盟" + slug)).status()).isEqualTo(201);
		TestClient secretariat = TestClient.userWith(admin, client(), List.of(Map.of("role", "SECRETARIAT", "alliance", slug)));
		var created = secretariat.post("/api/v1/alliances/" + slug + "/articles", Map.of("title", "联盟年会在杭州召开",
				"category", "ALLIANCE_NEWS", "body", "<p>来自<b>四十一家</b>成员单位的代表出席，共商发展。</p><p><img src=\"/files/cover.png\" alt=\"会场\"></p>",
				"status", "PUBLISHED"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String path = "/a/" + slug + "/articles/" + created.json().get("id").asLong();

		String page = client().get(path).body();
		// a label and its value: the full-width colon in Chinese, a colon and a space in English
		assertThat(page).contains("发布时间：<time");
		assertThat(client().get(path + "?lang=en").body()).contains("Published: <time").doesNotContain("Published：");
		assertThat(meta(page, "og:title")).isEqualTo("联盟年会在杭州召开");
		// the sanitiser keeps "，" as &#xff0c;: the description is its text, written once (not &amp;#xff0c;)
		assertThat(meta(page, "og:description")).isEqualTo("来自 四十一家 成员单位的代表出席，共商发展。");
		assertThat(meta(page, "og:type")).isEqualTo("article");
		assertThat(meta(page, "og:url")).isEqualTo(base() + path);
		assertThat(meta(page, "og:image")).isEqualTo(base() + "/files/cover.png");
		assertThat(page).contains("href=\"/css/print.css\" media=\"print\"");
		assertThat(page).contains("src=\"/qr.png?path=" + path + "\"");
	}

	@Test
	void everyPublicPageCarriesTheFiveOpenGraphTags() {
		for (String path : List.of("/", "/a/huaxian/", "/a/huaxian/briefings", "/a/huaxian/members", "/search?q=联盟")) {
			String page = client().get(path).body();
			for (String tag : List.of("og:title", "og:description", "og:image", "og:url", "og:type")) {
				assertThat(meta(page, tag)).as(path + " " + tag).isNotBlank();
			}
		}
		assertThat(client().getBytes("/img/share.png").status()).isEqualTo(200);
		assertThat(client().getBytes("/css/print.css").status()).isEqualTo(200);
	}

	@Test
	void theQrCodeEncodesThePagesAddressOnThisSiteAndIsCached() throws Exception {
		var r = client().getBytes("/qr.png?path=/a/huaxian/briefings");
		assertThat(r.status()).isEqualTo(200);
		assertThat(r.headers().firstValue("Content-Type").orElse("")).isEqualTo("image/png");
		assertThat(r.headers().firstValue("Cache-Control").orElse("")).contains("max-age=86400").contains("public");
		BufferedImage img = ImageIO.read(new ByteArrayInputStream(r.bytes()));
		int[] pixels = img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
		String text = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
				new RGBLuminanceSource(img.getWidth(), img.getHeight(), pixels)))).getText();
		assertThat(text).isEqualTo(base() + "/a/huaxian/briefings");
	}

	@Test
	void theQrCodeRefusesAnAddressElsewhere() {
		assertThat(client().getBytes("/qr.png?path=//evil.example/x").status()).isEqualTo(400);
		assertThat(client().getBytes("/qr.png?path=https://evil.example/x").status()).isEqualTo(400);
		assertThat(client().getBytes("/qr.png?path=/" + "a".repeat(400)).status()).isEqualTo(400);
	}

	private String base() {
		String url = properties.publicUrl();
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

	private static String meta(String page, String property) {
		Matcher m = Pattern.compile("<meta property=\"" + property + "\" content=\"([^\"]*)\"").matcher(page);
		return m.find() ? m.group(1) : "";
	}
}
