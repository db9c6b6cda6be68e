package org.alliancehub.transfer;

import java.util.Locale;

import org.alliancehub.collaboration.CollaborationTypes.ProjectVisibility;
import org.alliancehub.collaboration.ProjectView;
import org.alliancehub.collaboration.Projects;
import org.alliancehub.shared.Conflict;
import org.alliancehub.shared.NotFound;
import org.alliancehub.transfer.TransferTypes.Visibility;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A demand starts a joint project (需求 → 项目): the project is proposed through collaboration's face in the
 * demand's alliance, led by the demand's organisation, with the demand's title, description, field and
 * visibility, and the demand records it, once. Whoever manages the demand (its alliance's secretariat, the
 * network's administrator) may start it; the caller's right is checked where the action is declared.
 */
@Service
public class DemandProjects {

	private final JdbcClient jdbc;

	private final TechnologyTransfer transfer;

	private final Projects projects;

	private final MessageSource messages;

	private final ApplicationEventPublisher events;

	DemandProjects(JdbcClient jdbc, TechnologyTransfer transfer, Projects projects, MessageSource messages,
			ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.transfer = transfer;
		this.projects = projects;
		this.messages = messages;
		this.events = events;
	}

	/** Starts the demand's project; 409 when the demand started one already (also when two ask at once). */
	@Transactional
	public ProjectLink start(long demandId) {
		long allianceId = jdbc.sql("select alliance_id from transfer_demand where id = ? for update")
			.param(demandId)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new NotFound("demand " + demandId));
		DemandView d = transfer.demand(demandId);
		if (d.projectId() != null) {
			throw new Conflict("the demand started project " + d.projectId() + " already");
		}
		// the field is free text in collaboration: the demand's field by its name in the default language
		String field = messages.getMessage("enum.Field." + d.field().name(), null, Locale.SIMPLIFIED_CHINESE);
		ProjectView p = projects.propose(d.alliance(), new Projects.NewProject(d.title(), d.description(), field,
				d.organizationId(), null, null,
				d.visibility() == Visibility.MEMBERS ? ProjectVisibility.MEMBERS : ProjectVisibility.PUBLIC, null, null));
		jdbc.sql("update transfer_demand set project_id = ? where id = ?").params(p.id(), demandId).update();
		events.publishEvent(new TransferEvents.Posted("demand.project", allianceId, "demand:" + demandId, p.title()));
		return new ProjectLink(p.id(), p.alliance(), p.title());
	}
}
