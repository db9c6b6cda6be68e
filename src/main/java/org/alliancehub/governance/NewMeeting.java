package org.alliancehub.governance;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.alliancehub.governance.GovernanceTypes.AgendaKind;
import org.alliancehub.governance.GovernanceTypes.MeetingKind;
import org.alliancehub.governance.GovernanceTypes.MeetingMode;
import org.jspecify.annotations.Nullable;

/** A meeting as a secretariat calls it; without a title one is made from term and session (第二届第三次理事会). */
public record NewMeeting(@NotNull MeetingKind kind, @NotNull @Positive @Max(99) Integer term,
		@NotNull @Positive @Max(99) Integer session, @Size(max = 200) @Nullable String title,
		@NotNull OffsetDateTime startsAt, @NotNull MeetingMode mode, @Size(max = 300) @Nullable String location,
		@Size(max = 500) @Pattern(regexp = "https?://\\S+", message = "{validation.url}") @Nullable String onlineUrl,
		@Valid @Size(max = 50) @Nullable List<AgendaInput> agenda) {

	public record AgendaInput(@NotBlank @Size(max = 300) String title, @NotNull AgendaKind kind) {
	}
}
