package org.alliancehub.collaboration;

import org.alliancehub.shared.Strings;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.alliancehub.collaboration.CollaborationTypes.BaseStatus;
import org.alliancehub.collaboration.CollaborationTypes.PartyKind;
import org.alliancehub.collaboration.CollaborationTypes.Visibility;
import org.alliancehub.identity.Access;
import org.alliancehub.membership.Organizations;
import org.alliancehub.network.Alliance;
import org.alliancehub.network.Alliances;
import org.alliancehub.platform.Uploads;
import org.alliancehub.shared.Conflict;
import org.alliancehub.shared.Invalid;
import org.alliancehub.shared.NotFound;
import org.alliancehub.shared.PageResult;
import org.alliancehub.shared.Paging;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Strategic cooperation agreements (战略合作协议) an alliance or the network signed: their parties (organisations,
 * alliances, or outside bodies such as a city government), subject, date and place, the signed document and
 * what came of them. An agreement records a fact already signed; the secretariat keeps it.
 */
@Service
public class Agreements {

	private final JdbcClient jdbc;

	private final org.springframework.context.ApplicationEventPublisher events;

	private final Access access;

	private final Alliances alliances;

	private final Organizations organizations;

	private final Uploads uploads;

	Agreements(JdbcClient jdbc, Access access, Alliances alliances, Organizations organizations, Uploads uploads,
			org.springframework.context.ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.access = access;
		this.alliances = alliances;
		this.organizations = organizations;
		this.uploads = uploads;
		this.events = events;
	}

	/** A party: an organisation by id, an alliance by slug, or an outside body by name. */
	public record PartyInput(@NotNull PartyKind kind, @Nullable Long organizationId, @Nullable @Size(max = 100) String alliance,
			@Nullable @Size(max = 300) String name) {
	}

	public record NewAgreement(@NotBlank @Size(max = 300) String title, @Nullable @Size(max = 2000) String subject,
			@Nullable LocalDate signedOn, @Nullable @Size(max = 200) String signedPlace,
			@Nullable @Size(max = 20_000) String outcomes, @Nullable Visibility visibility,
			@NotEmpty @Size(max = 20) List<@NotNull @Valid PartyInput> parties) {
	}

	public record AgreementPatch(@Nullable @Size(min = 1, max = 300) String title, @Nullable @Size(max = 2000) String subject,
			@Nullable @Size(max = 20_000) String outcomes, @Nullable Visibility visibility, @Nullable Long version) {
	}

	@Transactional
	public AgreementView record(String slug, NewAgreement a) {
		Alliance owner = alliances.get(slug);
		List<Invalid.FieldError> errors = new ArrayList<>();
		List<String> names = new ArrayList<>();
		List<Object[]> rows = new ArrayList<>();
		for (int i = 0; i < a.parties().size(); i++) {
			PartyInput p = a.parties().get(i);
			String at = "parties[" + i + "].";
			switch (p.kind()) {
				case ORGANIZATION -> {
					if (p.organizationId() == null) {
						errors.add(new Invalid.FieldError(at + "organizationId", "required for an organisation"));
					}
					else {
						try {
							rows.add(new Object[] { p.kind().name(), p.organizationId(), null,
									organizations.get(p.organizationId()).name() });
						}
						catch (NotFound e) {
							errors.add(new Invalid.FieldError(at + "organizationId", "no such organisation"));
						}
					}
				}
				case ALLIANCE -> {
					var party = p.alliance() == null ? java.util.Optional.<Alliance>empty() : alliances.find(p.alliance());
					if (party.isEmpty()) {
						errors.add(new Invalid.FieldError(at + "alliance", "no such alliance"));
					}
					else {
						rows.add(new Object[] { p.kind().name(), null, party.get().id(), party.get().name() });
					}
				}
				case OUTSIDE_BODY -> {
					if (p.name() == null || p.name().isBlank()) {
						errors.add(new Invalid.FieldError(at + "name", "required for an outside body"));
					}
					else {
						rows.add(new Object[] { p.kind().name(), null, null, p.name().strip() });
					}
				}
			}
		}
		Projects.plausible(a.signedOn(), "signedOn", errors);
		if (!errors.isEmpty()) {
			throw new Invalid(errors);
		}
		long id = jdbc.sql("""
				insert into collab_agreement (alliance_id, title, subject, signed_on, signed_place, outcomes, visibility)
				values (?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(owner.id(), a.title().strip(), Strings.blankToNull(a.subject()), a.signedOn(),
					Strings.blankToNull(a.signedPlace()), Strings.blankToNull(a.outcomes()),
					(a.visibility() == null ? Visibility.PUBLIC : a.visibility()).name())
			.query(Long.class)
			.single();
		for (int i = 0; i < rows.size(); i++) {
			Object[] r = rows.get(i);
			jdbc.sql("insert into collab_agreement_party (agreement_id, position, kind, organization_id, party_alliance_id, name) values (?, ?, ?, ?, ?, ?)")
				.params(id, i + 1, r[0], r[1], r[2], r[3])
				.update();
		}
		touched("agreement.recorded", id);
		return get(id);
	}

	@Transactional
	public void markDemo(long id) {
		jdbc.sql("update collab_agreement set demo = true where id = ?").param(id).update();
	}

	@Transactional
	public AgreementView update(long id, AgreementPatch p) {
		AgreementView a = get(id);
		if (p.version() != null && p.version() != a.version()) {
			throw Conflict.staleVersion("the agreement");
		}
		jdbc.sql("""
				update collab_agreement set title = ?, subject = ?, outcomes = ?, visibility = ?, version = version + 1,
				  updated_at = now() where id = ?""")
			.params(p.title() != null ? p.title().strip() : a.title(), p.subject() != null ? p.subject() : a.subject(),
					p.outcomes() != null ? p.outcomes() : a.outcomes(),
					(p.visibility() != null ? p.visibility() : a.visibility()).name(), id)
			.update();
		touched("agreement.changed", id);
		return get(id);
	}

	/** The signed document (PDF, office file, scan). */
	@Transactional
	public AgreementView attach(long id, String filename, long size, InputStream content) {
		get(id);
		Uploads.Stored s = uploads.store(filename, size, content, Uploads.DOCUMENTS);
		jdbc.sql("""
				update collab_agreement set document_filename = ?, document_content_type = ?, document_size = ?,
				  document_sha256 = ?, version = version + 1, updated_at = now() where id = ?""")
			.params(s.filename(), s.contentType(), s.sizeBytes(), s.sha256(), id)
			.update();
		touched("agreement.document-attached", id);
		return get(id);
	}

	public record StoredDocument(AgreementView.Document document, java.nio.file.Path path) {
	}

	public StoredDocument document(long id) {
		AgreementView a = get(id);
		String sha = jdbc.sql("select document_sha256 from collab_agreement where id = ?").param(id).query(String.class)
			.optional().orElse(null);
		if (a.document() == null || sha == null) {
			throw new NotFound("document of agreement " + id);
		}
		return new StoredDocument(a.document(), uploads.path(sha));
	}

	public AgreementView get(long id) {
		record Row(long allianceId, String title, @Nullable String subject, @Nullable LocalDate signedOn,
				@Nullable String place, @Nullable String outcomes, Visibility visibility, AgreementView.@Nullable Document doc,
				boolean demo, long version) {
		}
		Row r = jdbc.sql("""
				select alliance_id, title, subject, signed_on, signed_place, outcomes, visibility, document_filename,
				  document_content_type, document_size, demo, version from collab_agreement where id = ?""")
			.param(id)
			.query((rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class),
					rs.getString(5), rs.getString(6), Visibility.valueOf(rs.getString(7)),
					rs.getString(8) == null ? null : new AgreementView.Document(rs.getString(8), rs.getString(9),
							rs.getLong(10), "/api/v1/agreements/" + id + "/document"),
					rs.getBoolean(11), rs.getLong(12)))
			.optional()
			.orElseThrow(() -> new NotFound("agreement " + id));
		List<AgreementView.Party> parties = jdbc.sql("""
				select kind, organization_id, party_alliance_id, name from collab_agreement_party where agreement_id = ?
				order by position""")
			.param(id)
			.query((rs, i) -> {
				Long allianceId = (Long) rs.getObject(3);
				return new AgreementView.Party(PartyKind.valueOf(rs.getString(1)), (Long) rs.getObject(2),
						allianceId == null ? null : alliances.get(allianceId).slug(), rs.getString(4));
			})
			.list();
		List<AgreementView.BaseLine> bases = jdbc.sql("select id, name, status from collab_base where agreement_id = ? order by id")
			.param(id)
			.query((rs, i) -> new AgreementView.BaseLine(rs.getLong(1), rs.getString(2), BaseStatus.valueOf(rs.getString(3))))
			.list();
		Alliance a = alliances.get(r.allianceId());
		return new AgreementView(id, a.slug(), a.displayShortName(), r.title(), r.subject(), r.signedOn(), r.place(),
				r.outcomes(), r.visibility(), parties, r.doc(), bases, r.demo(), r.version());
	}

	/** The register of an alliance, or of the whole network; only what the caller may read. */
	public PageResult<AgreementView> register(@Nullable String slug, Paging paging) {
		StringBuilder where = new StringBuilder("where ");
		List<Object> params = new ArrayList<>();
		Readable.publicOrMembers(access, where, params);
		if (slug != null) {
			Alliance a = alliances.get(slug);
			if (!a.isNetwork()) {
				where.append(" and t.alliance_id = ?");
				params.add(a.id());
			}
		}
		long total = jdbc.sql("select count(*) from collab_agreement t " + where).params(params).query(Long.class).single();
		List<Object> all = new ArrayList<>(params);
		all.add(paging.size());
		all.add(paging.offset());
		List<Long> ids = jdbc.sql("select t.id from collab_agreement t " + where
				+ " order by t.signed_on desc nulls last, t.id desc limit ? offset ?")
			.params(all)
			.query(Long.class)
			.list();
		return new PageResult<>(ids.stream().map(this::get).toList(), paging.page(), paging.size(), total);
	}

	/** Whether an agreement belongs to the alliance (for the bases it sets up). */
	boolean ownedBy(long agreementId, long allianceId) {
		return jdbc.sql("select exists(select 1 from collab_agreement where id = ? and alliance_id = ?)")
			.params(agreementId, allianceId)
			.query(Boolean.class)
			.single();
	}

	private void changed(String action, long allianceId, String subject, String summary) {
		events.publishEvent(new CollaborationEvents.CollaborationChanged(action, allianceId, subject, summary));
	}

	private void touched(String action, long id) {
		record Row(long allianceId, String title) {
		}
		Row r = jdbc.sql("select alliance_id, title from collab_agreement where id = ?").param(id)
			.query((rs, i) -> new Row(rs.getLong(1), rs.getString(2))).single();
		changed(action, r.allianceId(), "agreement:" + id, r.title());
	}
}
