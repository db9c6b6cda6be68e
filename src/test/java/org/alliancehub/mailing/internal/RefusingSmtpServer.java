package org.alliancehub.mailing.internal;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real SMTP server on a loopback socket that answers {@code 451} (try again later) at one chosen point, which
 * GreenMail cannot do: to every recipient, or at the final dot after taking the whole mail. It counts its refusals.
 */
final class RefusingSmtpServer implements AutoCloseable {

	enum RefusesAt {
		/** every RCPT answers 451, so no mail is ever sent */
		RECIPIENT,
		/** the mail is taken whole and refused with 451 at its final dot */
		FINAL_DOT
	}

	private static final String TRY_LATER = "451 4.3.0 Temporary failure, please try again later";

	private final ServerSocket server = new ServerSocket(0);

	private final RefusesAt at;

	private final AtomicInteger refusals = new AtomicInteger();

	/** The lines of content received so far, as they arrive (before the final dot). */
	private final java.util.List<String> content = new java.util.concurrent.CopyOnWriteArrayList<>();

	RefusingSmtpServer(RefusesAt at) throws Exception {
		this.at = at;
		Thread t = new Thread(() -> {
			while (!server.isClosed()) {
				try (Socket s = server.accept()) {
					converse(s);
				}
				catch (Exception e) {
					// the next connection
				}
			}
		}, "smtp-451-at-" + at);
		t.setDaemon(true);
		t.start();
	}

	int port() {
		return server.getLocalPort();
	}

	/** How many recipients or mails were refused so far. */
	int refusals() {
		return refusals.get();
	}

	/** Whether a line of content has arrived. */
	boolean received(String line) {
		return content.contains(line);
	}

	private void converse(Socket s) throws Exception {
		var in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
		OutputStream out = s.getOutputStream();
		reply(out, "220 refusing ESMTP");
		String line;
		while ((line = in.readLine()) != null) {
			String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
			switch (verb) {
				case "EHLO", "HELO" -> reply(out, "250 refusing");
				case "MAIL", "RSET", "NOOP" -> reply(out, "250 OK");
				case "RCPT" -> {
					if (at == RefusesAt.RECIPIENT) {
						refusals.incrementAndGet();
						reply(out, TRY_LATER);
					}
					else {
						reply(out, "250 OK");
					}
				}
				case "DATA" -> {
					if (at == RefusesAt.RECIPIENT) {
						reply(out, TRY_LATER);
					}
					else {
						reply(out, "354 go ahead");
						while ((line = in.readLine()) != null && !line.equals(".")) {
							content.add(line);
						}
						refusals.incrementAndGet();
						reply(out, TRY_LATER);
					}
				}
				case "QUIT" -> {
					reply(out, "221 Bye");
					return;
				}
				default -> reply(out, at == RefusesAt.RECIPIENT ? TRY_LATER : "500 what");
			}
		}
	}

	private static void reply(OutputStream out, String line) throws Exception {
		out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
		out.flush();
	}

	@Override
	public void close() throws Exception {
		server.close();
	}
}
