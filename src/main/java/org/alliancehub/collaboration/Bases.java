package org.alliancehub.collaboration;

import org.alliancehub.shared.Strings;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.alliancehub.collaboration.CollaborationTypes.BaseStatus;
import org.alliancehub.membership.Organizations;
import org.alliancehub.network.Alliance;
import org.alliancehub.network.Alliances;
import org.alliancehub.shared.Conflict;
import org.alliancehub.shared.Invalid;
import org.alliancehub.shared.NotFound;
import org.alliancehub.shared.PageResult;
import org.alliancehub.shared.Paging;
import org.alliancehub.shared.Regions;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demonstration bases (示范基地) of an alliance: the host organisation, the region by its GB/T 2260 code (as
 * membership stores an organisation's), the focus, the agreement that set the base up, and its status. Bases
 * are public: their register is the alliance's shop window.
 */
@Service
public class Bases {

	private final JdbcClient jdbc;

	private final org.springframework.context.ApplicationEventPublisher events;

	private final Alliances alliances;

	private final Organizations organizations;

	private final Agreements agreements;

	Bases(JdbcClient jdbc, Alliances alliances, Organizations organizations, Agreements agreements,
			org.springframework.context.ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.alliances = alliances;
		this.organizations = organizations;
		this.agreements = agreements;
		this.events = events;
	}

	public record NewBase(@NotBlank @Size(max = 300) String name, @NotNull Long hostOrganizationId,
			@Nullable @Size(max = 6) String regionCode, @Nullable @Size(max = 2000) String focus, @Nullable Long agreementId,
			@Nullable BaseStatus status) {
	}

	public record BasePatch(@Nullable @Size(min = 1, max = 300) String name, @Nullable @Size(max = 2000) String focus,
			@Nullable BaseStatus status, @Nullable Long version) {
	}

	@Transactional
	public BaseView create(String slug, NewBase b) {
		Alliance a = alliances.get(slug);
		List<Invalid.FieldError> errors = new ArrayList<>();
		try {
			organizations.get(b.hostOrganizationId());
		}
		catch (NotFound e) {
			errors.add(new Invalid.FieldError("hostOrganizationId", "no such organisation"));
		}
		if (b.regionCode() != null && Regions.china().find(b.regionCode()).isEmpty()) {
			errors.add(new Invalid.FieldError("regionCode", "not a GB/T 2260 code"));
		}
		if (b.agreementId() != null && !agreements.ownedBy(b.agreementId(), a.id())) {
			errors.add(new Invalid.FieldError("agreementId", "no agreement of this alliance"));
		}
		if (!errors.isEmpty()) {
			throw new Invalid(errors);
		}
		long id = jdbc.sql("""
				insert into collab_base (alliance_id, name, host_organization_id, region_code, focus, agreement_id, status)
				values (?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(a.id(), b.name().strip(), b.hostOrganizationId(), Strings.blankToNull(b.regionCode()),
					Strings.blankToNull(b.focus()), b.agreementId(), (b.status() == null ? BaseStatus.PLANNED : b.status()).name())
			.query(Long.class)
			.single();
		touched("base.created", id);
		return get(id);
	}

	@Transactional
	public void markDemo(long id) {
		jdbc.sql("update collab_base set demo = true where id = ?").param(id).update();
	}

	@Transactional
	public BaseView update(long id, BasePatch p) {
		BaseView b = get(id);
		if (p.version() != null && p.version() != b.version()) {
			throw Conflict.staleVersion("the base");
		}
		jdbc.sql("update collab_base set name = ?, focus = ?, status = ?, version = version + 1, updated_at = now() where id = ?")
			.params(p.name() != null ? p.name().strip() : b.name(), p.focus() != null ? p.focus() : b.focus(),
					(p.status() != null ? p.status() : b.status()).name(), id)
			.update();
		touched("base.changed", id);
		return get(id);
	}

	public BaseView get(long id) {
		return list("where b.id = ?", List.of(id), 1, 0).stream().findFirst().orElseThrow(() -> new NotFound("base " + id));
	}

	/**
	 * The register of an alliance, or of the whole network. A base is public; the title of the agreement that set it
	 * up is shown only when that agreement is public too.
	 */
	public PageResult<BaseView> register(@Nullable String slug, Paging paging) {
		String where = "";
		List<Object> params = new ArrayList<>();
		if (slug != null) {
			Alliance a = alliances.get(slug);
			if (!a.isNetwork()) {
				where = "where b.alliance_id = ?";
				params.add(a.id());
			}
		}
		long total = jdbc.sql("select count(*) from collab_base b " + where).params(params).query(Long.class).single();
		return new PageResult<>(list(where, params, paging.size(), paging.offset()), paging.page(), paging.size(), total);
	}

	private List<BaseView> list(String where, List<Object> params, int limit, long offset) {
		record Row(long id, long allianceId, String name, long host, @Nullable String region, @Nullable String focus,
				@Nullable Long agreementId, @Nullable String agreementTitle, BaseStatus status, boolean demo, long version) {
		}
		List<Object> all = new ArrayList<>(params);
		all.add(limit);
		all.add(offset);
		List<Row> rows = jdbc.sql("""
				select b.id, b.alliance_id, b.name, b.host_organization_id, b.region_code, b.focus, b.agreement_id, a.title,
				  b.status, b.demo, b.version
				from collab_base b
				  left join collab_agreement a on a.id = b.agreement_id and a.visibility = 'PUBLIC'"""  + " " + where
				+ " order by b.id limit ? offset ?")
			.params(all)
			.query((rs, i) -> new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getString(5),
					rs.getString(6), (Long) rs.getObject(7), rs.getString(8), BaseStatus.valueOf(rs.getString(9)),
					rs.getBoolean(10), rs.getLong(11)))
			.list();
		var names = new java.util.HashMap<Long, String>();
		organizations.getAll(rows.stream().map(Row::host).distinct().toList()).forEach(o -> names.put(o.id(), o.name()));
		return rows.stream().map(r -> {
			Alliance a = alliances.get(r.allianceId());
			String region = Regions.china().find(r.region()).map(x -> {
				var province = Regions.china().provinceOf(x.code()).orElse(x);
				return province == x ? x.name() : province.name() + x.name();
			}).orElse(null);
			return new BaseView(r.id(), a.slug(), a.displayShortName(), r.name(), r.host(), names.getOrDefault(r.host(), ""),
					r.region(), region, r.focus(), r.agreementId(), r.agreementTitle(), r.status(), r.demo(), r.version());
		}).toList();
	}

	private void changed(String action, long allianceId, String subject, String summary) {
		events.publishEvent(new CollaborationEvents.CollaborationChanged(action, allianceId, subject, summary));
	}

	private void touched(String action, long id) {
		record Row(long allianceId, String name) {
		}
		Row r = jdbc.sql("select alliance_id, name from collab_base where id = ?").param(id)
			.query((rs, i) -> new Row(rs.getLong(1), rs.getString(2))).single();
		changed(action, r.allianceId(), "base:" + id, r.name());
	}
}
