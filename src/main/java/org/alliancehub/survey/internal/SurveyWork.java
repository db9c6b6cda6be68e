package org.alliancehub.survey.internal;

import java.util.ArrayList;
import java.util.List;

import org.alliancehub.shared.WaitingWork;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The surveys' waiting work: for a secretariat, its published surveys still open (with their response rate) and
 * its drafts; for a representative, the surveys its organisation has still to answer. One statement each.
 */
@Component
class SurveyWork implements WaitingWork {

	private final JdbcClient jdbc;

	SurveyWork(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String kind() {
		return "survey";
	}

	@Override
	public List<Item> waiting(Scope scope) {
		List<Item> items = new ArrayList<>();
		if (!scope.allianceIds().isEmpty()) {
			jdbc.sql("""
					select s.id, s.alliance_id, s.title, s.status, s.deadline,
					       (select count(*) from survey_recipient r where r.survey_id = s.id),
					       (select count(*) from survey_response p where p.survey_id = s.id and p.status = 'SUBMITTED')
					from survey s
					where s.alliance_id = any(?) and (s.status = 'DRAFT' or (s.status = 'PUBLISHED' and s.deadline > now()))""")
				.param(scope.allianceIds().toArray(Long[]::new))
				.query((rs, i) -> {
					long id = rs.getLong(1);
					boolean draft = rs.getString(4).equals("DRAFT");
					long recipients = rs.getLong(6);
					long submitted = rs.getLong(7);
					String rate = recipients == 0 ? "0" : String.valueOf(Math.round(100.0 * submitted / recipients));
					return draft
							? new Item("survey.draft:" + id, kind(), rs.getLong(2), "work.survey.draft", List.of(rs.getString(3)),
									"/admin/a/{slug}/surveys/" + id + "/edit", rs.getTimestamp(5).toInstant())
							: new Item("survey.due:" + id, kind(), rs.getLong(2), "work.survey.due",
									List.of(rs.getString(3), String.valueOf(submitted), String.valueOf(recipients), rate),
									"/admin/a/{slug}/surveys/" + id, rs.getTimestamp(5).toInstant());
				})
				.list()
				.forEach(items::add);
		}
		if (!scope.organizationIds().isEmpty()) {
			jdbc.sql("""
					select s.id, s.alliance_id, s.title, s.deadline, r.organization_id
					from survey s join survey_recipient r on r.survey_id = s.id
					left join survey_response p on p.survey_id = s.id and p.organization_id = r.organization_id
					where r.organization_id = any(?) and s.status = 'PUBLISHED' and s.deadline > now()
					  and (p.status is null or p.status <> 'SUBMITTED')""")
				.param(scope.organizationIds().toArray(Long[]::new))
				.query((rs, i) -> new Item("survey.answer:" + rs.getLong(1) + ":" + rs.getLong(5), kind(), rs.getLong(2),
						"work.survey.answer", List.of(rs.getString(3)),
						"/surveys/" + rs.getLong(1) + "/answer/" + rs.getLong(5), rs.getTimestamp(4).toInstant()))
				.list()
				.forEach(items::add);
		}
		return items;
	}
}
