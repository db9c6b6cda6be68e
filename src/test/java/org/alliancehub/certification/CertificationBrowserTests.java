package org.alliancehub.certification;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.alliancehub.BrowserTest;
import org.alliancehub.TestClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Certificate verification in a real headless Chromium, as an anonymous visitor: typing a number on the public
 * verification page shows whether the certificate is valid today and what it was on a chosen day; the address its QR
 * code encodes opens the same certificate; a suspended one is shown as not valid, a record altered in the database
 * as altered, and a PDF whose signed content was altered is reported as altered when uploaded.
 */
class CertificationBrowserTests extends BrowserTest {

	@Autowired
	JdbcClient jdbc;

	final LocalDate today = LocalDate.now(Certificates.ZONE);

	@Test
	void anAnonymousVisitorTypesOrScansANumberAndSeesItsValidityAndAnAlteredCertificateIsDetected() throws Exception {
		String slug = "cb-" + UUID.randomUUID().toString().substring(0, 8);
		assertThat(admin().post("/api/v1/alliances", Map.of("slug", slug, "name", "认证浏览器联盟" + slug)).status())
			.isEqualTo(201);
		TestClient secretariat = TestClient.userWith(admin(), client(),
				List.of(Map.of("role", "SECRETARIAT", "alliance", slug)));
		var o = admin().post("/api/v1/organizations", Map.of("name", "浏览器持证单位" + UUID.randomUUID(), "type", "ENTERPRISE"));
		long holder = o.json().get("id").asLong();
		assertThat(admin().post("/api/v1/alliances/" + slug + "/members", Map.of("organizationId", holder, "role", "MEMBER"))
			.status()).isEqualTo(201);
		String valid = issue(secretariat, slug, holder, "渣浆泵产品认证");
		String suspended = issue(secretariat, slug, holder, "螺杆泵产品认证");
		assertThat(secretariat.post("/api/v1/certificates/" + suspended + "/status", Map.of("status", "SUSPENDED", "reason",
				"监督抽查不合格", "effectiveOn", today.minusDays(10).toString())).status()).isEqualTo(200);
		String altered = issue(secretariat, slug, holder, "离心泵产品认证");

		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
		browser.manage().deleteAllCookies();

		// typed on the verification page
		browser.get(url("/certificates"));
		WebElement byNumber = browser.findElement(By.id("by-number"));
		byNumber.findElement(By.name("number")).sendKeys(valid);
		byNumber.findElement(By.cssSelector("button[type=submit]")).click();
		wait.until(ExpectedConditions.urlContains("/certificates/" + valid));
		assertThat(browser.findElement(By.tagName("h1")).getText()).contains(valid);
		assertThat(browser.findElement(By.id("validity")).getText()).isEqualTo("该证书今天有效。");
		assertThat(browser.findElements(By.id("tampered"))).isEmpty();

		// what it was on a given day: before it was issued, and while valid
		WebElement onDate = browser.findElement(By.id("on-date"));
		setDate(onDate.findElement(By.name("on")), today.minusYears(2).toString());
		onDate.findElement(By.cssSelector("button[type=submit]")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("status-on")));
		assertThat(browser.findElement(By.id("status-on")).getText()).contains("尚未发证");
		onDate = browser.findElement(By.id("on-date"));
		setDate(onDate.findElement(By.name("on")), today.minusDays(100).toString());
		onDate.findElement(By.cssSelector("button[type=submit]")).click();
		wait.until(ExpectedConditions.urlContains("on=" + today.minusDays(100)));
		assertThat(browser.findElement(By.id("status-on")).getText()).contains("有效");

		// an unknown number is said to be unknown
		browser.get(url("/certificates"));
		browser.findElement(By.cssSelector("#by-number input[name=number]")).sendKeys("NO-SUCH-CERT-1");
		browser.findElement(By.cssSelector("#by-number button[type=submit]")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("unknown")));

		// scanned: the QR code shown on the page encodes the certificate's verification address
		browser.get(url("/certificates/" + valid));
		String qrSrc = browser.findElement(By.cssSelector("img[src$='/qr.png']")).getAttribute("src");
		String encoded = decodeQr(client().getBytes(URI.create(qrSrc).getPath()).bytes());
		assertThat(URI.create(encoded).getPath()).isEqualTo("/certificates/" + valid);
		browser.manage().deleteAllCookies();
		browser.get(url(URI.create(encoded).getPath())); // the public address, on this test's port
		assertThat(browser.findElement(By.tagName("h1")).getText()).contains(valid);
		assertThat(browser.findElement(By.id("validity")).getText()).isEqualTo("该证书今天有效。");

		// a suspended certificate is not valid today, but was valid before the suspension
		browser.get(url("/certificates?number=" + suspended));
		assertThat(browser.findElement(By.id("validity")).getText()).contains("今天无效").contains("暂停");
		browser.get(url("/certificates/" + suspended + "?on=" + today.minusDays(20)));
		assertThat(browser.findElement(By.id("status-on")).getText()).contains("有效");

		// the PDF of a certificate verifies on upload; one altered byte of its signed content is detected
		byte[] pdf = client().getBytes("/api/v1/certificates/" + valid + ".pdf").bytes();
		assertThat(upload(wait, pdf).getAttribute("class")).contains("outcome-VALID");
		String canonical = client().get("/api/v1/certificates/" + valid).json().get("canonical").asString();
		byte[] embedded = Base64.getEncoder().encodeToString(canonical.getBytes(StandardCharsets.UTF_8))
			.getBytes(StandardCharsets.US_ASCII);
		int at = CertificationIntegrationTests.indexOf(pdf, embedded);
		assertThat(at).isPositive();
		byte[] forged = pdf.clone();
		int i = at + embedded.length / 2;
		forged[i] = (byte) (forged[i] == 'A' ? 'B' : 'A');
		WebElement outcome = upload(wait, forged);
		assertThat(outcome.getAttribute("class")).contains("outcome-ALTERED");
		assertThat(outcome.getText()).doesNotContain("SIGNATURE_INVALID");

		// a record altered in the register is shown as altered, not valid, though its page was seen valid before
		browser.get(url("/certificates/" + altered));
		assertThat(browser.findElement(By.id("validity")).getText()).isEqualTo("该证书今天有效。");
		jdbc.sql("update certification_certificate set valid_until = valid_until + 3650 where number = ?").param(altered)
			.update();
		browser.get(url("/certificates"));
		browser.findElement(By.cssSelector("#by-number input[name=number]")).sendKeys(altered);
		browser.findElement(By.cssSelector("#by-number button[type=submit]")).click();
		wait.until(ExpectedConditions.urlContains("/certificates/" + altered));
		assertThat(browser.findElement(By.id("tampered")).getText()).contains("已被改动");
		assertThat(browser.findElements(By.id("validity"))).isEmpty();
	}

	private WebElement upload(WebDriverWait wait, byte[] pdf) throws Exception {
		Path file = Files.createTempFile("certificate", ".pdf");
		Files.write(file, pdf);
		browser.get(url("/certificates"));
		WebElement form = browser.findElement(By.id("by-pdf"));
		form.findElement(By.name("file")).sendKeys(file.toString());
		form.findElement(By.cssSelector("button[type=submit]")).click();
		return wait.until(ExpectedConditions.presenceOfElementLocated(By.id("verification")));
	}

	private String issue(TestClient secretariat, String slug, long holder, String subject) {
		Map<String, Object> c = new HashMap<>();
		c.put("kind", "PRODUCT_CERTIFICATION");
		c.put("holderOrganizationId", holder);
		c.put("product", "渣浆泵");
		c.put("subject", subject);
		c.put("standardNumber", "GB/T 5657-2013");
		c.put("scope", "渣浆泵的设计、生产");
		c.put("issuedOn", today.minusYears(1).toString());
		c.put("validUntil", today.plusYears(2).toString());
		var r = secretariat.post("/api/v1/alliances/" + slug + "/certificates", c);
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.json().get("number").asString();
	}

	private void setDate(WebElement input, String value) {
		((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];", input, value);
	}

	static String decodeQr(byte[] png) throws Exception {
		BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
		int[] pixels = img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
		BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(
				new RGBLuminanceSource(img.getWidth(), img.getHeight(), pixels)));
		try {
			return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
		}
		catch (com.google.zxing.ReaderException e) {
			return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
		}
	}
}
