package org.alliancehub.network;

import org.alliancehub.shared.DomainEvent;

/** What happens to alliances, for other modules to react to. */
public final class AllianceEvents {

	private AllianceEvents() {
	}

	public record AllianceCreated(long id, String slug, String name, AllianceKind kind) implements DomainEvent {

		@Override
		public String action() {
			return "alliance.created";
		}

		@Override
		public Long allianceId() {
			return id;
		}

		@Override
		public String subject() {
			return "alliance:" + slug;
		}

		@Override
		public String summary() {
			return "created " + name;
		}
	}

	public record AllianceUpdated(long id, String slug, String name) implements DomainEvent {

		@Override
		public String action() {
			return "alliance.updated";
		}

		@Override
		public Long allianceId() {
			return id;
		}

		@Override
		public String subject() {
			return "alliance:" + slug;
		}

		@Override
		public String summary() {
			return "updated profile of " + name;
		}
	}
}
