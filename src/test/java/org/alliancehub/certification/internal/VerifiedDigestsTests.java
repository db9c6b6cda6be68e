package org.alliancehub.certification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class VerifiedDigestsTests {

	static byte[] d(String key, String text, String signature) {
		return VerifiedDigests.digest(key.getBytes(StandardCharsets.UTF_8), text.getBytes(StandardCharsets.UTF_8),
				signature.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void aRememberedTripleIsKnownAndAnyChangeOfKeyTextOrSignatureIsNot() {
		VerifiedDigests v = new VerifiedDigests(1024);
		v.add(d("key", "text", "sig"));
		assertThat(v.contains(d("key", "text", "sig"))).isTrue();
		assertThat(v.contains(d("key", "texT", "sig"))).isFalse();
		assertThat(v.contains(d("kee", "text", "sig"))).isFalse();
		assertThat(v.contains(d("key", "text", "sih"))).isFalse();
		// the parts are delimited by their lengths: moving a byte from the text to the signature is another triple
		assertThat(v.contains(d("key", "tex", "tsig"))).isFalse();
		v.clear();
		assertThat(v.contains(d("key", "text", "sig"))).isFalse();
	}

	@Test
	void aFullTableForgetsSomeButNeverAnswersForAnotherTriple() {
		VerifiedDigests v = new VerifiedDigests(16);
		for (int i = 0; i < 1000; i++) {
			v.add(d("key", "text " + i, "sig"));
		}
		int known = 0;
		for (int i = 0; i < 1000; i++) {
			known += v.contains(d("key", "text " + i, "sig")) ? 1 : 0;
			assertThat(v.contains(d("key", "other " + i, "sig"))).isFalse();
		}
		assertThat(known).isBetween(1, 16);
		assertThat(v.contains(new byte[32])).as("an empty slot is never a hit").isFalse();
	}

	@Test
	void clearForgetsEveryEntryInEverySlotOfASmallOrALargeTable() {
		for (int slots : new int[] { 2, 16, 64, 1 << 16 }) {
			VerifiedDigests v = new VerifiedDigests(slots);
			java.util.List<byte[]> added = new java.util.ArrayList<>();
			for (int i = 0; i < 4 * slots; i++) {
				byte[] digest = d("key", "text " + i, "sig");
				v.add(digest);
				added.add(digest);
			}
			long known = added.stream().filter(v::contains).count();
			assertThat(known).as("%d slots", slots).isPositive();
			v.clear();
			assertThat(added.stream().filter(v::contains).count()).as("%d slots after clear", slots).isZero();
			// still usable afterwards
			v.add(added.get(0));
			assertThat(v.contains(added.get(0))).isTrue();
		}
	}
}
