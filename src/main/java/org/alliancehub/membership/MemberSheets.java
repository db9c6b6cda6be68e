package org.alliancehub.membership;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.alliancehub.network.Alliances;
import org.alliancehub.shared.Invalid;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An alliance's member list in and out of Excel: the list as {@code .xlsx}, a blank template, and the import
 * of a filled template in two steps. {@link #preview} reads the sheet and says row by row what would be
 * created, changed or refused and why, saving nothing; {@link #apply} saves a preview, all of it in one
 * transaction. An organisation that exists already is matched by its name, never duplicated, and joins
 * through {@link Admissions}: an organisation another alliance registered, or that has a representative, is
 * invited and becomes a member only when it accepts.
 */
@Service
public class MemberSheets {

	/** The largest sheet read: a member list, not a directory. */
	public static final int MAX_ROWS = 2_000;

	/** Columns of the template, in order (message keys of their headings: memberSheet.column.*). */
	public static final List<String> COLUMNS = List.of("organization", "type", "region", "role", "since",
			"contactName", "contactEmail");

	/** What importing a row does. */
	public enum Action {
		/** a new organisation, registered by the alliance and taken in */
		CREATE,
		/** an organisation the alliance may take in directly */
		JOIN,
		/** an organisation that must consent: it is invited */
		INVITE,
		/** a member already: its role, date or contact change */
		CHANGE,
		/** a member already, nothing to change */
		UNCHANGED,
		/** the row is wrong: nothing is done with it */
		REFUSE
	}

	/**
	 * One row of the sheet as read: {@code line} is the spreadsheet's row number; {@code reason} a message key
	 * (memberSheet.reason.*) saying why a row is refused or what happens to it, {@code detail} what was wrong.
	 */
	public record Line(int line, String organization, @Nullable OrganizationType type, @Nullable String region,
			@Nullable MembershipRole role, @Nullable LocalDate since, @Nullable String contactName,
			@Nullable String contactEmail, Action action, @Nullable String reason, @Nullable String detail,
			@Nullable Long organizationId) {

		public boolean refused() {
			return action == Action.REFUSE;
		}
	}

	/** A sheet read for an alliance, not saved yet. */
	public record Preview(long allianceId, List<Line> lines) {

		public long count(Action a) {
			return lines.stream().filter(l -> l.action() == a).count();
		}
	}

	/** What saving a preview did. */
	public record Outcome(int created, int joined, int invited, int changed, int refused) {
	}

	/** How far saving has come (rows done of all rows). */
	@FunctionalInterface
	public interface Progress {

		void step(int done, int total);
	}

	private static final String EMAIL = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";

	private final JdbcClient jdbc;

	private final Memberships memberships;

	private final Organizations organizations;

	private final Admissions admissions;

	private final Alliances alliances;

	private final Representation representation;

	MemberSheets(JdbcClient jdbc, Memberships memberships, Organizations organizations, Admissions admissions,
			Alliances alliances, Representation representation) {
		this.jdbc = jdbc;
		this.memberships = memberships;
		this.organizations = organizations;
		this.admissions = admissions;
		this.alliances = alliances;
		this.representation = representation;
	}

	/** The blank template: headings, and one example row, in the words of {@code text} (key → text). */
	public byte[] template(Function<String, String> text, Function<Enum<?>, String> label) {
		return write(text, List.<String[]>of(new String[] { text.apply("memberSheet.example.organization"),
				label.apply(OrganizationType.ENTERPRISE), "浙江省", label.apply(MembershipRole.MEMBER), "2026-01-01",
				text.apply("memberSheet.example.contactName"), "contact@example.com" }));
	}

	/** The alliance's members (not withdrawn) in roll order, in the columns of the template. */
	public byte[] export(long allianceId, Function<String, String> text, Function<Enum<?>, String> label) {
		Map<Long, String[]> contacts = new HashMap<>();
		jdbc.sql("select organization_id, contact_name, contact_email from membership where alliance_id = ?")
			.param(allianceId)
			.query(rs -> {
				contacts.put(rs.getLong(1), new String[] { rs.getString(2), rs.getString(3) });
			});
		List<String[]> rows = new ArrayList<>();
		for (Member m : memberships.members(allianceId, null, null)) {
			String[] c = contacts.getOrDefault(m.organizationId(), new String[2]);
			rows.add(new String[] { m.organizationName(), label.apply(m.organizationType()),
					m.region() == null ? "" : m.region(), label.apply(m.role()),
					m.since() == null ? "" : m.since().toString(), c[0] == null ? "" : c[0], c[1] == null ? "" : c[1] });
		}
		return write(text, rows);
	}

	private static byte[] write(Function<String, String> text, List<String[]> rows) {
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = book.createSheet(text.apply("memberSheet.sheet"));
			Row head = sheet.createRow(0);
			for (int i = 0; i < COLUMNS.size(); i++) {
				head.createCell(i).setCellValue(text.apply("memberSheet.column." + COLUMNS.get(i)));
				sheet.setColumnWidth(i, (i == 0 ? 40 : 16) * 256);
			}
			for (int r = 0; r < rows.size(); r++) {
				Row row = sheet.createRow(r + 1);
				String[] values = rows.get(r);
				for (int i = 0; i < values.length; i++) {
					row.createCell(i).setCellValue(values[i]);
				}
			}
			book.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	/**
	 * Reads a filled template and says what importing it would do, row by row; saves nothing. Type and role
	 * are read by their label in any language (企业, Enterprise) or their code (ENTERPRISE). A file that is
	 * no spreadsheet, or has more than {@link #MAX_ROWS} rows, is Invalid.
	 */
	@Transactional(readOnly = true)
	public Preview preview(long allianceId, InputStream xlsx, Function<String, @Nullable Enum<?>> byLabel) {
		List<String[]> rows = read(xlsx);
		Map<Long, Member> members = new HashMap<>();
		for (Member m : memberships.members(allianceId, null, null)) {
			members.put(m.organizationId(), m);
		}
		Set<Long> invited = new HashSet<>(jdbc.sql(
				"select organization_id from membership_invitation where alliance_id = ? and status = 'PENDING'")
			.param(allianceId)
			.query(Long.class)
			.list());
		Set<String> seen = new HashSet<>();
		List<Line> lines = new ArrayList<>();
		for (int r = 0; r < rows.size(); r++) {
			String[] c = rows.get(r);
			lines.add(line(allianceId, r + 2, c, byLabel, members, invited, seen));
		}
		return new Preview(allianceId, List.copyOf(lines));
	}

	private Line line(long allianceId, int number, String[] c, Function<String, @Nullable Enum<?>> byLabel,
			Map<Long, Member> members, Set<Long> invited, Set<String> seen) {
		String name = c[0];
		String contactName = blank(c[5]);
		String contactEmail = blank(c[6]);
		OrganizationType type = c[1].isEmpty() ? null : byLabel.apply(c[1]) instanceof OrganizationType t ? t : null;
		MembershipRole role = c[3].isEmpty() ? MembershipRole.MEMBER
				: byLabel.apply(c[3]) instanceof MembershipRole x ? x : null;
		LocalDate since = null;
		String region = blank(c[2]);
		String refusal = null;
		String detail = null;
		if (name.isEmpty()) {
			refusal = "name";
		}
		else if (name.length() > 200) {
			refusal = "nameLength";
		}
		else if (!seen.add(name)) {
			refusal = "repeated";
			detail = name;
		}
		else if (!c[1].isEmpty() && type == null) {
			refusal = "type";
			detail = c[1];
		}
		else if (role == null) {
			refusal = "role";
			detail = c[3];
		}
		else if (contactEmail != null && (contactEmail.length() > 200 || !contactEmail.matches(EMAIL))) {
			refusal = "email";
			detail = contactEmail;
		}
		else if (contactName != null && contactName.length() > 100) {
			refusal = "contactName";
		}
		if (refusal == null && !c[4].isEmpty()) {
			try {
				since = LocalDate.parse(c[4].replace('/', '-').replace('.', '-'));
			}
			catch (DateTimeParseException e) {
				refusal = "since";
				detail = c[4];
			}
		}
		if (refusal == null && region != null) {
			try {
				OrganizationRegions.code(region, "region");
			}
			catch (Invalid e) {
				refusal = "region";
				detail = region;
			}
		}
		if (refusal != null) {
			return new Line(number, name, type, region, role, since, contactName, contactEmail, Action.REFUSE, refusal,
					detail, null);
		}
		var existing = organizations.findByName(name);
		if (existing.isEmpty()) {
			if (type == null) {
				return new Line(number, name, null, region, role, since, contactName, contactEmail, Action.REFUSE,
						"typeRequired", null, null);
			}
			return new Line(number, name, type, region, role, since, contactName, contactEmail, Action.CREATE, "create",
					null, null);
		}
		Organization o = existing.get();
		Member m = members.get(o.id());
		if (m != null) {
			boolean same = m.role() == role && (since == null || since.equals(m.since())) && contactName == null
					&& contactEmail == null;
			return new Line(number, o.name(), o.type(), o.region(), role, since, contactName, contactEmail,
					same ? Action.UNCHANGED : Action.CHANGE, same ? "unchanged" : "change", null, o.id());
		}
		if (invited.contains(o.id())) {
			return new Line(number, o.name(), o.type(), o.region(), role, since, contactName, contactEmail,
					Action.REFUSE, "invitedAlready", null, o.id());
		}
		boolean direct = (o.registeredByAllianceId() != null && o.registeredByAllianceId() == allianceId
				&& !representation.hasRepresentative(o.id())) || representation.callerActsFor(o.id());
		return new Line(number, o.name(), o.type(), o.region(), role, since, contactName, contactEmail,
				direct ? Action.JOIN : Action.INVITE, direct ? "join" : "invite", null, o.id());
	}

	/**
	 * Saves what a preview showed, in one transaction: all of it or, if anything fails, nothing. Refused and
	 * unchanged rows are left alone.
	 */
	@Transactional
	public Outcome apply(Preview preview, Progress progress) {
		long allianceId = preview.allianceId();
		String slug = alliances.get(allianceId).slug();
		int created = 0;
		int joined = 0;
		int invited = 0;
		int changed = 0;
		int refused = 0;
		List<Line> lines = preview.lines();
		for (int i = 0; i < lines.size(); i++) {
			Line l = lines.get(i);
			switch (l.action()) {
				case CREATE -> {
					Organization o = admissions.register(new NewOrganization(l.organization(), l.type(), l.region(),
							null, null, List.of(), slug));
					admit(allianceId, o.id(), l);
					created++;
				}
				case JOIN, INVITE -> {
					if (admit(allianceId, l.organizationId(), l)) {
						joined++;
					}
					else {
						invited++;
					}
				}
				case CHANGE -> {
					Member m = memberships.get(allianceId, l.organizationId());
					if (m.role() != l.role() || (l.since() != null && !l.since().equals(m.since()))) {
						memberships.update(allianceId, m.organizationId(),
								new MembershipPatch(l.role(), null, l.since(), null));
					}
					contact("membership", allianceId, m.organizationId(), l);
					changed++;
				}
				case REFUSE -> refused++;
				case UNCHANGED -> {
				}
			}
			progress.step(i + 1, lines.size());
		}
		return new Outcome(created, joined, invited, changed, refused);
	}

	/** Takes the organisation in or invites it; true when it is a member now. */
	private boolean admit(long allianceId, @Nullable Long organizationId, Line l) {
		if (organizationId == null) {
			throw new IllegalStateException("row " + l.line() + " names no organisation");
		}
		var admission = admissions.add(allianceId, new NewMembership(organizationId, l.role(), l.since()));
		contact(admission.member() != null ? "membership" : "membership_invitation", allianceId, organizationId, l);
		return admission.member() != null;
	}

	private void contact(String table, long allianceId, long organizationId, Line l) {
		if (l.contactName() == null && l.contactEmail() == null) {
			return;
		}
		jdbc.sql("update " + table + " set contact_name = coalesce(?, contact_name), contact_email = coalesce(?, contact_email)"
				+ " where alliance_id = ? and organization_id = ?"
				+ (table.equals("membership") ? "" : " and status = 'PENDING'"))
			.params(l.contactName(), l.contactEmail(), allianceId, organizationId)
			.update();
	}

	/** The rows under the heading row, as text, blank rows left out. */
	private static List<String[]> read(InputStream xlsx) {
		try (Workbook book = new XSSFWorkbook(xlsx)) {
			if (book.getNumberOfSheets() == 0) {
				throw Invalid.field("file", "the workbook has no sheet");
			}
			Sheet sheet = book.getSheetAt(0);
			if (sheet.getLastRowNum() > MAX_ROWS) {
				throw Invalid.field("file", "more than " + MAX_ROWS + " rows");
			}
			DataFormatter format = new DataFormatter(Locale.ROOT);
			List<String[]> rows = new ArrayList<>();
			for (int r = 1; r <= sheet.getLastRowNum(); r++) {
				Row row = sheet.getRow(r);
				String[] c = new String[COLUMNS.size()];
				boolean empty = true;
				for (int i = 0; i < c.length; i++) {
					Cell cell = row == null ? null : row.getCell(i);
					c[i] = cell == null ? "" : text(cell, format);
					empty &= c[i].isEmpty();
				}
				if (!empty) {
					rows.add(c);
				}
			}
			return rows;
		}
		catch (IOException | RuntimeException e) {
			if (e instanceof Invalid i) {
				throw i;
			}
			throw Invalid.field("file", "not an .xlsx workbook");
		}
	}

	private static String text(Cell cell, DataFormatter format) {
		if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
			return cell.getLocalDateTimeCellValue().toLocalDate().toString();
		}
		return format.formatCellValue(cell).strip();
	}

	private static @Nullable String blank(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
