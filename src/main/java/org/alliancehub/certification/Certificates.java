package org.alliancehub.certification;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.alliancehub.certification.CertificationEvents.CertificateIssued;
import org.alliancehub.certification.CertificationEvents.CertificateStatusChanged;
import org.alliancehub.certification.internal.Canonical;
import org.alliancehub.certification.internal.CertificatePdf;
import org.alliancehub.certification.internal.SigningKeys;
import org.alliancehub.identity.Access;
import org.alliancehub.membership.Memberships;
import org.alliancehub.membership.Organization;
import org.alliancehub.membership.Organizations;
import org.alliancehub.network.Alliance;
import org.alliancehub.network.Alliances;
import org.alliancehub.platform.AllianceHubProperties;
import org.alliancehub.shared.Conflict;
import org.alliancehub.shared.Invalid;
import org.alliancehub.shared.NotFound;
import org.alliancehub.shared.PageResult;
import org.alliancehub.shared.Paging;
import org.alliancehub.shared.Strings;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register of certificates: an alliance's secretariat (or the network's administrator) issues them for an
 * organisation or one of its products, suspends, reinstates or revokes them with a reason; anyone reads one by its
 * number with its status today or on any past day. Each certificate and each change of status is signed with the
 * alliance's key over its canonical text when it is written, and every read checks those signatures against the
 * row as it is now, so a record altered in the database is reported, never shown as valid.
 */
@Service("certificates")
public class Certificates {

	/** Days are counted in China's time: a certificate valid until 12-31 is valid all of that day in Beijing. */
	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	static final Pattern NUMBER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{2,59}");

	private final JdbcClient jdbc;

	private final Access access;

	private final Alliances alliances;

	private final Organizations organizations;

	private final Memberships memberships;

	private final SigningKeys keys;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final AllianceHubProperties properties;

	private final CertificatePdf pdf;

	Certificates(CertificatePdf pdf, JdbcClient jdbc, Access access, Alliances alliances, Organizations organizations, Memberships memberships,
			SigningKeys keys, ApplicationEventPublisher events, Clock clock, AllianceHubProperties properties) {
		this.jdbc = jdbc;
		this.access = access;
		this.alliances = alliances;
		this.organizations = organizations;
		this.memberships = memberships;
		this.keys = keys;
		this.events = events;
		this.clock = clock;
		this.properties = properties;
		this.pdf = pdf;
	}

	/**
	 * A certificate to issue. {@code number} may be given (letters, digits and hyphens, 3–60); otherwise one is made
	 * from the alliance's name, the kind and the year. {@code issuer} defaults to the alliance's name.
	 */
	public record NewCertificate(@Nullable String kind, @Nullable Long holderOrganizationId, @Nullable String product,
			@Nullable String subject, @Nullable String standardNumber, @Nullable String scope, @Nullable String issuedOn,
			@Nullable String validUntil, @Nullable String issuer, @Nullable String number) {
	}

	/** A change of status: {@code VALID} (reinstate), {@code SUSPENDED} or {@code REVOKED}, from a day (today by default). */
	public record StatusInput(@Nullable String status, @Nullable String reason, @Nullable String effectiveOn) {
	}

	/** An alliance's public signing key, as published. */
	public record SigningKey(String alliance, long allianceId, String algorithm, String publicKeyPem, String fingerprint) {
	}

	public LocalDate today() {
		return LocalDate.now(clock.withZone(ZONE));
	}

	@Transactional
	public CertificateView issue(String slug, NewCertificate c) {
		Alliance alliance = alliances.get(slug);
		List<Invalid.FieldError> errors = new ArrayList<>();
		CertificateKind kind = kind(c.kind(), errors);
		Organization holder = null;
		if (c.holderOrganizationId() == null) {
			errors.add(new Invalid.FieldError("holderOrganizationId", "required"));
		}
		else {
			try {
				holder = organizations.get(c.holderOrganizationId());
				if (kind == CertificateKind.MEMBERSHIP && !memberships.isActiveMember(alliance.id(), holder.id())) {
					errors.add(new Invalid.FieldError("holderOrganizationId",
							"a membership certificate is issued to an active member of the alliance only"));
				}
			}
			catch (NotFound e) {
				errors.add(new Invalid.FieldError("holderOrganizationId", "no such organisation"));
			}
		}
		String product = text(c.product(), "product", 200, false, errors);
		if (kind == CertificateKind.PRODUCT_CERTIFICATION && product == null && !errors.stream()
			.anyMatch(e -> e.field().equals("product"))) {
			errors.add(new Invalid.FieldError("product", "a product certification names its product"));
		}
		String subject = text(c.subject(), "subject", 300, true, errors);
		String standard = text(c.standardNumber(), "standardNumber", 60, false, errors);
		String scope = text(c.scope(), "scope", 5000, true, errors);
		LocalDate issuedOn = date(c.issuedOn(), "issuedOn", errors);
		LocalDate validUntil = date(c.validUntil(), "validUntil", errors);
		if (issuedOn != null && validUntil != null && !validUntil.isAfter(issuedOn)) {
			errors.add(new Invalid.FieldError("validUntil", "after issuedOn"));
		}
		if (issuedOn != null && issuedOn.isAfter(today())) {
			errors.add(new Invalid.FieldError("issuedOn", "today or earlier"));
		}
		String issuer = text(c.issuer(), "issuer", 300, false, errors);
		String number = Strings.blankToNull(c.number());
		if (number != null) {
			number = number.strip();
			if (!NUMBER.matcher(number).matches()) {
				errors.add(new Invalid.FieldError("number", "3–60 letters, digits and hyphens, starting with a letter or digit"));
			}
		}
		if (!errors.isEmpty() || kind == null || holder == null || subject == null || scope == null || issuedOn == null
				|| validUntil == null) {
			throw new Invalid(errors);
		}
		if (number == null) {
			long seq = jdbc.sql("select nextval('certification_number_seq')").query(Long.class).single();
			number = prefix(alliance) + "-" + kind.code() + "-" + issuedOn.getYear() + "-" + String.format("%06d", seq);
		}
		else if (exists(number)) {
			throw new Conflict("certificate number " + number + " is taken");
		}
		String by = issuer == null ? alliance.name() : issuer;
		String canonical = Canonical.certificate(number, alliance.id(), kind.name(), holder.id(), holder.name(), product,
				subject, standard, scope, issuedOn, validUntil, by);
		long id;
		try {
			id = jdbc.sql("""
					insert into certification_certificate (number, alliance_id, kind, holder_organization_id, holder_name,
					  product, subject, standard_number, scope, issued_on, valid_until, issuer, signature, state_signature,
					  created_by)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
				.params(number, alliance.id(), kind.name(), holder.id(), holder.name(), product, subject, standard, scope,
						issuedOn, validUntil, by, keys.sign(alliance.id(), canonical), new byte[0], access.requireUser().id())
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException e) {
			throw new Conflict("certificate number " + number + " is taken");
		}
		addChange(id, number, alliance.id(), 0, CertificateStatus.VALID, issuedOn, "issued", actor());
		seal(number);
		events.publishEvent(new CertificateIssued(number, alliance.id(), kind.name() + " " + subject + " · " + holder.name()));
		return get(number, null);
	}

	/** Suspends, reinstates or revokes; the change is signed and kept in the trail. */
	@Transactional
	public CertificateView changeStatus(String number, StatusInput s) {
		Row row = row(number).orElseThrow(() -> new NotFound("certificate " + number));
		jdbc.sql("select id from certification_certificate where id = ? for update").param(row.id()).query(Long.class).single();
		List<Invalid.FieldError> errors = new ArrayList<>();
		CertificateStatus status = null;
		if (s.status() == null || s.status().isBlank()) {
			errors.add(new Invalid.FieldError("status", "one of VALID, SUSPENDED, REVOKED"));
		}
		else {
			try {
				status = CertificateStatus.valueOf(s.status().strip().toUpperCase(Locale.ROOT));
				if (status == CertificateStatus.EXPIRED) {
					errors.add(new Invalid.FieldError("status", "EXPIRED follows from validUntil and is never set"));
				}
			}
			catch (IllegalArgumentException e) {
				errors.add(new Invalid.FieldError("status", "one of VALID, SUSPENDED, REVOKED"));
			}
		}
		String reason = text(s.reason(), "reason", 500, true, errors);
		LocalDate today = today();
		LocalDate effective = s.effectiveOn() == null || s.effectiveOn().isBlank() ? today
				: date(s.effectiveOn(), "effectiveOn", errors);
		if (effective != null && effective.isAfter(today)) {
			errors.add(new Invalid.FieldError("effectiveOn", "today or earlier"));
		}
		if (effective != null && effective.isBefore(row.issuedOn())) {
			errors.add(new Invalid.FieldError("effectiveOn", "on or after issuedOn"));
		}
		if (!errors.isEmpty() || status == null || reason == null || effective == null) {
			throw new Invalid(errors);
		}
		List<CertificateView.StatusChange> trail = trail(row.id());
		CertificateView.StatusChange last = trail.get(trail.size() - 1);
		if (last.status() == CertificateStatus.REVOKED) {
			throw new Conflict("a revoked certificate stays revoked");
		}
		if (last.status() == status) {
			throw new Conflict("the certificate is " + status + " already");
		}
		if (today.isAfter(row.validUntil())) {
			throw new Conflict("the certificate expired on " + row.validUntil() + "; its status is final");
		}
		if (effective.isBefore(last.effectiveOn())) {
			throw new Conflict("the last change took effect on " + last.effectiveOn() + "; a change cannot precede it");
		}
		addChange(row.id(), number, row.allianceId(), last.seq() + 1, status, effective, reason, actor());
		jdbc.sql("update certification_certificate set version = version + 1, updated_at = now() where id = ?")
			.param(row.id())
			.update();
		seal(number);
		events.publishEvent(new CertificateStatusChanged(number, row.allianceId(), status + ": " + reason));
		return get(number, null);
	}

	/** The id of a certificate by its number, for the access rule; NotFound when there is none. */
	public long idOf(String number) {
		return jdbc.sql("select id from certification_certificate where number = ?")
			.param(number)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new NotFound("certificate " + number));
	}

	public boolean exists(String number) {
		return jdbc.sql("select exists(select 1 from certification_certificate where number = ?)").param(number)
			.query(Boolean.class)
			.single();
	}

	/** A certificate with its status today and on {@code on} (today when null), its signatures checked. */
	public CertificateView get(String number, @Nullable LocalDate on) {
		Row r = row(number).orElseThrow(() -> new NotFound("certificate " + number));
		return view(r, on);
	}

	/** The organisation's certificates valid today, in the order they were issued (the 上一资质/下一资质 order). */
	public List<CertificateSummary> validOf(long holderOrganizationId) {
		return summaries("where c.holder_organization_id = ? order by c.issued_on, c.number", List.of(holderOrganizationId))
			.stream()
			.filter(s -> s.status() == CertificateStatus.VALID)
			.toList();
	}

	/**
	 * The certificates attesting conformity to the standard with this number (a hyphen taken for the dash, as the
	 * standards do), in the order they were issued, with their status today.
	 */
	public List<CertificateSummary> attesting(String standardNumber) {
		return summaries("where replace(c.standard_number, '-', '—') = ? order by c.issued_on, c.number",
				List.of(standardNumber.strip().replace('-', '—')));
	}

	/** An alliance's certificates, newest first. */
	public PageResult<CertificateSummary> register(String slug, Paging paging) {
		Alliance a = alliances.get(slug);
		long total = jdbc.sql("select count(*) from certification_certificate where alliance_id = ?").param(a.id())
			.query(Long.class)
			.single();
		return new PageResult<>(summaries("where c.alliance_id = ? order by c.id desc limit ? offset ?",
				List.of(a.id(), paging.size(), paging.offset())), paging.page(), paging.size(), total);
	}

	public SigningKey signingKey(String slug) {
		Alliance a = alliances.get(slug);
		return new SigningKey(a.slug(), a.id(), "Ed25519", keys.pem(a.id()), keys.fingerprint(a.id()));
	}

	/**
	 * Checks a signed content and signature taken from a PDF: against the key of the alliance it names, then
	 * against the register's record of its number.
	 */
	public Verification verifySigned(@Nullable String canonical, byte @Nullable [] signature) {
		if (canonical == null || signature == null || !canonical.startsWith(Canonical.CERTIFICATE + "\n")) {
			return new Verification(Verification.Outcome.UNKNOWN, Verification.Detail.NO_SIGNED_CONTENT, null, null);
		}
		String number = Canonical.field(canonical, "number");
		String alliance = Canonical.field(canonical, "alliance");
		if (number == null || alliance == null || !alliance.matches("\\d{1,18}")) {
			return new Verification(Verification.Outcome.UNKNOWN, Verification.Detail.NO_SIGNED_CONTENT, null, null);
		}
		Row r = row(number).orElse(null);
		if (r == null) {
			return new Verification(Verification.Outcome.UNKNOWN, Verification.Detail.NOT_IN_REGISTER, number, null);
		}
		CertificateView record = view(r, null);
		if (Long.parseLong(alliance) != r.allianceId() || !keys.verify(r.allianceId(), canonical, signature)) {
			return new Verification(Verification.Outcome.ALTERED, Verification.Detail.SIGNATURE_INVALID, number, record);
		}
		if (!record.intact()) {
			return new Verification(Verification.Outcome.ALTERED, Verification.Detail.RECORD_ALTERED, number, record);
		}
		if (!record.canonical().equals(canonical)) {
			return new Verification(Verification.Outcome.ALTERED, Verification.Detail.DIFFERS_FROM_RECORD, number, record);
		}
		return new Verification(Verification.Outcome.VALID, Verification.Detail.MATCHES_RECORD, number, record);
	}

	/** The certificate's PDF as it stands in the register (its content and signature embedded). */
	public byte[] pdf(String number, Locale locale) {
		return pdf.render(get(number, null), locale);
	}

	/** What an uploaded PDF is: the content it carries checked against its signature and the register. */
	public Verification verifyPdf(byte[] document) {
		CertificatePdf.Signed s = CertificatePdf.signed(document);
		return verifySigned(s.content(), s.signature());
	}

	/** Marks a certificate written for the demo (its page says so). */
	@Transactional
	public void markDemo(String number) {
		jdbc.sql("update certification_certificate set demo = true where number = ?").param(number).update();
	}

	// ---- rows, trail, views

	record Row(long id, String number, long allianceId, String kind, long holderId, String holderName,
			@Nullable String product, String subject, @Nullable String standard, String scope, LocalDate issuedOn,
			LocalDate validUntil, String issuer, byte[] signature, byte[] stateSignature, boolean demo) {

		String canonical() {
			return Canonical.certificate(number, allianceId, kind, holderId, holderName, product, subject, standard,
					scope, issuedOn, validUntil, issuer);
		}
	}

	private java.util.Optional<Row> row(String number) {
		return jdbc.sql("""
				select id, number, alliance_id, kind, holder_organization_id, holder_name, product, subject, standard_number,
				  scope, issued_on, valid_until, issuer, signature, state_signature, demo from certification_certificate
				where number = ?""")
			.param(number)
			.query((rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getLong(5),
					rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
					rs.getObject(11, LocalDate.class), rs.getObject(12, LocalDate.class), rs.getString(13), rs.getBytes(14),
					rs.getBytes(15), rs.getBoolean(16)))
			.optional();
	}

	private record Change(CertificateView.StatusChange change, byte[] signature) {
	}

	private List<Change> changes(long certificateId) {
		return jdbc.sql("""
				select seq, status, effective_on, reason, changed_by, changed_at, signature from certification_status_change
				where certificate_id = ? order by seq""")
			.param(certificateId)
			.query((rs, i) -> new Change(new CertificateView.StatusChange(rs.getInt(1), statusOf(rs.getString(2)),
					rs.getObject(3, LocalDate.class), rs.getString(4), rs.getString(5),
					rs.getObject(6, OffsetDateTime.class)), rs.getBytes(7)))
			.list();
	}

	private List<CertificateView.StatusChange> trail(long certificateId) {
		return changes(certificateId).stream().map(Change::change).toList();
	}

	private CertificateView view(Row r, @Nullable LocalDate on) {
		List<Change> changes = changes(r.id());
		String canonical = r.canonical();
		CertificateKind kind = kindOf(r.kind());
		// one check covers the content, the certificate's signature and the whole trail (see seal)
		boolean intact = kind != null && keys.verify(r.allianceId(), state(r, canonical, changes), r.stateSignature());
		for (int i = 0; intact && i < changes.size(); i++) {
			intact = changes.get(i).change().seq() == i && changes.get(i).change().status() != null;
		}
		intact &= !changes.isEmpty();
		List<CertificateView.StatusChange> history = changes.stream().map(Change::change).toList();
		LocalDate today = today();
		LocalDate day = on == null ? today : on;
		CertificateStatus now = statusOn(r, history, today);
		CertificateStatus then = statusOn(r, history, day);
		Alliance a = alliances.get(r.allianceId());
		return new CertificateView(r.id(), r.number(), a.slug(), a.name(), kind == null ? CertificateKind.QUALIFICATION : kind,
				r.holderId(), r.holderName(), r.product(), r.subject(), r.standard(), r.scope(), r.issuedOn(), r.validUntil(),
				r.issuer(), now == null ? CertificateStatus.VALID : now, intact && now == CertificateStatus.VALID, day, then,
				intact && then == CertificateStatus.VALID, intact, history, r.demo(),
				properties.link("/certificates/" + r.number()), canonical, Base64.getEncoder().encodeToString(r.signature()));
	}

	/** The status on a day from the trail: the last change in effect, EXPIRED after valid-until; null before issue. */
	static @Nullable CertificateStatus statusOn(Row r, List<CertificateView.StatusChange> history, LocalDate day) {
		if (day.isBefore(r.issuedOn())) {
			return null;
		}
		CertificateStatus s = null;
		for (CertificateView.StatusChange c : history) {
			if (!c.effectiveOn().isAfter(day)) {
				s = c.status();
			}
		}
		if (s == null) {
			return null;
		}
		if (s != CertificateStatus.REVOKED && day.isAfter(r.validUntil())) {
			return CertificateStatus.EXPIRED;
		}
		return s;
	}

	private List<CertificateSummary> summaries(String where, List<Object> params) {
		record S(String number, long allianceId, CertificateKind kind, long holder, String holderName, String subject,
				LocalDate issuedOn, LocalDate validUntil, @Nullable String last, boolean demo) {
		}
		List<S> rows = jdbc.sql("""
				select c.number, c.alliance_id, c.kind, c.holder_organization_id, c.holder_name, c.subject, c.issued_on,
				  c.valid_until, (select s.status from certification_status_change s where s.certificate_id = c.id
				    and s.effective_on <= ? order by s.seq desc limit 1), c.demo
				from certification_certificate c """ + " " + where)
			.params(concat(today(), params))
			.query((rs, i) -> new S(rs.getString(1), rs.getLong(2), kindOf(rs.getString(3)), rs.getLong(4), rs.getString(5),
					rs.getString(6), rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class), rs.getString(9),
					rs.getBoolean(10)))
			.list();
		java.util.Map<Long, String> slugs = alliances.slugs(rows.stream().map(S::allianceId).distinct().toList());
		LocalDate today = today();
		return rows.stream().map(s -> {
			CertificateStatus st = s.last() == null ? CertificateStatus.VALID : statusOf(s.last());
			if (st != CertificateStatus.REVOKED && today.isAfter(s.validUntil())) {
				st = CertificateStatus.EXPIRED;
			}
			return new CertificateSummary(s.number(), slugs.getOrDefault(s.allianceId(), ""), s.kind(), s.holder(),
					s.holderName(), s.subject(), s.issuedOn(), s.validUntil(), st, s.demo());
		}).toList();
	}

	private static List<Object> concat(Object first, List<Object> rest) {
		List<Object> all = new ArrayList<>(rest.size() + 1);
		all.add(first);
		all.addAll(rest);
		return all;
	}

	private static String state(Row r, String canonical, List<Change> changes) {
		return Canonical.state(Base64.getEncoder().encodeToString(r.signature()), canonical, changes.stream()
			.map(c -> Canonical.statusChange(r.number(), c.change().seq(),
					c.change().status() == null ? "?" : c.change().status().name(), c.change().effectiveOn(),
					c.change().reason(), c.change().changedBy()))
			.toList());
	}

	/** Signs the record's whole state again, after it was issued or changed (in the same transaction). */
	private void seal(String number) {
		Row r = row(number).orElseThrow();
		byte[] state = keys.sign(r.allianceId(), state(r, r.canonical(), changes(r.id())));
		jdbc.sql("update certification_certificate set state_signature = ? where id = ?").params(state, r.id()).update();
	}

	private void addChange(long id, String number, long allianceId, int seq, CertificateStatus status, LocalDate effective,
			String reason, String by) {
		byte[] signature = keys.sign(allianceId, Canonical.statusChange(number, seq, status.name(), effective, reason, by));
		jdbc.sql("""
				insert into certification_status_change (certificate_id, seq, status, effective_on, reason, changed_by, signature)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(id, seq, status.name(), effective, reason, by, signature)
			.update();
	}

	private String actor() {
		var u = access.requireUser();
		return u.displayName() + " (" + u.getUsername() + ")";
	}

	/** A generated number's prefix: the alliance's URL name in capitals (HUANBAO-ZHUANGBEI-QC-2026-000007). */
	private static String prefix(Alliance a) {
		String p = a.slug().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9-]", "");
		return p.length() > 36 ? p.substring(0, 36) : p;
	}

	private static @Nullable CertificateKind kindOf(String s) {
		try {
			return CertificateKind.valueOf(s);
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	private static @Nullable CertificateStatus statusOf(String s) {
		try {
			return CertificateStatus.valueOf(s);
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	private static @Nullable CertificateKind kind(@Nullable String value, List<Invalid.FieldError> errors) {
		if (value != null && !value.isBlank()) {
			try {
				return CertificateKind.valueOf(value.strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException e) {
				// named below
			}
		}
		errors.add(new Invalid.FieldError("kind", "one of " + Arrays.toString(CertificateKind.values())));
		return null;
	}

	private static @Nullable String text(@Nullable String value, String field, int max, boolean required,
			List<Invalid.FieldError> errors) {
		String v = Strings.blankToNull(value);
		if (v != null) {
			v = v.strip();
		}
		if (v == null && required) {
			errors.add(new Invalid.FieldError(field, "required"));
		}
		else if (v != null && v.length() > max) {
			errors.add(new Invalid.FieldError(field, "at most " + max + " characters"));
		}
		return v;
	}

	private static @Nullable LocalDate date(@Nullable String value, String field, List<Invalid.FieldError> errors) {
		if (value == null || value.isBlank()) {
			errors.add(new Invalid.FieldError(field, "a date (YYYY-MM-DD)"));
			return null;
		}
		try {
			LocalDate d = LocalDate.parse(value.strip());
			if (d.getYear() < 1950 || d.getYear() > 2200) {
				errors.add(new Invalid.FieldError(field, "not a plausible date"));
				return null;
			}
			return d;
		}
		catch (DateTimeParseException e) {
			errors.add(new Invalid.FieldError(field, "a date (YYYY-MM-DD)"));
			return null;
		}
	}
}
