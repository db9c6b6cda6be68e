package org.alliancehub.collaboration;

import java.time.LocalDate;
import java.util.List;

import org.alliancehub.collaboration.CollaborationTypes.BaseStatus;
import org.alliancehub.collaboration.CollaborationTypes.PartyKind;
import org.alliancehub.collaboration.CollaborationTypes.Visibility;
import org.jspecify.annotations.Nullable;

/** A strategic cooperation agreement (战略合作协议) with its parties, signed document and outcomes. */
public record AgreementView(long id, String alliance, String allianceName, String title, @Nullable String subject,
		@Nullable LocalDate signedOn, @Nullable String signedPlace, @Nullable String outcomes, Visibility visibility,
		List<Party> parties, @Nullable Document document, List<BaseLine> bases, boolean demo, long version) {

	public record Party(PartyKind kind, @Nullable Long organizationId, @Nullable String alliance, String name) {
	}

	public record Document(String filename, String contentType, long sizeBytes, String url) {
	}

	/** A demonstration base the agreement set up. */
	public record BaseLine(long id, String name, BaseStatus status) {
	}
}
