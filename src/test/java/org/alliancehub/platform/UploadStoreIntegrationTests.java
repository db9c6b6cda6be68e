package org.alliancehub.platform;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.UUID;

import org.alliancehub.IntegrationTest;
import org.alliancehub.shared.Hashes;
import org.alliancehub.shared.Invalid;
import org.alliancehub.shared.TooLarge;
import org.alliancehub.shared.UnsupportedType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Uploaded files are kept in PostgreSQL, where every node reads them; a node's own copy on disk is only a copy.
 * Files that an earlier version kept on disk only are copied into the database at start-up.
 */
class UploadStoreIntegrationTests extends IntegrationTest {

	@Autowired
	Uploads uploads;

	@Autowired
	AllianceHubProperties properties;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aStoredFileIsInTheDatabaseAndANodeWithoutACopyReadsItFromThere() throws Exception {
		byte[] text = ("会议纪要 " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
		Uploads.Stored stored = uploads.store("纪要.txt", text.length, new ByteArrayInputStream(text), Uploads.DOCUMENTS);
		assertThat(stored.contentType()).isEqualTo("text/plain");
		assertThat(stored.sha256()).isEqualTo(sha256(text));
		assertThat(jdbc.sql("select content from upload_file where sha256 = ?").param(stored.sha256())
			.query(byte[].class).single()).isEqualTo(text);

		// another node: nothing on its disk yet
		Files.delete(properties.uploads().resolve(stored.sha256()));
		Path copy = uploads.path(stored.sha256());
		assertThat(copy).exists();
		assertThat(Files.readAllBytes(copy)).isEqualTo(text);

		assertThat(uploads.release(stored.sha256())).isTrue();
		assertThat(uploads.stored(stored.sha256())).isFalse();
		assertThat(uploads.path(stored.sha256())).doesNotExist();
	}

	@Test
	void sizeTypeAndEmptinessAreCheckedAsBeforeAndNothingIsKeptOnFailure() {
		long before = files();
		byte[] big = new byte[(int) properties.maxUploadBytes() + 1];
		assertThatThrownBy(() -> uploads.store("big.txt", 10, new ByteArrayInputStream(big), Uploads.DOCUMENTS))
			.isInstanceOf(TooLarge.class);
		assertThatThrownBy(() -> uploads.store("big.txt", big.length, new ByteArrayInputStream(new byte[1]),
				Uploads.DOCUMENTS)).isInstanceOf(TooLarge.class);
		byte[] html = "<html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.UTF_8);
		assertThatThrownBy(() -> uploads.store("a.html", html.length, new ByteArrayInputStream(html), Uploads.DOCUMENTS))
			.isInstanceOf(UnsupportedType.class);
		assertThatThrownBy(() -> uploads.store("empty.txt", 0, new ByteArrayInputStream(new byte[0]), Uploads.DOCUMENTS))
			.isInstanceOf(Invalid.class);
		assertThat(files()).isEqualTo(before);
	}

	@Test
	void aFileLeftOnDiskByAnEarlierVersionIsCopiedIntoTheDatabaseOnceAndAMisnamedOneIsLeftAlone() throws Exception {
		byte[] old = ("an attachment of version 0.1 " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
		String hash = sha256(old);
		Files.createDirectories(properties.uploads());
		Files.write(properties.uploads().resolve(hash), old);
		String misnamed = sha256(("something else " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
		Files.write(properties.uploads().resolve(misnamed), "not what the name says".getBytes(StandardCharsets.UTF_8));
		assertThat(uploads.stored(hash)).isFalse();

		assertThat(uploads.migrateFromDisk()).isGreaterThanOrEqualTo(1);
		assertThat(uploads.stored(hash)).isTrue();
		assertThat(uploads.stored(misnamed)).isFalse();
		assertThat(properties.uploads().resolve(misnamed)).exists();
		assertThat(uploads.migrateFromDisk()).as("a second start-up copies nothing again").isZero();

		Files.delete(properties.uploads().resolve(hash));
		assertThat(Files.readAllBytes(uploads.path(hash))).isEqualTo(old);
		Files.delete(properties.uploads().resolve(misnamed));
	}

	private long files() {
		return jdbc.sql("select count(*) from upload_file").query(Long.class).single();
	}

	private static String sha256(byte[] bytes) throws Exception {
		var digest = Hashes.digest();
		return HexFormat.of().formatHex(digest.digest(bytes));
	}
}
