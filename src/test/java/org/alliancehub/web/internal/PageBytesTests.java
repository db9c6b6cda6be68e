package org.alliancehub.web.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A page's bytes are those of the whole page as one String encoded in UTF-8, however it is cut into pieces. */
class PageBytesTests {

	private static final String TEXT = "AllianceHub <&> é ß 联盟協同 €, 🚀 and 𠀀 \uD83D lone high, lone low \uDE00, end";

	@Test
	void everyCutOfAPageGivesTheBytesOfTheWholePageEncodedAtOnce() throws Exception {
		byte[] whole = TEXT.getBytes(StandardCharsets.UTF_8);
		for (int cut = 0; cut <= TEXT.length(); cut++) {
			PageBytes page = new PageBytes(4);
			page.writeContent(TEXT.substring(0, cut));
			page.writeContent(TEXT, cut, TEXT.length());
			assertThat(page.toByteArray()).as("cut at %d", cut).isEqualTo(whole);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			page.writeTo(out);
			assertThat(out.toByteArray()).isEqualTo(whole);
			assertThat(page.length()).isEqualTo(whole.length);
		}
	}

	@Test
	void staticPartsAlreadyInUtf8AreCopiedAsTheyAreBetweenTheValues() {
		String[] pieces = { "<li class=\"x\">", "联盟協同", "🚀", "&amp;", "é", "", "𠀀 end\n", "AllianceHub" };
		Random random = new Random(25);
		StringBuilder expected = new StringBuilder();
		PageBytes page = new PageBytes(1);
		for (int i = 0; i < 2_000; i++) {
			String piece = pieces[random.nextInt(pieces.length)];
			if (random.nextBoolean()) {
				page.writeBinaryContent(piece.getBytes(StandardCharsets.UTF_8));
			}
			else {
				page.writeContent(piece);
			}
			expected.append(piece);
		}
		assertThat(page.toByteArray()).isEqualTo(expected.toString().getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void aHighSurrogateEndingAValueBeforeAStaticPartIsALoneOne() {
		PageBytes page = new PageBytes(8);
		page.writeContent("a\uD83D");
		page.writeBinaryContent("<b>".getBytes(StandardCharsets.UTF_8));
		page.writeContent("\uDE80");
		assertThat(new String(page.toByteArray(), StandardCharsets.UTF_8)).isEqualTo("a?<b>?");
	}
}
