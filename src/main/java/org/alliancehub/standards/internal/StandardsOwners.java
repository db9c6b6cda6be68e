package org.alliancehub.standards.internal;

import org.alliancehub.governance.GovernanceEvents.MotionClosed;
import org.alliancehub.identity.OwnedObjects;
import org.alliancehub.identity.Owner;
import org.alliancehub.platform.Uploads;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Who owns and who reads the standards' objects addressed by an id: {@code standard} (with its drafts, comments,
 * reviews and trail) and {@code standard-comment}: the alliance's secretariat manages them, everyone reads them
 * (a group standard is made in public; a commenter's contact is shown to the secretariat only).
 */
@Configuration(proxyBeanMethods = false)
class StandardsOwners {

	@Bean
	OwnedObjects standardOwners(JdbcClient jdbc) {
		return OwnedObjects.of("standard", id -> jdbc.sql("select alliance_id from standards_standard where id = ?")
			.param(id)
			.query(Long.class)
			.optional()
			.map(Owner::publicly));
	}

	@Bean
	OwnedObjects standardCommentOwners(JdbcClient jdbc) {
		return OwnedObjects.of("standard-comment", id -> jdbc.sql("""
				select s.alliance_id from standards_comment c join standards_standard s on s.id = c.standard_id where c.id = ?""")
			.param(id)
			.query(Long.class)
			.optional()
			.map(Owner::publicly));
	}

	/** The files the standards keep: drafts and final texts. */
	@Bean
	Uploads.Holder standardFiles(JdbcClient jdbc) {
		return sha -> jdbc.sql("""
				select exists(select 1 from standards_draft where sha256 = ?)
				    or exists(select 1 from standards_standard where final_sha256 = ?)""")
			.params(sha, sha)
			.query(Boolean.class)
			.single();
	}

	/** Learns the outcome of the votes that start and approve standards. */
	@Component
	static class MotionOutcomes {

		private final Workflow workflow;

		MotionOutcomes(Workflow workflow) {
			this.workflow = workflow;
		}

		@ApplicationModuleListener
		void on(MotionClosed closed) {
			workflow.motionClosed(closed.id(), closed.outcome());
		}
	}
}
