package org.alliancehub.governance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import org.alliancehub.governance.GovernanceTypes.MeetingKind;
import org.alliancehub.governance.GovernanceTypes.MeetingMode;
import org.alliancehub.governance.MeetingView;
import org.junit.jupiter.api.Test;

/** The invitation's calendar entry as RFC 5545 wants it: lines of at most 75 octets that parse back whole. */
class MeetingCalendarTests {

	private static final String TITLE = "产业技术创新战略联盟第二届第三次理事会暨年度工作会议：审议章程修订草案、年度预算报告与新成员入会申请";

	private static MeetingView meeting(String title, String location, String onlineUrl) {
		return new MeetingView(7, "lm", MeetingKind.COUNCIL, 2, 3, title,
				OffsetDateTime.parse("2023-02-24T09:30:00+08:00"), MeetingMode.HYBRID, location, onlineUrl, List.of(),
				List.of(), 0, 0, 0);
	}

	@Test
	void aLongChineseTitleIsFoldedAtSeventyFiveOctetsAndParsesBackWhole() throws Exception {
		String ics = Invitations.calendar(meeting(TITLE, "北京市海淀区中关村大街1号，国家会议中心三层报告厅; 东门进入", "https://meeting.example.org/123"));

		assertThat(ics).endsWith("\r\n");
		assertThat(ics.replace("\r\n", "")).as("no bare line breaks").doesNotContain("\r").doesNotContain("\n");
		for (String line : ics.split("\r\n")) {
			assertThat(line.getBytes(StandardCharsets.UTF_8).length).as("octets of: " + line).isLessThanOrEqualTo(75);
		}
		assertThat(ics).as("the title needed folding").contains("\r\n ");

		Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
		Component event = calendar.getComponent(Component.VEVENT).orElseThrow();
		assertThat(event.getProperty(Property.SUMMARY).orElseThrow().getValue()).isEqualTo(TITLE);
		assertThat(event.getProperty(Property.LOCATION).orElseThrow().getValue())
			.isEqualTo("北京市海淀区中关村大街1号，国家会议中心三层报告厅; 东门进入");
		assertThat(event.getProperty(Property.DTSTART).orElseThrow().getValue()).isEqualTo("20230224T013000Z");
		assertThat(event.getProperty(Property.URL).orElseThrow().getValue()).isEqualTo("https://meeting.example.org/123");
		assertThat(event.getProperty(Property.UID).orElseThrow().getValue()).isEqualTo("meeting-7@alliancehub");
	}

	@Test
	void aLineBreakInALocationStaysInsideTheValue() throws Exception {
		String ics = Invitations.calendar(meeting("理事会", "会议室\r\nATTENDEE:mailto:evil@example.org\rX-EVIL:1",
				"https://x.example.org/\"'><img/src=x>"));
		for (String line : ics.split("\r\n")) {
			assertThat(line).matches("([A-Z-]+[:;]| ).*").doesNotStartWith("ATTENDEE").doesNotStartWith("X-EVIL");
		}
		Component event = new CalendarBuilder().build(new StringReader(ics)).getComponent(Component.VEVENT).orElseThrow();
		assertThat(event.getProperty(Property.LOCATION).orElseThrow().getValue())
			.isEqualTo("会议室\nATTENDEE:mailto:evil@example.org\nX-EVIL:1");
		assertThat(event.getProperties(Property.ATTENDEE)).isEmpty();
	}

	@Test
	void foldingNeverCutsACharacterAndCountsTheLeadingSpace() {
		String folded = MeetingCalendar.fold("SUMMARY:" + "联".repeat(60) + "\r\n");
		List<String> lines = List.of(folded.split("\r\n"));
		assertThat(lines.get(0).getBytes(StandardCharsets.UTF_8)).hasSize(8 + 22 * 3);
		assertThat(lines.get(1)).startsWith(" ");
		assertThat(lines.get(1).getBytes(StandardCharsets.UTF_8)).hasSize(1 + 24 * 3);
		assertThat(String.join("", lines).replace(" ", "")).isEqualTo("SUMMARY:" + "联".repeat(60));
	}
}
