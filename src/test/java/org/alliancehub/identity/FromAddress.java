package org.alliancehub.identity;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Plain HTTP/1.1 sent from a chosen loopback address, which the JDK's client cannot do: 127.0.0.2 is the
 * trusted reverse proxy of the test configuration, any other 127.x address an ordinary client.
 */
final class FromAddress {

	static final String PROXY = "127.0.0.2";

	record Answer(int status, List<String> headers, String body) {

		List<String> header(String name) {
			return headers.stream()
				.filter(h -> h.regionMatches(true, 0, name + ":", 0, name.length() + 1))
				.map(h -> h.substring(name.length() + 1).strip())
				.toList();
		}
	}

	private FromAddress() {
	}

	static Answer send(String from, int port, String method, String path, Map<String, String> headers, String body) {
		byte[] content = body.getBytes(StandardCharsets.UTF_8);
		StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
				+ "\r\nConnection: close\r\nContent-Length: " + content.length + "\r\n");
		headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
		head.append("\r\n");
		try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), port, InetAddress.getByName(from), 0)) {
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			out.write(head.toString().getBytes(StandardCharsets.UTF_8));
			out.write(content);
			out.flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream all = new ByteArrayOutputStream();
			in.transferTo(all);
			String text = all.toString(StandardCharsets.UTF_8);
			int end = text.indexOf("\r\n\r\n");
			String[] lines = text.substring(0, end).split("\r\n");
			List<String> answerHeaders = new ArrayList<>(List.of(lines).subList(1, lines.length));
			return new Answer(Integer.parseInt(lines[0].split(" ")[1]), answerHeaders, text.substring(end + 4));
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	/** {@code POST /api/v1/auth/token} through the proxy on behalf of the client {@code client}. */
	static int tokenThroughProxy(int port, String client, String username, String password) {
		return send(PROXY, port, "POST", "/api/v1/auth/token",
				Map.of("Content-Type", "application/json", "X-Forwarded-For", client),
				"{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}")
			.status();
	}
}
