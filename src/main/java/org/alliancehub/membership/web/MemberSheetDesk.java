package org.alliancehub.membership.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.alliancehub.membership.MemberImportPreviews;
import org.alliancehub.membership.MemberSheets;
import org.alliancehub.membership.MembershipRole;
import org.alliancehub.membership.OrganizationType;
import org.alliancehub.platform.BackgroundJobs;
import org.alliancehub.shared.Invalid;
import org.alliancehub.shared.NotFound;
import org.alliancehub.web.Site;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The member list in and out of Excel in the back office: the list and a blank template to download, and the
 * import of a filled template: upload, a preview of what each row would do (kept in PostgreSQL for a day, for
 * the user who uploaded it, so that any node behind the load balancer confirms or cancels it; nothing saved),
 * then confirm (saved in one transaction in the background, with progress) or cancel (nothing saved).
 */
@Controller
class MemberSheetDesk {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	/** The largest sheet accepted: a member list of some thousand rows is far smaller. */
	static final long MAX_BYTES = 2L * 1024 * 1024;

	private static final Locale[] LANGUAGES = { Locale.SIMPLIFIED_CHINESE, Locale.TRADITIONAL_CHINESE, Locale.ENGLISH };

	private final BackgroundJobs jobs = new BackgroundJobs("member-import");

	private final MemberSheets sheets;

	private final MemberImportPreviews previews;

	private final MessageSource messages;

	MemberSheetDesk(MemberSheets sheets, MemberImportPreviews previews, MessageSource messages) {
		this.sheets = sheets;
		this.previews = previews;
		this.messages = messages;
	}

	@GetMapping("/admin/a/{slug}/members.xlsx")
	@PreAuthorize("@access.canManage(#site.id())")
	ResponseEntity<byte[]> download(Site site) {
		return xlsx(site.slug() + "-members.xlsx", sheets.export(site.id(), this::text, this::label));
	}

	@GetMapping("/admin/a/{slug}/members/template.xlsx")
	@PreAuthorize("@access.canManage(#site.id())")
	ResponseEntity<byte[]> template(Site site) {
		return xlsx("member-template.xlsx", sheets.template(this::text, this::label));
	}

	/** Reads the sheet and shows the preview; a file too large, or no .xlsx, goes back with the reason. */
	@PostMapping("/admin/a/{slug}/members/import")
	@PreAuthorize("@access.canManage(#site.id())")
	String upload(Site site, @RequestParam("file") @Nullable MultipartFile file, RedirectAttributes redirect) {
		String back = "redirect:/admin/a/" + site.slug() + "/members";
		if (file == null || file.isEmpty()) {
			redirect.addAttribute("error", "sheetMissing");
			return back;
		}
		String name = Objects.requireNonNullElse(file.getOriginalFilename(), "").toLowerCase(Locale.ROOT);
		if (file.getSize() > MAX_BYTES) {
			redirect.addAttribute("error", "sheetTooLarge");
			return back;
		}
		MemberSheets.Preview preview;
		try (InputStream in = file.getInputStream()) {
			byte[] head = in.readNBytes(4);
			// an .xlsx is a zip archive: its name says so and it starts with PK\3\4
			if (!name.endsWith(".xlsx") || head.length < 4 || head[0] != 'P' || head[1] != 'K' || head[2] != 3
					|| head[3] != 4) {
				redirect.addAttribute("error", "sheetType");
				return back;
			}
			try (InputStream all = file.getInputStream()) {
				preview = sheets.preview(site.id(), all, this::byLabel);
			}
		}
		catch (Invalid | IOException e) {
			redirect.addAttribute("error", "sheetType");
			return back;
		}
		return back + "/import/" + previews.keep(preview, user());
	}

	@GetMapping("/admin/a/{slug}/members/import/{token}")
	@PreAuthorize("@access.canManage(#site.id())")
	String preview(Site site, @PathVariable String token, Model model) {
		MemberSheets.Preview preview = previews.find(token, site.id(), user())
			.orElseThrow(() -> new NotFound("import " + token));
		model.addAttribute("token", token);
		model.addAttribute("preview", preview);
		return "membership/admin-import";
	}

	/** Saves the preview in the background (one transaction) and shows its progress. */
	@PostMapping("/admin/a/{slug}/members/import/{token}/confirm")
	@PreAuthorize("@access.canManage(#site.id())")
	String confirm(Site site, @PathVariable String token) {
		MemberSheets.Preview preview = previews.take(token, site.id(), user())
			.orElseThrow(() -> new NotFound("import " + token));
		BackgroundJobs.Job job = jobs.start(site.id(), (locale, progress) -> {
			MemberSheets.Outcome o = sheets.apply(preview,
					(done, total) -> progress.step("rows", done, Math.max(total, 1)));
			return (o.created() + "," + o.joined() + "," + o.invited() + "," + o.changed() + "," + o.refused())
				.getBytes(StandardCharsets.US_ASCII);
		});
		return "redirect:/admin/a/" + site.slug() + "/members/import/jobs/" + job.id();
	}

	@PostMapping("/admin/a/{slug}/members/import/{token}/cancel")
	@PreAuthorize("@access.canManage(#site.id())")
	String cancel(Site site, @PathVariable String token) {
		if (!previews.cancel(token, site.id(), user())) {
			throw new NotFound("import " + token);
		}
		return "redirect:/admin/a/" + site.slug() + "/members";
	}

	/** How far saving has come; when done, what it did. The page polls itself while the job runs. */
	@GetMapping("/admin/a/{slug}/members/import/jobs/{job}")
	@PreAuthorize("@access.canManage(#site.id())")
	String progress(Site site, @PathVariable String job, Model model) {
		BackgroundJobs.Job j = jobs.job(site.id(), job);
		Map<String, Integer> outcome = new HashMap<>();
		if ("DONE".equals(j.state())) {
			String[] n = new String(jobs.file(site.id(), job), StandardCharsets.US_ASCII).split(",");
			List<String> keys = List.of("created", "joined", "invited", "changed", "refused");
			for (int i = 0; i < keys.size(); i++) {
				outcome.put(keys.get(i), Integer.parseInt(n[i]));
			}
		}
		model.addAttribute("job", j);
		model.addAttribute("outcome", outcome);
		return "membership/admin-import-progress";
	}

	private static String user() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth == null ? "" : auth.getName();
	}

	private String text(String key) {
		return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
	}

	private String label(Enum<?> e) {
		return text("enum." + e.getDeclaringClass().getSimpleName() + "." + e.name());
	}

	/** A type or role by its code or its label in any of the languages. */
	private @Nullable Enum<?> byLabel(String given) {
		String g = given.strip();
		for (Enum<?>[] values : List.<Enum<?>[]>of(OrganizationType.values(), MembershipRole.values())) {
			for (Enum<?> e : values) {
				if (e.name().equalsIgnoreCase(g)) {
					return e;
				}
				for (Locale l : LANGUAGES) {
					String key = "enum." + e.getDeclaringClass().getSimpleName() + "." + e.name();
					if (g.equalsIgnoreCase(messages.getMessage(key, null, key, l))) {
						return e;
					}
				}
			}
		}
		return null;
	}

	private static ResponseEntity<byte[]> xlsx(String filename, byte[] body) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_TYPE, XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString())
			.body(body);
	}
}
