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

/**
 * A meeting as a secretariat calls it; without a title one is made from term and session (第二届第三次理事会).
 * A meeting on site needs its place, one online its link, a hybrid one both: checked with the other fields,
 * so that one answer names every mistake.
 */
@NewMeeting.PlaceGiven
public record NewMeeting(@NotNull MeetingKind kind, @NotNull @Positive @Max(99) Integer term,
		@NotNull @Positive @Max(99) Integer session, @Size(max = 200) @Nullable String title,
		@NotNull OffsetDateTime startsAt, @NotNull MeetingMode mode, @Size(max = 300) @Nullable String location,
		@Size(max = 500) @Pattern(regexp = "https?://\\S+", message = "{validation.url}") @Nullable String onlineUrl,
		@Valid @Size(max = 50) @Nullable List<AgendaInput> agenda) {

	public record AgendaInput(@NotBlank @Size(max = 300) String title, @NotNull AgendaKind kind) {
	}

	/** The place and link the meeting's mode needs and lacks, by field. */
	public java.util.Map<String, String> missingPlace() {
		java.util.Map<String, String> missing = new java.util.LinkedHashMap<>();
		if (mode != null && mode != MeetingMode.ONLINE && (location == null || location.isBlank())) {
			missing.put("location", "required for a meeting on site");
		}
		if (mode != null && mode != MeetingMode.ONSITE && (onlineUrl == null || onlineUrl.isBlank())) {
			missing.put("onlineUrl", "required for a meeting online");
		}
		return missing;
	}

	@java.lang.annotation.Target(java.lang.annotation.ElementType.TYPE)
	@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
	@jakarta.validation.Constraint(validatedBy = PlaceCheck.class)
	public @interface PlaceGiven {

		String message() default "required by the meeting's mode";

		Class<?>[] groups() default {};

		Class<? extends jakarta.validation.Payload>[] payload() default {};
	}

	/** Reports each missing place or link on its own field. */
	public static final class PlaceCheck implements jakarta.validation.ConstraintValidator<PlaceGiven, NewMeeting> {

		@Override
		public boolean isValid(@Nullable NewMeeting m, jakarta.validation.ConstraintValidatorContext context) {
			if (m == null || m.missingPlace().isEmpty()) {
				return true;
			}
			context.disableDefaultConstraintViolation();
			m.missingPlace().forEach((field, message) -> context.buildConstraintViolationWithTemplate(message)
				.addPropertyNode(field)
				.addConstraintViolation());
			return false;
		}
	}
}
