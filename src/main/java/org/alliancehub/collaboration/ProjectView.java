package org.alliancehub.collaboration;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.alliancehub.collaboration.CollaborationTypes.MilestoneStatus;
import org.alliancehub.collaboration.CollaborationTypes.ParticipantRole;
import org.alliancehub.collaboration.CollaborationTypes.ParticipantStatus;
import org.alliancehub.collaboration.CollaborationTypes.ProjectStatus;
import org.alliancehub.collaboration.CollaborationTypes.ProjectVisibility;
import org.jspecify.annotations.Nullable;

/** A joint project as the API and the project page show it: participants, milestones and their reports. */
public record ProjectView(long id, String alliance, String allianceName, boolean networkProject, List<String> alliances,
		String title, @Nullable String summary, @Nullable String field, long leadOrganizationId, String leadOrganization,
		@Nullable LocalDate startsOn, @Nullable LocalDate endsOn, ProjectStatus status, ProjectVisibility visibility,
		Budget budget, List<Participant> participants, List<Milestone> milestones, boolean demo, long version,
		OffsetDateTime createdAt, OffsetDateTime updatedAt) {

	/** 经费 by source, in 万元. */
	public record Budget(BigDecimal enterprise, BigDecimal government, BigDecimal finance, BigDecimal other) {

		public BigDecimal total() {
			return enterprise.add(government).add(finance).add(other);
		}
	}

	public record Participant(long organizationId, String name, ParticipantRole role, ParticipantStatus status) {

		public boolean accepted() {
			return status == ParticipantStatus.ACCEPTED;
		}

		public boolean invited() {
			return status == ParticipantStatus.INVITED;
		}
	}

	public record Milestone(long id, String workPackage, String title, LocalDate dueOn, MilestoneStatus status,
			@Nullable Deliverable deliverable, List<Report> reports, long version) {
	}

	public record Deliverable(String filename, String contentType, long sizeBytes, String url) {
	}

	public record Report(long id, @Nullable Long organizationId, @Nullable String organization, String body,
			OffsetDateTime createdAt) {
	}

	public boolean open() {
		return status.isOpen();
	}
}
