package org.alliancehub.certification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.alliancehub.shared.TooManyRequests;
import org.junit.jupiter.api.Test;

/** The canonical text is one line per field in a fixed order, so no value can forge another; the public budget. */
class CanonicalTests {

	@Test
	void aValueWithALineBreakCannotForgeAnotherField() {
		String forged = Canonical.certificate("N-1", 7, "QUALIFICATION", 3, "单位\nvalidUntil=2099-01-01", null, "主题",
				null, "范围\\n", LocalDate.of(2026, 1, 2), LocalDate.of(2027, 1, 2), "联盟");
		assertThat(forged.lines().filter(l -> l.startsWith("validUntil="))).containsExactly("validUntil=2027-01-02");
		assertThat(Canonical.field(forged, "holderName")).isEqualTo("单位\nvalidUntil=2099-01-01");
		assertThat(Canonical.field(forged, "scope")).isEqualTo("范围\\n");
		assertThat(forged).startsWith("alliancehub-certificate-v1\nnumber=N-1\nalliance=7\nkind=QUALIFICATION\nholder=3\n")
			.contains("\nproduct=\n").endsWith("issuer=联盟\n");
	}

	@Test
	void theSameContentGivesTheSameText() {
		assertThat(Canonical.statusChange("N-1", 1, "SUSPENDED", LocalDate.of(2026, 5, 1), "整改", "秘书处"))
			.isEqualTo("alliancehub-certificate-status-v1\nnumber=N-1\nseq=1\nstatus=SUSPENDED\neffectiveOn=2026-05-01\n"
					+ "reason=整改\nchangedBy=秘书处\n");
	}

	@Test
	void publicReadsBeyondTheBudgetAreRefusedWithAWait() {
		PublicReads reads = new PublicReads(1, 3);
		reads.take("10.0.0.1", 1);
		reads.take("10.0.0.1", 2);
		assertThatThrownBy(() -> reads.take("10.0.0.1", 1)).isInstanceOf(TooManyRequests.class);
		reads.take("10.0.0.2", 3); // another address has its own budget
		new PublicReads(0, 1).take("10.0.0.1", 1000); // 0 turns the limit off
	}
}
