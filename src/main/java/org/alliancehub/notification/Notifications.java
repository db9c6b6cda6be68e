package org.alliancehub.notification;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.alliancehub.identity.Users;
import org.alliancehub.platform.AllianceHubProperties;
import org.alliancehub.platform.Mail;
import org.alliancehub.shared.Invalid;
import org.alliancehub.shared.WaitingWork.Item;
import org.alliancehub.shared.WaitingWork.Scope;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * In-app notifications of the workbench's waiting work: each new piece of work becomes one notification of each
 * user it waits for (once: its stable ref), unread until the user has seen the notifications page; the kinds a
 * user chose also come by e-mail, at once (on the sweep that found them) or in the daily digest.
 */
@Component
public class Notifications {

	/** How a kind of notification also comes by e-mail. */
	public enum Mode {
		NONE, IMMEDIATE, DAILY
	}

	/** One kind of notification and how it comes by e-mail, for the settings form. */
	public record Setting(String kind, boolean immediate, boolean daily) {
	}

	/** One notification for the notifications page. */
	public record Line(WorkLine work, boolean unread, String created) {
	}

	private final JdbcClient jdbc;

	private final Workbench workbench;

	private final Users users;

	private final Mail mail;

	private final MessageSource messages;

	private final AllianceHubProperties properties;

	Notifications(JdbcClient jdbc, Workbench workbench, Users users, Mail mail, MessageSource messages,
			AllianceHubProperties properties) {
		this.jdbc = jdbc;
		this.workbench = workbench;
		this.users = users;
		this.mail = mail;
		this.messages = messages;
		this.properties = properties;
	}

	/** Unread notifications of a user: the count on the bell (one statement). */
	public int unread(long userId) {
		return jdbc.sql("select count(*) from notification where user_id = ? and read_at is null")
			.param(userId)
			.query(Integer.class)
			.single();
	}

	/**
	 * Keeps a notification of each of these items that the user has none of yet (one statement); answers how many
	 * were new.
	 */
	@Transactional
	public int record(long userId, List<Item> items) {
		if (items.isEmpty()) {
			return 0;
		}
		List<String> refs = new ArrayList<>();
		List<String> kinds = new ArrayList<>();
		List<Long> allianceIds = new ArrayList<>();
		List<String> labels = new ArrayList<>();
		List<String> args = new ArrayList<>();
		List<String> urls = new ArrayList<>();
		List<@Nullable Timestamp> dues = new ArrayList<>();
		for (Item i : items) {
			refs.add(i.ref());
			kinds.add(i.kind());
			allianceIds.add(i.allianceId());
			labels.add(i.label());
			// the arguments travel as one text, separated by a character no title holds
			args.add(String.join("\u001f", i.args()));
			urls.add(i.url());
			dues.add(i.due() == null ? null : Timestamp.from(i.due()));
		}
		return jdbc.sql("""
				insert into notification (user_id, ref, kind, alliance_id, label, args, url, due)
				select ?, r, k, a, l, string_to_array(g, chr(31)), u, d
				from unnest(?::text[], ?::text[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::timestamptz[]) x(r, k, a, l, g, u, d)
				on conflict (user_id, ref) do nothing""")
			.params(userId, refs.toArray(String[]::new), kinds.toArray(String[]::new), allianceIds.toArray(Long[]::new),
					labels.toArray(String[]::new), args.toArray(String[]::new), urls.toArray(String[]::new),
					dues.toArray(Timestamp[]::new))
			.update();
	}

	/** The workbench of the signed-in user, keeping a notification of what is new on it. */
	public List<WorkLine> workbenchOfCurrentUser() {
		Scope scope = workbench.currentScope();
		List<Item> items = workbench.items(scope);
		if (!scope.isEmpty()) {
			record(scope.userId(), items);
		}
		return workbench.lines(items);
	}

	/** A user's notifications, newest first (the last 100). */
	public List<Line> list(long userId) {
		List<Item> items = new ArrayList<>();
		List<Boolean> unread = new ArrayList<>();
		List<String> created = new ArrayList<>();
		jdbc.sql("""
				select ref, kind, alliance_id, label, args, url, due, read_at is null, created_at
				from notification where user_id = ? order by created_at desc, id desc limit 100""")
			.param(userId)
			.query((rs, i) -> {
				Timestamp due = rs.getTimestamp(7);
				items.add(new Item(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
						Arrays.asList((String[]) rs.getArray(5).getArray()), rs.getString(6), due == null ? null : due.toInstant()));
				unread.add(rs.getBoolean(8));
				created.add(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
					.withZone(Workbench.CHINA)
					.format(rs.getTimestamp(9).toInstant()));
				return 0;
			})
			.list();
		List<WorkLine> lines = workbench.lines(items);
		List<Line> out = new ArrayList<>();
		for (int i = 0; i < lines.size() && i < items.size(); i++) {
			int at = indexOf(items, lines.get(i).ref());
			out.add(new Line(lines.get(i), unread.get(at), created.get(at)));
		}
		return out;
	}

	private static int indexOf(List<Item> items, String ref) {
		for (int i = 0; i < items.size(); i++) {
			if (items.get(i).ref().equals(ref)) {
				return i;
			}
		}
		return 0;
	}

	/** Marks every notification of the user read. */
	public int markRead(long userId) {
		return jdbc.sql("update notification set read_at = now() where user_id = ? and read_at is null")
			.param(userId)
			.update();
	}

	/** How each kind comes by e-mail to this user (NONE when it does not). */
	public Map<String, Mode> settings(long userId) {
		Map<String, Mode> modes = new LinkedHashMap<>();
		workbench.kinds().forEach(k -> modes.put(k, Mode.NONE));
		jdbc.sql("select kind, mode from notification_setting where user_id = ?")
			.param(userId)
			.query((rs, i) -> modes.put(rs.getString(1), Mode.valueOf(rs.getString(2))))
			.list();
		return modes;
	}

	/** Sets how each kind comes by e-mail; a kind not named keeps its setting. */
	@Transactional
	public void configure(long userId, Map<String, Mode> modes) {
		List<String> kinds = workbench.kinds();
		for (var e : modes.entrySet()) {
			if (!kinds.contains(e.getKey())) {
				throw Invalid.field("kind", "unknown kind of notification: " + e.getKey());
			}
			jdbc.sql("delete from notification_setting where user_id = ? and kind = ?").params(userId, e.getKey()).update();
			if (e.getValue() != Mode.NONE) {
				jdbc.sql("insert into notification_setting (user_id, kind, mode) values (?, ?, ?)")
					.params(userId, e.getKey(), e.getValue().name())
					.update();
			}
		}
	}

	/**
	 * Works out every user's waiting work, keeps a notification of what is new, and mails at once the new
	 * notifications of the kinds a user wants immediately. Answers the number of messages sent.
	 */
	public int sweep() {
		int sent = 0;
		for (Users.RoleHolder h : users.roleHolders(null)) {
			Scope scope = workbench.scopeOf(h.userId(), h.roles());
			if (scope.isEmpty()) {
				continue;
			}
			record(h.userId(), workbench.items(scope));
			sent += mail(h, Mode.IMMEDIATE, "notification.mail.subject");
		}
		return sent;
	}

	/** Sends each user the daily digest of the notifications of the kinds it wants daily that have not gone out yet. */
	public int digest() {
		int sent = 0;
		for (Users.RoleHolder h : users.roleHolders(null)) {
			sent += mail(h, Mode.DAILY, "notification.digest.subject");
		}
		return sent;
	}

	/** Mails the user its unmailed notifications of the kinds it wants in this mode, in one message. */
	private int mail(Users.RoleHolder h, Mode mode, String subject) {
		if (h.email() == null || h.email().isBlank()) {
			return 0;
		}
		List<Item> items = new ArrayList<>();
		List<Long> ids = new ArrayList<>();
		jdbc.sql("""
				select n.id, n.ref, n.kind, n.alliance_id, n.label, n.args, n.url, n.due
				from notification n join notification_setting s on s.user_id = n.user_id and s.kind = n.kind
				where n.user_id = ? and s.mode = ? and n.mailed_at is null and n.read_at is null
				order by n.created_at, n.id""")
			.params(h.userId(), mode.name())
			.query((rs, i) -> {
				ids.add(rs.getLong(1));
				Timestamp due = rs.getTimestamp(8);
				items.add(new Item(rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
						Arrays.asList((String[]) rs.getArray(6).getArray()), rs.getString(7), due == null ? null : due.toInstant()));
				return 0;
			})
			.list();
		if (items.isEmpty()) {
			return 0;
		}
		// written in the language the user chose (the language switch or the settings page)
		Locale reader = h.locale();
		StringBuilder text = new StringBuilder(t(reader, "notification.mail.greeting", h.displayName())).append("\n\n");
		for (WorkLine l : workbench.lines(items)) {
			text.append("· [").append(l.alliance()).append("] ").append(t(reader, l.label(), l.arguments()));
			if (l.dueText() != null) {
				text.append(" (").append(t(reader, "work.due", l.dueText())).append(")");
			}
			text.append("\n  ").append(properties.link(l.url())).append("\n");
		}
		text.append("\n").append(t(reader, "notification.mail.settings", properties.link("/admin/notifications/settings"))).append("\n");
		mail.send(h.email(), reader, t(reader, subject, items.size()), text.toString());
		jdbc.sql("update notification set mailed_at = now() where id = any(?)").param(ids.toArray(Long[]::new)).update();
		return 1;
	}

	private String t(Locale reader, String key, Object... args) {
		return messages.getMessage(key, args, reader);
	}
}
