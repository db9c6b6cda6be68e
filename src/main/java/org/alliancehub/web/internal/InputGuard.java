package org.alliancehub.web.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.alliancehub.shared.Invalid;
import org.alliancehub.shared.Problems;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.ObjectMapper;

/**
 * The one gate every JSON body passes before a controller reads it: a body larger than
 * {@code alliancehub.json.max-body-size} is refused with 413 before it is held in memory, and a NUL character
 * in any string is refused with 400 naming the field, because PostgreSQL cannot store it in text and nothing a
 * person types contains it. Malformed JSON, invalid UTF-8 and deep nesting go on to the message converter,
 * which answers 400 for them. Multipart uploads keep their own limits. Forms and query strings get the same NUL
 * rule (a 400 error page).
 */
class InputGuard extends OncePerRequestFilter {

	/** How much of an oversized body is read and thrown away so that the client hears the 413. */
	private static final long DRAIN = 32L * 1024 * 1024;

	private static final JsonFactory FACTORY = new JsonFactory();

	private final long maxBytes;

	private final ObjectMapper json;

	InputGuard(long maxBytes, ObjectMapper json) {
		this.maxBytes = maxBytes;
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String type = request.getContentType();
		if (type == null || !isJson(type)) {
			String parameter = type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/") ? null
					: parameterWithNul(request);
			if (parameter != null && request.getRequestURI().startsWith("/api/")) {
				write(response, Problems.of(HttpStatus.BAD_REQUEST, "a parameter is invalid",
						List.of(new Invalid.FieldError(parameter, "contains a NUL character"))));
				return;
			}
			if (parameter != null) {
				response.sendError(HttpStatus.BAD_REQUEST.value());
				return;
			}
			chain.doFilter(request, response);
			return;
		}
		InputStream in = request.getInputStream();
		byte[] body = request.getContentLengthLong() > maxBytes ? null : in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
		if (body == null || body.length > maxBytes) {
			byte[] sink = new byte[64 * 1024];
			long drained = 0;
			int n;
			while (drained < DRAIN && (n = in.read(sink)) >= 0) {
				drained += n;
			}
			write(response, Problems.of(HttpStatus.CONTENT_TOO_LARGE,
					"a JSON body may hold at most " + maxBytes + " bytes", List.of()));
			return;
		}
		String nul = fieldWithNul(body);
		if (nul != null) {
			write(response, Problems.of(HttpStatus.BAD_REQUEST, "the request has invalid fields",
					List.of(new Invalid.FieldError(nul, "contains a NUL character"))));
			return;
		}
		chain.doFilter(new CachedBody(request, body), response);
	}

	/** Forms and query strings: a NUL character in a name or value is refused before anything reads it. */
	private static @Nullable String parameterWithNul(HttpServletRequest request) {
		for (var e : request.getParameterMap().entrySet()) {
			if (e.getKey().indexOf('\u0000') >= 0) {
				return e.getKey().replace('\u0000', '?');
			}
			for (String v : e.getValue()) {
				if (v != null && v.indexOf('\u0000') >= 0) {
					return e.getKey();
				}
			}
		}
		return null;
	}

	private static boolean isJson(String contentType) {
		String t = contentType.toLowerCase(java.util.Locale.ROOT);
		int semicolon = t.indexOf(';');
		t = (semicolon < 0 ? t : t.substring(0, semicolon)).trim();
		return t.equals("application/json") || t.endsWith("+json");
	}

	/** The field holding a NUL character in its name or value, or null; malformed JSON is left to the converter. */
	static @Nullable String fieldWithNul(byte[] body) {
		try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), body)) {
			JsonToken token;
			while ((token = parser.nextToken()) != null) {
				if ((token == JsonToken.VALUE_STRING || token == JsonToken.PROPERTY_NAME)
						&& parser.getString().indexOf('\u0000') >= 0) {
					return path(parser.streamReadContext());
				}
			}
			return null;
		}
		catch (JacksonException e) {
			return null;
		}
	}

	/** The field as the problems name it elsewhere: {@code products[0].description}. */
	private static String path(TokenStreamContext context) {
		Deque<TokenStreamContext> contexts = new ArrayDeque<>();
		for (TokenStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
			contexts.push(c);
		}
		StringBuilder b = new StringBuilder();
		for (TokenStreamContext c : contexts) {
			if (c.inArray()) {
				b.append('[').append(c.getCurrentIndex()).append(']');
			}
			else if (c.currentName() != null) {
				b.append(b.isEmpty() ? "" : ".").append(c.currentName());
			}
		}
		return b.isEmpty() ? "body" : b.toString();
	}

	private void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
		Problems.write(response, problem, json);
	}

	/** The request with its body read once into memory, served again to the converter. */
	private static final class CachedBody extends HttpServletRequestWrapper {

		private final byte[] body;

		CachedBody(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(body);
			return new ServletInputStream() {
				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] b, int off, int len) {
					return in.read(b, off, len);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException();
				}
			};
		}

		@Override
		public java.io.BufferedReader getReader() {
			return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(),
					java.nio.charset.StandardCharsets.UTF_8));
		}

		@Override
		public int getContentLength() {
			return body.length;
		}

		@Override
		public long getContentLengthLong() {
			return body.length;
		}
	}
}
