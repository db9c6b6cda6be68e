package org.alliancehub.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import jakarta.mail.internet.MimeMessage;
import org.alliancehub.FormSession;
import org.alliancehub.IntegrationTest;
import org.alliancehub.TestClient;
import org.alliancehub.certification.internal.ExpiryReminders;
import org.alliancehub.certification.internal.KeyEncryption;
import org.alliancehub.certification.internal.SigningKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Certificates: issued by the alliance's secretariat only, every invalid field named, the signed status trail read
 * back for any day, EXPIRED from the date, a field altered in the database and one altered byte of a PDF's signed
 * content both detected, the public key checking a signature with nothing but the JDK, the verification and holder
 * pages, the QR code, and expiry reminders sent once per threshold.
 */
class CertificationIntegrationTests extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ExpiryReminders reminders;

	@Autowired
	SigningKeys keys;

	String slug;

	String contactEmail;

	TestClient secretariat;

	long holder;

	String repEmail;

	final LocalDate today = LocalDate.now(Certificates.ZONE);

	@BeforeEach
	void allianceWithAMember() {
		slug = "c-" + UUID.randomUUID().toString().substring(0, 8);
		contactEmail = "mishuchu-" + slug + "@example.org";
		var a = admin().post("/api/v1/alliances", Map.of("slug", slug, "name", "认证联盟" + slug, "contact",
				Map.of("email", contactEmail)));
		assertThat(a.status()).as(a.body()).isEqualTo(201);
		secretariat = TestClient.userWith(admin(), client(), List.of(Map.of("role", "SECRETARIAT", "alliance", slug)));
		holder = member(slug);
	}

	@Test
	void secretariatIssuesAndAnyoneVerifiesByNumberWithANumberOfTheAlliance() {
		var r = secretariat.post("/api/v1/alliances/" + slug + "/certificates", certificate(holder, "PRODUCT_CERTIFICATION"));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		String number = r.json().get("number").asString();
		assertThat(number).startsWith(slug.toUpperCase() + "-PC-" + today.minusYears(1).getYear() + "-");
		assertThat(r.header("Location")).isEqualTo("/api/v1/certificates/" + number);
		JsonNode c = client().get("/api/v1/certificates/" + number).json();
		assertThat(c.get("valid").asBoolean()).isTrue();
		assertThat(c.get("intact").asBoolean()).isTrue();
		assertThat(c.get("status").asString()).isEqualTo("VALID");
		assertThat(c.get("standardNumber").asString()).isEqualTo("GB/T 5657-2013");
		assertThat(c.get("history")).hasSize(1);
		assertThat(c.get("verificationUrl").asString()).endsWith("/certificates/" + number);
		assertThat(client().get("/api/v1/certificates/NO-SUCH-1").status()).isEqualTo(404);
		assertThat(client().get("/api/v1/alliances/" + slug + "/certificates").json().get("total").asLong()).isEqualTo(1);
	}

	@Test
	void everyInvalidFieldIsNamed() {
		Map<String, Object> bad = new HashMap<>();
		bad.put("kind", "DIPLOMA");
		bad.put("holderOrganizationId", 987654321);
		bad.put("subject", " ");
		bad.put("standardNumber", "x".repeat(61));
		bad.put("issuedOn", "2026-13-01");
		bad.put("validUntil", "soon");
		bad.put("number", "has space");
		var r = secretariat.post("/api/v1/alliances/" + slug + "/certificates", bad);
		assertThat(r.status()).as(r.body()).isEqualTo(400);
		assertThat(r.invalidFields()).contains("kind", "holderOrganizationId", "subject", "standardNumber", "scope",
				"issuedOn", "validUntil", "number");
		Map<String, Object> dates = new HashMap<>(certificate(holder, "QUALIFICATION"));
		dates.put("issuedOn", today.plusDays(2).toString());
		dates.put("validUntil", today.plusDays(1).toString());
		var d = secretariat.post("/api/v1/alliances/" + slug + "/certificates", dates);
		assertThat(d.status()).as(d.body()).isEqualTo(400);
		assertThat(d.invalidFields()).contains("issuedOn", "validUntil");
		Map<String, Object> noProduct = new HashMap<>(certificate(holder, "PRODUCT_CERTIFICATION"));
		noProduct.remove("product");
		assertThat(secretariat.post("/api/v1/alliances/" + slug + "/certificates", noProduct).invalidFields())
			.containsExactly("product");
		assertThat(admin().get("/api/v1/alliances/" + slug + "/certificates").json().get("total").asLong()).isZero();
	}

	@Test
	void aMembershipCertificateGoesToAnActiveMemberOnly() {
		var o = admin().post("/api/v1/organizations", Map.of("name", "非成员单位" + UUID.randomUUID(), "type", "ENTERPRISE"));
		long outsider = o.json().get("id").asLong();
		var r = secretariat.post("/api/v1/alliances/" + slug + "/certificates", certificate(outsider, "MEMBERSHIP"));
		assertThat(r.status()).as(r.body()).isEqualTo(400);
		assertThat(r.invalidFields()).containsExactly("holderOrganizationId");
		assertThat(secretariat.post("/api/v1/alliances/" + slug + "/certificates", certificate(holder, "MEMBERSHIP")).status())
			.isEqualTo(201);
	}

	@Test
	void onlyTheIssuingSecretariatOrTheAdministratorIssuesAndChangesStatus() {
		String other = "c-" + UUID.randomUUID().toString().substring(0, 8);
		assertThat(admin().post("/api/v1/alliances", Map.of("slug", other, "name", "另一联盟" + other)).status()).isEqualTo(201);
		TestClient otherSecretariat = TestClient.userWith(admin(), client(),
				List.of(Map.of("role", "SECRETARIAT", "alliance", other)));
		assertThat(otherSecretariat.post("/api/v1/alliances/" + slug + "/certificates", certificate(holder, "QUALIFICATION"))
			.status()).isEqualTo(403);
		assertThat(client().post("/api/v1/alliances/" + slug + "/certificates", certificate(holder, "QUALIFICATION"))
			.status()).isEqualTo(401);
		String number = issue(certificate(holder, "QUALIFICATION"));
		Map<String, Object> suspend = Map.of("status", "SUSPENDED", "reason", "监督抽查不合格");
		assertThat(otherSecretariat.post("/api/v1/certificates/" + number + "/status", suspend).status()).isEqualTo(403);
		assertThat(representative().post("/api/v1/certificates/" + number + "/status", suspend).status()).isEqualTo(403);
		assertThat(client().post("/api/v1/certificates/" + number + "/status", suspend).status()).isEqualTo(401);
		assertThat(secretariat.post("/api/v1/certificates/NO-SUCH-2/status", suspend).status()).isEqualTo(404);
		assertThat(client().get("/api/v1/certificates/" + number).json().get("history")).hasSize(1);
		var byAdmin = admin().post("/api/v1/certificates/" + number + "/status", suspend);
		assertThat(byAdmin.status()).as(byAdmin.body()).isEqualTo(200);
		assertThat(byAdmin.json().get("status").asString()).isEqualTo("SUSPENDED");
	}

	@Test
	void aGivenNumberIsTakenOnce() {
		String number = "GIVEN-" + UUID.randomUUID().toString().substring(0, 8);
		Map<String, Object> c = new HashMap<>(certificate(holder, "TEST_REPORT"));
		c.put("number", number);
		assertThat(secretariat.post("/api/v1/alliances/" + slug + "/certificates", c).status()).isEqualTo(201);
		var again = secretariat.post("/api/v1/alliances/" + slug + "/certificates", c);
		assertThat(again.status()).as(again.body()).isEqualTo(409);
	}

	@Test
	void theStatusOnAnyDayIsReadFromTheSignedTrail() {
		Map<String, Object> c = new HashMap<>(certificate(holder, "QUALIFICATION"));
		c.put("issuedOn", today.minusDays(100).toString());
		String number = issue(c);
		String path = "/api/v1/certificates/" + number + "/status";
		assertThat(secretariat.post(path, Map.of("status", "SUSPENDED", "reason", "整改", "effectiveOn",
				today.minusDays(50).toString())).status()).isEqualTo(200);
		assertThat(secretariat.post(path, Map.of("status", "VALID", "reason", "整改完成", "effectiveOn",
				today.minusDays(20).toString())).status()).isEqualTo(200);
		// refusals: each with its status, nothing changed
		assertThat(secretariat.post(path, Map.of("status", "VALID", "reason", "again")).status()).isEqualTo(409);
		assertThat(secretariat.post(path, Map.of("status", "SUSPENDED", "reason", "倒签", "effectiveOn",
				today.minusDays(30).toString())).status()).isEqualTo(409);
		var expired = secretariat.post(path, Map.of("status", "EXPIRED", "reason", "x"));
		assertThat(expired.status()).isEqualTo(400);
		assertThat(expired.invalidFields()).containsExactly("status");
		var bad = secretariat.post(path, Map.of("status", "PAUSED", "reason", " ", "effectiveOn", today.plusDays(3).toString()));
		assertThat(bad.invalidFields()).contains("status", "reason", "effectiveOn");
		assertThat(secretariat.post(path, Map.of("status", "REVOKED", "reason", "伪造检测数据")).status()).isEqualTo(200);
		assertThat(secretariat.post(path, Map.of("status", "VALID", "reason", "恢复")).status()).isEqualTo(409);

		String get = "/api/v1/certificates/" + number;
		assertThat(client().get(get + "?on=" + today.minusDays(101)).json().get("statusOn").isNull()).isTrue();
		assertThat(client().get(get + "?on=" + today.minusDays(60)).json().get("statusOn").asString()).isEqualTo("VALID");
		assertThat(client().get(get + "?on=" + today.minusDays(40)).json().get("statusOn").asString()).isEqualTo("SUSPENDED");
		assertThat(client().get(get + "?on=" + today.minusDays(10)).json().get("validOn").asBoolean()).isTrue();
		JsonNode now = client().get(get).json();
		assertThat(now.get("status").asString()).isEqualTo("REVOKED");
		assertThat(now.get("valid").asBoolean()).isFalse();
		assertThat(now.get("history")).hasSize(4);
		assertThat(now.get("history").get(1).get("reason").asString()).isEqualTo("整改");
		assertThat(now.get("history").get(3).get("changedBy").asString()).isNotBlank();
		var badDay = client().get(get + "?on=yesterday");
		assertThat(badDay.status()).isEqualTo(400);
		assertThat(badDay.invalidFields()).containsExactly("on");
	}

	@Test
	void expiredFollowsFromValidUntilAndIsFinal() {
		Map<String, Object> c = new HashMap<>(certificate(holder, "TEST_REPORT"));
		c.put("issuedOn", "2020-01-01");
		c.put("validUntil", "2021-01-01");
		String number = issue(c);
		JsonNode now = client().get("/api/v1/certificates/" + number).json();
		assertThat(now.get("status").asString()).isEqualTo("EXPIRED");
		assertThat(now.get("valid").asBoolean()).isFalse();
		assertThat(client().get("/api/v1/certificates/" + number + "?on=2020-06-01").json().get("statusOn").asString())
			.isEqualTo("VALID");
		assertThat(client().get("/api/v1/certificates/" + number + "?on=2021-01-02").json().get("statusOn").asString())
			.isEqualTo("EXPIRED");
		assertThat(secretariat.post("/api/v1/certificates/" + number + "/status", Map.of("status", "SUSPENDED", "reason",
				"x")).status()).isEqualTo(409);
	}

	@Test
	void aFieldAlteredInTheDatabaseIsReportedByNumberAndOnThePage() {
		String number = issue(certificate(holder, "PRODUCT_CERTIFICATION"));
		String trailed = issue(certificate(holder, "QUALIFICATION"));
		assertThat(secretariat.post("/api/v1/certificates/" + trailed + "/status", Map.of("status", "REVOKED", "reason",
				"撤销")).status()).isEqualTo(200);
		jdbc.sql("update certification_certificate set valid_until = valid_until + 3650 where number = ?").param(number)
			.update();
		jdbc.sql("""
				update certification_status_change set status = 'VALID'
				where certificate_id = (select id from certification_certificate where number = ?) and seq = 1""")
			.param(trailed)
			.update();
		for (String n : List.of(number, trailed)) {
			JsonNode c = client().get("/api/v1/certificates/" + n).json();
			assertThat(c.get("intact").asBoolean()).as(n).isFalse();
			assertThat(c.get("valid").asBoolean()).as(n).isFalse();
			assertThat(client().get("/certificates/" + n).body()).contains("id=\"tampered\"");
		}
	}

	@Test
	void aCertificateReadBeforeAndThenAlteredIsReportedWhicheverColumnChangedAndIntactAgainOnceRestored() {
		String number = issue(certificate(holder, "PRODUCT_CERTIFICATION"));
		for (int i = 0; i < 2; i++) {
			assertThat(client().get("/api/v1/certificates/" + number).json().get("intact").asBoolean()).isTrue();
		}
		// each alteration after the certificate was read (and its signature check remembered) is reported at once
		List<String[]> alterations = List.of(
				new String[] { "update certification_certificate set holder_name = holder_name || '甲' where number = ?",
						"update certification_certificate set holder_name = left(holder_name, -1) where number = ?" },
				new String[] { "update certification_certificate set state_signature = overlay(state_signature placing "
						+ "decode(lpad(to_hex(get_byte(state_signature, 5) # 1), 2, '0'), 'hex') from 6 for 1) where number = ?",
						"update certification_certificate set state_signature = overlay(state_signature placing "
								+ "decode(lpad(to_hex(get_byte(state_signature, 5) # 1), 2, '0'), 'hex') from 6 for 1) where number = ?" },
				new String[] { """
						update certification_status_change set reason = reason || '乙'
						where certificate_id = (select id from certification_certificate where number = ?)""", """
						update certification_status_change set reason = left(reason, -1)
						where certificate_id = (select id from certification_certificate where number = ?)""" });
		for (String[] a : alterations) {
			jdbc.sql(a[0]).param(number).update();
			JsonNode c = client().get("/api/v1/certificates/" + number).json();
			assertThat(c.get("intact").asBoolean()).as(a[0]).isFalse();
			assertThat(c.get("valid").asBoolean()).as(a[0]).isFalse();
			jdbc.sql(a[1]).param(number).update();
			assertThat(client().get("/api/v1/certificates/" + number).json().get("intact").asBoolean()).as("restored: " + a[1])
				.isTrue();
		}
	}

	@Test
	void aPdfVerifiesAndOneAlteredByteOfItsSignedContentIsDetected() throws Exception {
		String number = issue(certificate(holder, "PRODUCT_CERTIFICATION"));
		TestClient.Binary pdf = client().getBytes("/api/v1/certificates/" + number + ".pdf");
		assertThat(pdf.status()).isEqualTo(200);
		assertThat(new String(pdf.bytes(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		JsonNode ok = client().upload("/api/v1/certificates/verify", "c.pdf", pdf.bytes()).json();
		assertThat(ok.get("outcome").asString()).isEqualTo("VALID");
		assertThat(ok.get("number").asString()).isEqualTo(number);

		String canonical = client().get("/api/v1/certificates/" + number).json().get("canonical").asString();
		byte[] embedded = Base64.getEncoder().encodeToString(canonical.getBytes(StandardCharsets.UTF_8))
			.getBytes(StandardCharsets.US_ASCII);
		int at = indexOf(pdf.bytes(), embedded);
		assertThat(at).as("the signed content is in the PDF").isPositive();
		byte[] altered = pdf.bytes().clone();
		int i = at + embedded.length / 2;
		altered[i] = (byte) (altered[i] == 'A' ? 'B' : 'A');
		JsonNode bad = client().upload("/api/v1/certificates/verify", "c.pdf", altered).json();
		assertThat(bad.get("outcome").asString()).isEqualTo("ALTERED");
		assertThat(bad.get("detail").asString()).isEqualTo("SIGNATURE_INVALID");

		JsonNode junk = client().upload("/api/v1/certificates/verify", "c.pdf", "%PDF-1.4 nothing".getBytes()).json();
		assertThat(junk.get("outcome").asString()).isEqualTo("UNKNOWN");

		jdbc.sql("update certification_certificate set scope = scope || '（改）' where number = ?").param(number).update();
		JsonNode record = client().upload("/api/v1/certificates/verify", "c.pdf", pdf.bytes()).json();
		assertThat(record.get("outcome").asString()).isEqualTo("ALTERED");
		assertThat(record.get("detail").asString()).isEqualTo("RECORD_ALTERED");
	}

	@Test
	void thePublishedKeyChecksTheSignatureWithTheJdkAlone() throws Exception {
		String number = issue(certificate(holder, "QUALIFICATION"));
		JsonNode c = client().get("/api/v1/certificates/" + number).json();
		String pem = client().get("/api/v1/alliances/" + slug + "/signing-key.pem").body();
		byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
		PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
		Signature s = Signature.getInstance("Ed25519");
		s.initVerify(key);
		s.update(c.get("canonical").asString().getBytes(StandardCharsets.UTF_8));
		assertThat(s.verify(Base64.getDecoder().decode(c.get("signature").asString()))).isTrue();
		assertThat(c.get("canonical").asString()).startsWith("alliancehub-certificate-v1\nnumber=" + number + "\n");
		assertThat(client().get("/api/v1/alliances/" + slug + "/signing-key").json().get("fingerprint").asString())
			.hasSize(64);
	}

	@Test
	void privateSigningKeysAreEncryptedAtRestAndAKeyStoredBeforeIsEncryptedWithItsCertificatesStillVerifying()
			throws Exception {
		String number = issue(certificate(holder, "QUALIFICATION"));
		byte[] stored = jdbc.sql("""
				select k.private_key from certification_key k join certification_certificate c on c.alliance_id = k.alliance_id
				where c.number = ?""").param(number).query(byte[].class).single();
		assertThat(KeyEncryption.encrypted(stored)).isTrue();
		assertThatThrownBy(() -> KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(stored)))
			.as("the stored column is not the raw key").isInstanceOf(java.security.GeneralSecurityException.class);

		// an alliance whose key was stored raw, as before keys were encrypted, and a certificate signed with it
		String old = "c-" + UUID.randomUUID().toString().substring(0, 8);
		assertThat(admin().post("/api/v1/alliances", Map.of("slug", old, "name", "旧密钥联盟" + old)).status()).isEqualTo(201);
		long oldId = jdbc.sql("select id from alliance where slug = ?").param(old).query(Long.class).single();
		KeyPair raw = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		jdbc.sql("insert into certification_key (alliance_id, public_key, private_key) values (?, ?, ?)")
			.params(oldId, raw.getPublic().getEncoded(), raw.getPrivate().getEncoded())
			.update();
		var r = admin().post("/api/v1/alliances/" + old + "/certificates", certificate(holder, "QUALIFICATION"));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		String before = r.json().get("number").asString();

		assertThat(keys.encryptStored()).isGreaterThanOrEqualTo(1);
		byte[] now = jdbc.sql("select private_key from certification_key where alliance_id = ?").param(oldId)
			.query(byte[].class).single();
		assertThat(KeyEncryption.encrypted(now)).isTrue();
		assertThat(now).isNotEqualTo(raw.getPrivate().getEncoded());
		JsonNode c = client().get("/api/v1/certificates/" + before).json();
		assertThat(c.get("intact").asBoolean()).isTrue();
		assertThat(c.get("valid").asBoolean()).isTrue();
		Signature s = Signature.getInstance("Ed25519");
		s.initVerify(raw.getPublic());
		s.update(c.get("canonical").asString().getBytes(StandardCharsets.UTF_8));
		assertThat(s.verify(Base64.getDecoder().decode(c.get("signature").asString()))).isTrue();
		// the decrypted key goes on signing with the same key pair
		assertThat(admin().post("/api/v1/certificates/" + before + "/status", Map.of("status", "SUSPENDED", "reason", "复查"))
			.status()).isEqualTo(200);
		assertThat(client().get("/api/v1/certificates/" + before).json().get("intact").asBoolean()).isTrue();
		assertThat(client().get("/api/v1/alliances/" + old + "/signing-key.pem").body())
			.contains(Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(raw.getPublic().getEncoded()).split("\n")[0]);
	}

	@Test
	void theVerificationPageAndItsQrCodeOpenTheCertificate() throws Exception {
		String number = issue(certificate(holder, "QUALIFICATION"));
		FormSession browser = FormSession.anonymous(port);
		var typed = browser.get("/certificates?number=" + number);
		assertThat(typed.statusCode()).isEqualTo(302);
		assertThat(typed.headers().firstValue("Location").orElse("")).endsWith("/certificates/" + number);
		assertThat(browser.get("/certificates?number=NO-SUCH-3").body()).contains("id=\"unknown\"");
		String page = browser.get("/certificates/" + number).body();
		assertThat(page).contains("id=\"validity\"").contains("id=\"history\"").doesNotContain("id=\"tampered\"");
		// the first change of the history reads as the reader's word for issuing, not the stored marker
		assertThat(page).contains("<td>发证</td>").doesNotContain("<td>issued</td>");
		assertThat(browser.get("/certificates/" + number + "?lang=en").body()).contains("<td>Issued</td>");
		assertThat(browser.get("/certificates/" + number + "?on=" + today.minusYears(2)).body()).contains("id=\"status-on\"");
		TestClient.Binary png = client().getBytes("/certificates/" + number + "/qr.png");
		BufferedImage img = ImageIO.read(new ByteArrayInputStream(png.bytes()));
		int[] pixels = img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
		String url = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
				new RGBLuminanceSource(img.getWidth(), img.getHeight(), pixels)))).getText();
		assertThat(url).endsWith("/certificates/" + number);
	}

	@Test
	void aHoldersPageListsItsValidCertificatesWithPreviousAndNext() {
		Map<String, Object> first = new HashMap<>(certificate(holder, "QUALIFICATION"));
		first.put("issuedOn", today.minusDays(30).toString());
		first.put("subject", "第一资质");
		Map<String, Object> second = new HashMap<>(first);
		second.put("issuedOn", today.minusDays(20).toString());
		second.put("subject", "第二资质");
		Map<String, Object> revoked = new HashMap<>(first);
		revoked.put("issuedOn", today.minusDays(10).toString());
		revoked.put("subject", "撤销的资质");
		String a = issue(first);
		String b = issue(second);
		String r = issue(revoked);
		assertThat(secretariat.post("/api/v1/certificates/" + r + "/status", Map.of("status", "REVOKED", "reason", "撤销"))
			.status()).isEqualTo(200);
		JsonNode items = client().get("/api/v1/organizations/" + holder + "/certificates").json().get("items");
		assertThat(items).hasSize(2);
		assertThat(items.get(0).get("number").asString()).isEqualTo(a);
		assertThat(items.get(1).get("number").asString()).isEqualTo(b);
		String pageA = client().get("/certificates/" + a).body();
		assertThat(pageA).contains("rel=\"next\" href=\"/certificates/" + b + "\"").doesNotContain("rel=\"prev\"");
		String pageB = client().get("/certificates/" + b).body();
		assertThat(pageB).contains("rel=\"prev\" href=\"/certificates/" + a + "\"").doesNotContain("rel=\"next\"");
		String holderPage = client().get("/certificates/holders/" + holder).body();
		assertThat(holderPage).contains(a).contains(b).doesNotContain(r);
	}

	@Test
	void expiryIsAnnouncedOncePerThresholdToTheHolderAndTheSecretariat() throws Exception {
		Map<String, Object> soon = new HashMap<>(certificate(holder, "QUALIFICATION"));
		soon.put("validUntil", today.plusDays(20).toString());
		String number = issue(soon);
		assertThat(numbers(reminders.remind(today))).contains(number);
		assertThat(numbers(reminders.remind(today))).doesNotContain(number);
		assertThat(numbers(reminders.remind(today.plusDays(5)))).doesNotContain(number);
		assertThat(numbers(reminders.remind(today.plusDays(14)))).contains(number); // 6 days left: the 7-day threshold
		assertThat(numbers(reminders.remind(today.plusDays(15)))).doesNotContain(number);
		assertThat(mailsAbout(number, repEmail)).hasSize(2);
		assertThat(mailsAbout(number, contactEmail)).hasSize(2);
		String suspended = issue(soon);
		assertThat(secretariat.post("/api/v1/certificates/" + suspended + "/status", Map.of("status", "SUSPENDED", "reason",
				"暂停")).status()).isEqualTo(200);
		assertThat(numbers(reminders.remind(today))).doesNotContain(suspended);
	}

	@Test
	void theDeskIssuesAndChangesStatusThroughForms() {
		FormSession desk = FormSession.signIn(admin(), port, List.of(Map.of("role", "SECRETARIAT", "alliance", slug)));
		String path = "/admin/a/" + slug + "/certificates";
		assertThat(desk.get(path).statusCode()).isEqualTo(200);
		var issued = desk.post(path, path, "kind=QUALIFICATION&holderOrganizationId=" + holder
				+ "&subject=desk&scope=desk&issuedOn=" + today + "&validUntil=" + today.plusYears(1));
		assertThat(issued.statusCode()).isEqualTo(302);
		String location = issued.headers().firstValue("Location").orElse("");
		assertThat(location).contains("message=");
		String number = java.net.URLDecoder.decode(location.substring(location.indexOf("message=") + 8), StandardCharsets.UTF_8);
		var refused = desk.post(path, path, "kind=QUALIFICATION&holderOrganizationId=" + holder + "&subject=&scope=x");
		assertThat(refused.headers().firstValue("Location").orElse("")).contains("error=");
		var suspended = desk.post(path, path + "/" + number + "/status", "status=SUSPENDED&reason=desk&effectiveOn=" + today);
		assertThat(suspended.statusCode()).isEqualTo(302);
		assertThat(client().get("/api/v1/certificates/" + number).json().get("status").asString()).isEqualTo("SUSPENDED");
		FormSession outsider = FormSession.signIn(admin(), port, List.of(Map.of("role", "MEMBER_REP", "organizationId", holder)));
		assertThat(outsider.get(path).statusCode()).isIn(403, 404);
	}

	@Test
	void thePumpMakerOfTheDemoHasItsQualificationsMarkedAsDemoData() {
		JsonNode c = client().get("/api/v1/certificates/HBZB-DEMO-PC-2025-003").json();
		assertThat(c.get("holder").asString()).isEqualTo("中成泵业");
		assertThat(c.get("standardNumber").asString()).isEqualTo("GB/T 5657-2013");
		assertThat(c.get("demo").asBoolean()).isTrue();
		assertThat(c.get("valid").asBoolean()).isTrue();
		long pumps = c.get("holderOrganizationId").asLong();
		assertThat(client().get("/api/v1/organizations/" + pumps + "/certificates").json().get("items")).hasSize(6);
		assertThat(client().get("/certificates/HBZB-DEMO-PC-2025-003").body()).contains("id=\"demo-notice\"")
			.contains("rel=\"prev\"").contains("rel=\"next\"");
	}

	// ---- helpers

	Map<String, Object> certificate(long holderId, String kind) {
		Map<String, Object> c = new HashMap<>();
		c.put("kind", kind);
		c.put("holderOrganizationId", holderId);
		c.put("product", "离心泵");
		c.put("subject", "离心泵产品认证");
		c.put("standardNumber", "GB/T 5657-2013");
		c.put("scope", "一般工业用离心泵的设计、生产");
		c.put("issuedOn", today.minusYears(1).toString());
		c.put("validUntil", today.plusYears(2).toString());
		return c;
	}

	String issue(Map<String, Object> c) {
		var r = secretariat.post("/api/v1/alliances/" + slug + "/certificates", c);
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.json().get("number").asString();
	}

	long member(String allianceSlug) {
		var o = admin().post("/api/v1/organizations", Map.of("name", "持证单位" + UUID.randomUUID(), "type", "ENTERPRISE"));
		long id = o.json().get("id").asLong();
		assertThat(admin().post("/api/v1/alliances/" + allianceSlug + "/members", Map.of("organizationId", id, "role",
				"MEMBER")).status()).isEqualTo(201);
		String username = "cr" + UUID.randomUUID().toString().substring(0, 8);
		repEmail = username + "@example.org";
		assertThat(admin().post("/api/v1/users", Map.of("username", username, "displayName", "代表" + username, "email",
				repEmail, "password", "password-" + username, "roles", List.of(Map.of("role", "MEMBER_REP", "organizationId",
						id)))).status()).isEqualTo(201);
		repUsername = username;
		return id;
	}

	String repUsername;

	TestClient representative() {
		return client().login(repUsername, "password-" + repUsername);
	}

	static List<String> numbers(List<ExpiryReminders.Announced> announced) {
		return announced.stream().map(ExpiryReminders.Announced::number).toList();
	}

	List<MimeMessage> mailsAbout(String number, String to) throws Exception {
		long deadline = System.currentTimeMillis() + 10_000;
		List<MimeMessage> found;
		do {
			found = Arrays.stream(MAIL.getReceivedMessages()).filter(m -> {
				try {
					return m.getSubject().contains(number) && Arrays.stream(m.getAllRecipients())
						.anyMatch(a -> a.toString().equals(to));
				}
				catch (Exception e) {
					return false;
				}
			}).toList();
			if (found.size() >= 2) {
				return found;
			}
			Thread.sleep(100);
		}
		while (System.currentTimeMillis() < deadline);
		return found;
	}

	static int indexOf(byte[] haystack, byte[] needle) {
		outer: for (int i = 0; i + needle.length <= haystack.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}
}
