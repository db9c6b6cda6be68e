package org.alliancehub.mailing.internal;

import java.io.IOException;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.jspecify.annotations.Nullable;

/**
 * An SMTP transport that runs a step after a mail's content has been written and before the final
 * {@code <CRLF>.<CRLF>} that ends its DATA (or before the last BDAT chunk): the sender commits the outbox row
 * there. A server discards a mail whose DATA is not ended (RFC 5321 §4.1.1.4), so a sender killed before its
 * commit delivers nothing, and the row, rolled back, is sent again after the restart. A step that fails throws
 * an {@link IOException}: {@link SMTPTransport#sendMessage} then drops the connection without the dot.
 * Pipelining and the reuse of the connection are those of {@link SMTPTransport}.
 *
 * <p>The mail's content is flushed to the socket before the step, so that after the commit only the five bytes of
 * the dot are left to write: {@link SMTPTransport} keeps up to 8 KB of the content in its buffer until the dot, and
 * writing that after the commit could wait for a slow server (a full socket buffer), a window in which a killed
 * process would leave a row committed SENT whose mail the server never got.
 */
class CommitBeforeDot extends SMTPTransport {

	/** The step run before the final dot; it may throw to keep the mail from being delivered. */
	interface BeforeDot {

		void run() throws Exception;
	}

	private @Nullable BeforeDot beforeDot;

	private @Nullable BeforeDot afterDot;

	/** Between DATA and the final dot: closing now must not write QUIT (it would be part of the mail). */
	private volatile boolean inData;

	CommitBeforeDot(Session session, String protocol) {
		super(session, new URLName(protocol, null, -1, null, null, null), protocol, "smtps".equals(protocol));
	}

	/** The step for the next mail only; cleared once it has run. */
	void beforeDot(@Nullable BeforeDot step) {
		this.beforeDot = step;
	}

	/** A step run once the final dot has been written, before the server's reply is read (tests stop there). */
	void afterDot(@Nullable BeforeDot step) {
		this.afterDot = step;
	}

	@Override
	protected java.io.OutputStream data() throws MessagingException {
		java.io.OutputStream out = super.data();
		inData = true;
		return out;
	}

	@Override
	protected java.io.OutputStream bdat() throws MessagingException {
		java.io.OutputStream out = super.bdat();
		inData = true;
		return out;
	}

	/**
	 * Closing in the middle of a mail's data (a sender stopped, a failed commit) drops the connection without
	 * QUIT, which the server would read as a line of the mail: the socket is closed and the server discards it.
	 */
	@Override
	protected void sendCommand(String cmd) throws MessagingException {
		if (inData && "QUIT".equals(cmd)) {
			inData = false;
			throw new MessagingException("connection dropped in the middle of a mail's data, without the final dot");
		}
		if (".".equals(cmd)) {
			inData = false;
		}
		super.sendCommand(cmd);
		if (".".equals(cmd)) {
			BeforeDot step = afterDot;
			afterDot = null;
			if (step != null) {
				try {
					run(step);
				}
				catch (IOException e) {
					throw new MessagingException("after the final dot", e);
				}
			}
		}
	}

	@Override
	protected void finishData() throws IOException, MessagingException {
		flushContent();
		runStep();
		super.finishData();
	}

	@Override
	protected void finishBdat() throws IOException, MessagingException {
		flushContent();
		runStep();
		super.finishBdat();
	}

	/**
	 * The buffer between the mail's content and the socket is private to {@link SMTPTransport} and its data stream's
	 * {@code flush} does nothing by design, so it is reached by reflection; should a later version rename it, the
	 * content is flushed with the dot as before, and a test says so.
	 */
	private static final java.lang.invoke.@Nullable VarHandle SERVER_OUTPUT = field("serverOutput", java.io.OutputStream.class);

	private static final java.lang.invoke.@Nullable VarHandle SERVER_SOCKET = field("serverSocket", java.net.Socket.class);

	private static java.lang.invoke.@Nullable VarHandle field(String name, Class<?> type) {
		try {
			return java.lang.invoke.MethodHandles.privateLookupIn(SMTPTransport.class, java.lang.invoke.MethodHandles.lookup())
				.findVarHandle(SMTPTransport.class, name, type);
		}
		catch (ReflectiveOperationException | RuntimeException e) {
			org.slf4j.LoggerFactory.getLogger(CommitBeforeDot.class).warn("Cannot reach the SMTP transport's {}: {}", name, e.toString());
			return null;
		}
	}

	/**
	 * With the content flushed on its own, the dot is a second small write, which Nagle's algorithm would hold back
	 * until the server acknowledged the content (up to 40 ms of delayed acknowledgement a mail): the socket sends at
	 * once.
	 */
	@Override
	protected synchronized boolean protocolConnect(String host, int port, String user, String password)
			throws MessagingException {
		boolean connected = super.protocolConnect(host, port, user, password);
		if (connected && SERVER_SOCKET != null && SERVER_SOCKET.get(this) instanceof java.net.Socket socket) {
			try {
				socket.setTcpNoDelay(true);
			}
			catch (java.net.SocketException e) {
				// sent as the system decides
			}
		}
		return connected;
	}

	/** Whether the content can be flushed before the step, and the socket sends without delay (tests check it). */
	static boolean flushesContent() {
		return SERVER_OUTPUT != null && SERVER_SOCKET != null;
	}

	/** Whether the connected socket sends without delay (tests check it). */
	boolean sendsWithoutDelay() throws java.net.SocketException {
		return SERVER_SOCKET != null && SERVER_SOCKET.get(this) instanceof java.net.Socket socket && socket.getTcpNoDelay();
	}

	private void flushContent() throws IOException {
		if (SERVER_OUTPUT != null && SERVER_OUTPUT.get(this) instanceof java.io.OutputStream out) {
			out.flush();
		}
	}

	private void runStep() throws IOException {
		BeforeDot step = beforeDot;
		beforeDot = null;
		if (step != null) {
			run(step);
		}
	}

	private static void run(BeforeDot step) throws IOException {
		try {
			step.run();
		}
		catch (IOException | RuntimeException e) {
			throw e instanceof IOException io ? io : new IOException(e);
		}
		catch (Error e) {
			throw e;
		}
		catch (Exception e) {
			throw new IOException(e);
		}
	}
}
