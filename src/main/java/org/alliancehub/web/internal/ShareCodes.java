package org.alliancehub.web.internal;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.alliancehub.platform.AllianceHubProperties;
import org.alliancehub.shared.Invalid;
import org.alliancehub.shared.QrCode;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The QR code of a page's address, offered on every public page for posters, briefings and certificates. Only
 * a path on this platform is encoded (the public address is put before it), so the image cannot be made to
 * point elsewhere; the same path gives the same image, kept in memory (at most {@link #KEEP} of them) and
 * cached by browsers and proxies for a day, so drawing codes costs little however often pages are shown.
 */
@RestController
class ShareCodes {

	static final int KEEP = 2_000;

	static final int MAX_PATH = 300;

	private final Map<String, byte[]> drawn = new ConcurrentHashMap<>();

	private final String base;

	ShareCodes(AllianceHubProperties properties) {
		String url = properties.publicUrl();
		this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

	@GetMapping("/qr.png")
	@PreAuthorize("permitAll()")
	ResponseEntity<byte[]> qr(@RequestParam String path) {
		if (!path.startsWith("/") || path.startsWith("//") || path.length() > MAX_PATH
				|| !path.matches("[A-Za-z0-9/._~%!$&'()*+,;=:@?-]+")) {
			throw Invalid.field("path", "a path on this site, at most " + MAX_PATH + " characters");
		}
		byte[] png = drawn.get(path);
		if (png == null) {
			if (drawn.size() >= KEEP) {
				drawn.clear();
			}
			png = draw(base + path);
			drawn.put(path, png);
		}
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_PNG)
			.cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic())
			.body(png);
	}

	/** A QR code of the text as a PNG, four pixels a module with the standard quiet zone. */
	static byte[] draw(String text) {
		return QrCode.png(text, 4);
	}
}
