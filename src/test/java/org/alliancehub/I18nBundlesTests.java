package org.alliancehub;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every interface text lives in the three bundles, and they hold the same keys. */
class I18nBundlesTests {

	private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

	private static Properties load(String name) throws IOException {
		Properties p = new Properties();
		try (InputStream in = I18nBundlesTests.class.getResourceAsStream("/" + name)) {
			p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return p;
	}

	@Test
	void bundlesHaveTheSameKeys() throws IOException {
		Properties zh = load("messages.properties");
		Properties tw = load("messages_zh_TW.properties");
		Properties en = load("messages_en.properties");
		assertThat(tw.stringPropertyNames()).isEqualTo(zh.stringPropertyNames());
		assertThat(en.stringPropertyNames()).isEqualTo(zh.stringPropertyNames());
	}

	@Test
	void englishBundleHasNoChineseAndTraditionalDiffersFromSimplified() throws IOException {
		Properties en = load("messages_en.properties");
		en.forEach((k, v) -> assertThat(HAN.matcher((String) v).find()).as("%s is not English", k).isFalse());
		assertThat(load("messages_zh_TW.properties").getProperty("site.network")).isEqualTo("聯盟協同發展網");
	}

	@Test
	void templatesHoldNoHardCodedChineseText() throws IOException {
		List<String> offenders = new ArrayList<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/jte"))) {
			for (Path f : files.filter(p -> p.toString().endsWith(".jte")).toList()) {
				List<String> lines = Files.readAllLines(f);
				for (int i = 0; i < lines.size(); i++) {
					if (HAN.matcher(lines.get(i)).find()) {
						offenders.add(f + ":" + (i + 1));
					}
				}
			}
		}
		assertThat(offenders).isEmpty();
	}
}
