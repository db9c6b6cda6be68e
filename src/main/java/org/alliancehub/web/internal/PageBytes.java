package org.alliancehub.web.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

import gg.jte.TemplateOutput;

/**
 * A page rendered by jte as UTF-8 bytes in one growing array, written to the response in one call. The templates are
 * precompiled with their static parts already in UTF-8 (jte-maven-plugin's {@code binaryStaticContent}): those are
 * copied as they are, and only the values a page shows are encoded. jte's own {@code Utf8ByteOutput} keeps one array
 * per piece and writes each of them to the response, hundreds of writes through the response wrappers per page.
 *
 * <p>The bytes are those of {@code String.getBytes(UTF_8)} of the whole page as Tomcat's writer encoded it before: a
 * surrogate pair split between two pieces is still one character, and a lone surrogate is {@code ?}.
 */
final class PageBytes implements TemplateOutput {

	private byte[] bytes;

	private int count;

	/** A high surrogate at the end of the last piece, waiting for the low one that may start the next. */
	private char pendingHigh;

	PageBytes(int capacity) {
		this.bytes = new byte[capacity];
	}

	@Override
	public void writeContent(String value) {
		writeContent(value, 0, value.length());
	}

	@Override
	public void writeContent(String value, int beginIndex, int endIndex) {
		room((endIndex - beginIndex) * 3 + 4);
		byte[] b = bytes;
		int n = count;
		int i = beginIndex;
		if (pendingHigh != 0 && i < endIndex) {
			char low = value.charAt(i);
			if (Character.isLowSurrogate(low)) {
				n = four(b, n, Character.toCodePoint(pendingHigh, low));
				i++;
			}
			else {
				b[n++] = '?';
			}
			pendingHigh = 0;
		}
		for (; i < endIndex; i++) {
			char c = value.charAt(i);
			if (c < 0x80) {
				b[n++] = (byte) c;
			}
			else if (c < 0x800) {
				b[n++] = (byte) (0xC0 | (c >> 6));
				b[n++] = (byte) (0x80 | (c & 0x3F));
			}
			else if (Character.isHighSurrogate(c)) {
				if (i + 1 == endIndex) {
					pendingHigh = c;
				}
				else if (Character.isLowSurrogate(value.charAt(i + 1))) {
					n = four(b, n, Character.toCodePoint(c, value.charAt(++i)));
				}
				else {
					b[n++] = '?';
				}
			}
			else if (Character.isLowSurrogate(c)) {
				b[n++] = '?';
			}
			else {
				b[n++] = (byte) (0xE0 | (c >> 12));
				b[n++] = (byte) (0x80 | ((c >> 6) & 0x3F));
				b[n++] = (byte) (0x80 | (c & 0x3F));
			}
		}
		count = n;
	}

	private static int four(byte[] b, int n, int codePoint) {
		b[n++] = (byte) (0xF0 | (codePoint >> 18));
		b[n++] = (byte) (0x80 | ((codePoint >> 12) & 0x3F));
		b[n++] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
		b[n++] = (byte) (0x80 | (codePoint & 0x3F));
		return n;
	}

	@Override
	public void writeBinaryContent(byte[] value) {
		lonePending();
		room(value.length);
		System.arraycopy(value, 0, bytes, count, value.length);
		count += value.length;
	}

	private void lonePending() {
		if (pendingHigh != 0) {
			pendingHigh = 0;
			room(1);
			bytes[count++] = '?';
		}
	}

	private void room(int more) {
		if (count + more > bytes.length) {
			bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, count + more));
		}
	}

	/** The page's length in bytes. */
	int length() {
		lonePending();
		return count;
	}

	void writeTo(OutputStream out) throws IOException {
		lonePending();
		out.write(bytes, 0, count);
	}

	byte[] toByteArray() {
		lonePending();
		return Arrays.copyOf(bytes, count);
	}
}
