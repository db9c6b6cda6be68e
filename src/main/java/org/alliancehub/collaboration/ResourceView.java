package org.alliancehub.collaboration;

import java.time.LocalDate;
import java.util.List;

import org.alliancehub.collaboration.CollaborationTypes.RequestStatus;
import org.alliancehub.collaboration.CollaborationTypes.ResourceKind;
import org.alliancehub.collaboration.CollaborationTypes.Visibility;
import org.jspecify.annotations.Nullable;

/**
 * A shared resource (资源共享) an organisation offers through its alliance: an expert (contact only through the
 * platform, so none is shown), equipment or a test facility with its calendar of bookings, a fund or a talent
 * programme.
 */
public record ResourceView(long id, String alliance, String allianceName, long organizationId, String organization,
		ResourceKind kind, String name, @Nullable String description, @Nullable String fields, @Nullable String title,
		@Nullable String location, @Nullable String capabilities, @Nullable String conditions, Visibility visibility,
		List<Booking> bookings, boolean demo, long version) {

	/** A period the equipment is booked or asked for (who asked is not shown). */
	public record Booking(LocalDate from, LocalDate to, RequestStatus status) {
	}

	public boolean equipment() {
		return kind.hasCalendar();
	}
}
