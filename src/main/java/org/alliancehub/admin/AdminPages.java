package org.alliancehub.admin;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

import org.alliancehub.audit.AuditLog;
import org.alliancehub.content.ArticlePatch;
import org.alliancehub.content.ArticleStatus;
import org.alliancehub.content.Articles;
import org.alliancehub.content.Bulletins;
import org.alliancehub.content.Category;
import org.alliancehub.content.NewArticle;
import org.alliancehub.content.Visibility;
import org.alliancehub.identity.Access;
import org.alliancehub.membership.MembershipPatch;
import org.alliancehub.membership.MembershipRole;
import org.alliancehub.membership.MembershipStatus;
import org.alliancehub.membership.Memberships;
import org.alliancehub.membership.NewMembership;
import org.alliancehub.membership.NewOrganization;
import org.alliancehub.membership.OrganizationType;
import org.alliancehub.membership.Organizations;
import org.alliancehub.network.Alliance;
import org.alliancehub.network.AlliancePatch;
import org.alliancehub.network.Alliances;
import org.alliancehub.network.NewAlliance;
import org.alliancehub.network.SiteFrames;
import org.alliancehub.shared.Conflict;
import org.alliancehub.shared.Invalid;
import org.alliancehub.shared.Paging;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Back-office screens. Each action names the permission it needs; the forms post to the same services
 * the API uses, so the rules (sanitising, versions, audit) are the same on both doors.
 */
@Controller
class AdminPages {

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private final Access access;

	private final Alliances alliances;

	private final Articles articles;

	private final Bulletins bulletins;

	private final Memberships memberships;

	private final Organizations organizations;

	private final AuditLog audit;

	private final SiteFrames frames;

	private final org.alliancehub.content.Attachments attachments;

	private final org.alliancehub.identity.Users users;

	private final org.alliancehub.membership.Admissions admissions;

	AdminPages(Access access, Alliances alliances, Articles articles, Bulletins bulletins, Memberships memberships,
			Organizations organizations, AuditLog audit, SiteFrames frames,
			org.alliancehub.content.Attachments attachments, org.alliancehub.identity.Users users,
			org.alliancehub.membership.Admissions admissions) {
		this.admissions = admissions;
		this.attachments = attachments;
		this.users = users;
		this.access = access;
		this.alliances = alliances;
		this.articles = articles;
		this.bulletins = bulletins;
		this.memberships = memberships;
		this.organizations = organizations;
		this.audit = audit;
		this.frames = frames;
	}

	@GetMapping("/admin/")
	@PreAuthorize("isAuthenticated()")
	String dashboard(Model model) {
		model.addAttribute("frame", frames.network());
		model.addAttribute("managed", access.managedAlliances());
		model.addAttribute("admin", access.isNetworkAdmin());
		return "admin/dashboard";
	}

	@GetMapping("/admin")
	@PreAuthorize("isAuthenticated()")
	String dashboardWithoutSlash() {
		return "redirect:/admin/";
	}

	@GetMapping("/admin/a/{slug}/articles")
	@PreAuthorize("@access.canManage(#slug)")
	String articles(@PathVariable String slug, @RequestParam(defaultValue = "PUBLISHED") ArticleStatus status,
			@RequestParam(defaultValue = "0") int page, Model model) {
		Alliance a = alliances.get(slug);
		model.addAttribute("frame", frames.network());
		model.addAttribute("alliance", a);
		model.addAttribute("status", status);
		model.addAttribute("page", articles.list(a.id(), null, null, status, new Paging(Math.max(0, page), 30)));
		return "admin/articles";
	}

	@GetMapping("/admin/a/{slug}/articles/new")
	@PreAuthorize("@access.canManage(#slug)")
	String newArticle(@PathVariable String slug, Model model) {
		return articleForm(alliances.get(slug), new ArticleForm(null, "", Category.ALLIANCE_NEWS, "", "", "", "",
				"", ArticleStatus.DRAFT, Visibility.PUBLIC, null), null, model);
	}

	@GetMapping("/admin/a/{slug}/articles/{id}")
	@PreAuthorize("@access.canManage(#slug) and @access.canManage('article', #id)")
	String editArticle(@PathVariable String slug, @PathVariable long id, Model model) {
		var a = articles.get(id);
		Alliance alliance = alliances.get(slug);
		if (a.allianceId() != alliance.id()) {
			throw new org.alliancehub.shared.NotFound("article " + id);
		}
		return articleForm(alliance,
				new ArticleForm(a.id(), a.title(), a.category(), a.source() == null ? "" : a.source(),
						a.author() == null ? "" : a.author(),
						a.publishedAt().atZoneSameInstant(CHINA).toLocalDateTime().withSecond(0).withNano(0).toString(),
						String.join("，", a.tags()), a.body(), a.status(), a.visibility(), a.version()),
				null, model);
	}

	@PostMapping("/admin/a/{slug}/articles")
	@PreAuthorize("@access.canManage(#slug) and (#id == null or @access.canManage('article', #id))")
	String saveArticle(@PathVariable String slug, @RequestParam(required = false) @Nullable Long id,
			@RequestParam String title, @RequestParam Category category, @RequestParam(defaultValue = "") String source,
			@RequestParam(defaultValue = "") String author, @RequestParam(defaultValue = "") String publishedAt,
			@RequestParam(defaultValue = "") String tags, @RequestParam(defaultValue = "") String body,
			@RequestParam ArticleStatus status, @RequestParam Visibility visibility,
			@RequestParam(required = false) @Nullable Long version, Model model, RedirectAttributes redirect) {
		Alliance a = alliances.get(slug);
		ArticleForm form = new ArticleForm(id, title, category, source, author, publishedAt, tags, body, status,
				visibility, version);
		try {
			OffsetDateTime when = publishedAt.isBlank() ? null
					: java.time.LocalDateTime.parse(publishedAt).atZone(CHINA).toOffsetDateTime();
			List<String> tagList = Arrays.stream(tags.split("[,，;；\\s]+")).filter(t -> !t.isBlank()).toList();
			if (title.isBlank()) {
				throw Invalid.field("title", "required");
			}
			long saved;
			if (id == null) {
				saved = articles.create(a.id(), new NewArticle(title, category, source, author, when, tagList, body,
						status, visibility)).id();
			}
			else {
				if (articles.allianceOf(id) != a.id()) {
					throw new org.alliancehub.shared.NotFound("article " + id);
				}
				saved = articles.update(id, new ArticlePatch(title, category, source, author, when, tagList, body,
						status, visibility, version)).id();
			}
			redirect.addAttribute("saved", saved);
			return "redirect:/admin/a/" + slug + "/articles?status=" + status.name();
		}
		catch (Invalid | Conflict | java.time.format.DateTimeParseException e) {
			return articleForm(a, form, e.getMessage(), model);
		}
	}

	@PostMapping("/admin/a/{slug}/articles/{id}/delete")
	@PreAuthorize("@access.canManage(#slug) and @access.canManage('article', #id)")
	String deleteArticle(@PathVariable String slug, @PathVariable long id) {
		requireArticleOf(slug, id);
		articles.delete(id);
		return "redirect:/admin/a/" + slug + "/articles";
	}

	@PostMapping("/admin/a/{slug}/articles/{id}/attachments")
	@PreAuthorize("@access.canManage(#slug) and @access.canManage('article', #id)")
	String attach(@PathVariable String slug, @PathVariable long id,
			@RequestParam("file") org.springframework.web.multipart.MultipartFile file, RedirectAttributes redirect)
			throws java.io.IOException {
		requireArticleOf(slug, id);
		try {
			attachments.attach(id, file.getOriginalFilename(), file.getSize(), file.getInputStream());
		}
		catch (org.alliancehub.shared.UnsupportedType | org.alliancehub.shared.TooLarge | Invalid e) {
			redirect.addAttribute("uploadError", e.getMessage());
		}
		return "redirect:/admin/a/" + slug + "/articles/" + id;
	}

	@GetMapping("/admin/alliances")
	@PreAuthorize("@access.isNetworkAdmin()")
	String alliancesPage(@RequestParam(required = false) @Nullable String error, Model model) {
		model.addAttribute("frame", frames.network());
		model.addAttribute("alliances", alliances.list());
		model.addAttribute("error", error);
		return "admin/alliances";
	}

	@PostMapping("/admin/alliances")
	@PreAuthorize("@access.isNetworkAdmin()")
	String createAlliance(@RequestParam String slug, @RequestParam String name,
			@RequestParam(defaultValue = "") String shortName, @RequestParam(defaultValue = "") String industry,
			RedirectAttributes redirect) {
		try {
			if (name.isBlank()) {
				throw Invalid.field("name", "required");
			}
			alliances.create(new NewAlliance(slug.strip(), name, shortName, industry, null, null, null, null, null));
			return "redirect:/admin/a/" + slug.strip() + "/profile";
		}
		catch (Invalid | Conflict e) {
			redirect.addAttribute("error", e.getMessage());
			return "redirect:/admin/alliances";
		}
	}

	@GetMapping("/admin/users")
	@PreAuthorize("@access.isNetworkAdmin()")
	String usersPage(@RequestParam(required = false) @Nullable String error, Model model) {
		model.addAttribute("frame", frames.network());
		model.addAttribute("users", users.list(new Paging(0, 100)).items());
		model.addAttribute("alliances", access.managedAlliances());
		model.addAttribute("me", access.requireUser().id());
		model.addAttribute("error", error);
		return "admin/users";
	}

	/**
	 * Disables a user (sign-in refused, every session and token ended at once) or enables them again; nobody
	 * disables their own account.
	 */
	@PostMapping("/admin/users/{id}/enabled")
	@PreAuthorize("@access.isNetworkAdmin()")
	String setEnabled(@PathVariable long id, @RequestParam boolean enabled, RedirectAttributes redirect) {
		try {
			users.setEnabled(id, enabled, access.requireUser());
		}
		catch (Invalid e) {
			redirect.addAttribute("error", e.getMessage());
		}
		return "redirect:/admin/users";
	}

	@PostMapping("/admin/users")
	@PreAuthorize("@access.isNetworkAdmin()")
	String createUser(@RequestParam String username, @RequestParam String displayName,
			@RequestParam(defaultValue = "") String email, @RequestParam String password,
			@RequestParam org.alliancehub.identity.Role role, @RequestParam(defaultValue = "") String alliance,
			@RequestParam(required = false) @Nullable Long organizationId, RedirectAttributes redirect) {
		try {
			if (!username.matches("[A-Za-z0-9._-]{3,40}") || password.length() < 10 || displayName.isBlank()) {
				throw Invalid.field("username", "3-40 letters or digits; password at least 10 characters");
			}
			users.create(new org.alliancehub.identity.NewUser(username, displayName, email.isBlank() ? null : email,
					password, List.of(new org.alliancehub.identity.NewUser.RoleInput(role,
							alliance.isBlank() ? null : alliance, organizationId))),
					access.requireUser());
		}
		catch (Invalid | Conflict e) {
			redirect.addAttribute("error", e.getMessage());
		}
		return "redirect:/admin/users";
	}

	/** An article addressed under another alliance's path does not exist there. */
	private void requireArticleOf(String slug, long articleId) {
		if (articles.allianceOf(articleId) != alliances.get(slug).id()) {
			throw new org.alliancehub.shared.NotFound("article " + articleId);
		}
	}

	private String articleForm(Alliance a, ArticleForm form, @Nullable String error, Model model) {
		model.addAttribute("attachments", form.id() == null ? List.of() : articles.detail(form.id()).attachments());
		model.addAttribute("frame", frames.network());
		model.addAttribute("alliance", a);
		model.addAttribute("form", form);
		model.addAttribute("error", error);
		return "admin/article-form";
	}

	@GetMapping("/admin/a/{slug}/profile")
	@PreAuthorize("@access.canManage(#slug)")
	String profile(@PathVariable String slug, Model model) {
		return profileForm(alliances.get(slug), null, model);
	}

	@PostMapping("/admin/a/{slug}/profile")
	@PreAuthorize("@access.canManage(#slug)")
	String saveProfile(@PathVariable String slug, @RequestParam String name,
			@RequestParam(defaultValue = "") String shortName, @RequestParam(defaultValue = "") String industry,
			@RequestParam(defaultValue = "") String region, @RequestParam(defaultValue = "") String description,
			@RequestParam(defaultValue = "") String about, @RequestParam(defaultValue = "") String phone,
			@RequestParam(defaultValue = "") String fax, @RequestParam(defaultValue = "") String email,
			@RequestParam(defaultValue = "") String address, @RequestParam(defaultValue = "") String postcode,
			@RequestParam(defaultValue = "") String icp, @RequestParam long version, Model model) {
		try {
			if (!postcode.isBlank() && !postcode.strip().matches("\\d{6}")) {
				throw Invalid.field("postcode", "6 digits");
			}
			alliances.update(slug, new AlliancePatch(name, shortName, industry, null, region, description, about,
					new NewAlliance.ContactInput(phone, fax, email, address, postcode), icp, version));
			return "redirect:/admin/a/" + slug + "/profile?saved";
		}
		catch (Invalid | Conflict e) {
			return profileForm(alliances.get(slug), e.getMessage(), model);
		}
	}

	private String profileForm(Alliance a, @Nullable String error, Model model) {
		model.addAttribute("frame", frames.network());
		model.addAttribute("alliance", a);
		model.addAttribute("error", error);
		return "admin/profile";
	}

	@GetMapping("/admin/a/{slug}/members")
	@PreAuthorize("@access.canManage(#slug)")
	String members(@PathVariable String slug, @RequestParam(required = false) @Nullable String error, Model model) {
		Alliance a = alliances.get(slug);
		model.addAttribute("frame", frames.network());
		model.addAttribute("alliance", a);
		model.addAttribute("members", memberships.members(a.id(), null, null));
		// what the alliance asked of organisations registered elsewhere, and how each answered (read-only)
		model.addAttribute("invitations", admissions.sentBy(a.id()));
		model.addAttribute("error", error);
		return "admin/members";
	}

	@PostMapping("/admin/a/{slug}/members")
	@PreAuthorize("@access.canManage(#slug)")
	String addMember(@PathVariable String slug, @RequestParam String name, @RequestParam OrganizationType type,
			@RequestParam(defaultValue = "") String region, @RequestParam MembershipRole role,
			RedirectAttributes redirect) {
		Alliance a = alliances.get(slug);
		if (name.isBlank()) {
			redirect.addAttribute("error", "name");
			return "redirect:/admin/a/" + slug + "/members";
		}
		try {
			var org = organizations.findByName(name)
				.orElseGet(() -> admissions.register(new NewOrganization(name, type, region, null, null, List.of(), slug)));
			// an organisation registered elsewhere is invited, never taken over
			if (admissions.add(a.id(), new NewMembership(org.id(), role, null)).invitation() != null) {
				redirect.addAttribute("error", "invited");
			}
		}
		catch (Conflict e) {
			redirect.addAttribute("error", "duplicate");
		}
		catch (Invalid e) {
			redirect.addAttribute("error", "region");
		}
		return "redirect:/admin/a/" + slug + "/members";
	}

	@PostMapping("/admin/a/{slug}/members/{organizationId}")
	@PreAuthorize("@access.canManage(#slug)")
	String changeMember(@PathVariable String slug, @PathVariable long organizationId,
			@RequestParam MembershipRole role, @RequestParam MembershipStatus status) {
		memberships.update(alliances.get(slug).id(), organizationId, new MembershipPatch(role, status, null, null));
		return "redirect:/admin/a/" + slug + "/members";
	}

	@GetMapping("/admin/a/{slug}/organizations/{id}")
	@PreAuthorize("@access.canManage(#slug) and @access.canEditOrganization(#id)")
	String organization(@PathVariable String slug, @PathVariable long id,
			@RequestParam(required = false) @Nullable String error, Model model) {
		model.addAttribute("frame", frames.network());
		model.addAttribute("alliance", alliances.get(slug));
		model.addAttribute("org", organizations.get(id));
		model.addAttribute("error", error);
		return "admin/organization";
	}

	@PostMapping("/admin/a/{slug}/organizations/{id}")
	@PreAuthorize("@access.canManage(#slug) and @access.canEditOrganization(#id)")
	String saveOrganization(@PathVariable String slug, @PathVariable long id, @RequestParam String name,
			@RequestParam OrganizationType type, @RequestParam(defaultValue = "") String region,
			@RequestParam(defaultValue = "") String website, @RequestParam(defaultValue = "") String profile,
			@RequestParam(defaultValue = "") String products, @RequestParam long version,
			RedirectAttributes redirect) {
		try {
			if (name.isBlank()) {
				throw Invalid.field("name", "required");
			}
			if (!website.isBlank() && !website.strip().matches("https?://\\S+")) {
				throw Invalid.field("website", "http:// or https://");
			}
			List<org.alliancehub.membership.Product> list = products.lines()
				.map(String::strip)
				.filter(l -> !l.isEmpty())
				.map(l -> {
					int bar = l.indexOf('|');
					return bar < 0 ? new org.alliancehub.membership.Product(l, null)
							: new org.alliancehub.membership.Product(l.substring(0, bar).strip(), l.substring(bar + 1).strip());
				})
				.toList();
			organizations.update(id, new org.alliancehub.membership.OrganizationPatch(name, type, region, website,
					profile, list, version));
			return "redirect:/admin/a/" + slug + "/members";
		}
		catch (Invalid | Conflict e) {
			redirect.addAttribute("error", e.getMessage());
			return "redirect:/admin/a/" + slug + "/organizations/" + id;
		}
	}

	@GetMapping("/admin/a/{slug}/bulletins")
	@PreAuthorize("@access.canManage(#slug)")
	String bulletins(@PathVariable String slug, @RequestParam(required = false) @Nullable String error, Model model) {
		Alliance a = alliances.get(slug);
		model.addAttribute("frame", frames.network());
		model.addAttribute("alliance", a);
		model.addAttribute("briefings", bulletins.briefings(a.id(), 1000));
		model.addAttribute("links", bulletins.links(a.id()));
		model.addAttribute("nextIssue", bulletins.nextIssueNumber(a.id()));
		model.addAttribute("events", bulletins.events(a.id(), 200));
		model.addAttribute("error", error);
		return "admin/bulletins";
	}

	@PostMapping("/admin/a/{slug}/briefings")
	@PreAuthorize("@access.canManage(#slug)")
	String publishBriefing(@PathVariable String slug, @RequestParam int issueNumber, @RequestParam String title,
			@RequestParam java.time.LocalDate publishedOn, @RequestParam String body, RedirectAttributes redirect) {
		try {
			if (title.isBlank() || issueNumber < 1) {
				throw Invalid.field("title", "required");
			}
			bulletins.publishBriefing(alliances.get(slug).id(),
					new Bulletins.NewBriefing(issueNumber, title, publishedOn, body));
		}
		catch (Invalid | Conflict e) {
			redirect.addAttribute("error", e.getMessage());
		}
		return "redirect:/admin/a/" + slug + "/bulletins";
	}

	@PostMapping("/admin/a/{slug}/events")
	@PreAuthorize("@access.canManage(#slug)")
	String addEvent(@PathVariable String slug, @RequestParam String title, @RequestParam java.time.LocalDate startsOn,
			@RequestParam(required = false) java.time.@Nullable LocalDate endsOn,
			@RequestParam(defaultValue = "") String location, @RequestParam(defaultValue = "") String description,
			RedirectAttributes redirect) {
		try {
			if (title.isBlank()) {
				throw Invalid.field("title", "required");
			}
			bulletins.addEvent(alliances.get(slug).id(), new Bulletins.NewEvent(title, startsOn, endsOn,
					location.isBlank() ? null : location, description.isBlank() ? null : description));
		}
		catch (Invalid e) {
			redirect.addAttribute("error", e.getMessage());
		}
		return "redirect:/admin/a/" + slug + "/bulletins";
	}

	@PostMapping("/admin/a/{slug}/links")
	@PreAuthorize("@access.canManage(#slug)")
	String addLink(@PathVariable String slug, @RequestParam String name, @RequestParam String url,
			RedirectAttributes redirect) {
		if (name.isBlank() || !url.strip().matches("https?://\\S+")) {
			redirect.addAttribute("error", "link");
		}
		else {
			bulletins.addLink(alliances.get(slug).id(), new Bulletins.NewLink(name, url, null));
		}
		return "redirect:/admin/a/" + slug + "/bulletins";
	}

	@PostMapping("/admin/a/{slug}/links/{id}/delete")
	@PreAuthorize("@access.canManage(#slug) and @access.canManage('link', #id)")
	String removeLink(@PathVariable String slug, @PathVariable long id) {
		if (bulletins.allianceOfLink(id) != alliances.get(slug).id()) {
			throw new org.alliancehub.shared.NotFound("link " + id);
		}
		bulletins.removeLink(id);
		return "redirect:/admin/a/" + slug + "/bulletins";
	}

	@GetMapping("/admin/audit")
	@PreAuthorize("@access.canManageAny()")
	String audit(@RequestParam(defaultValue = "0") int page, Model model) {
		List<Long> scope = access.isNetworkAdmin() ? null
				: access.managedAlliances().stream().map(Alliance::id).toList();
		model.addAttribute("frame", frames.network());
		model.addAttribute("entries", audit.entries(scope, new Paging(Math.max(0, page), 50)));
		return "admin/audit";
	}
}
