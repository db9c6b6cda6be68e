package org.alliancehub.search.web;

import java.time.LocalDate;

import jakarta.servlet.http.HttpServletResponse;
import org.alliancehub.network.Alliances;
import org.alliancehub.web.Site;
import org.alliancehub.web.Sites;
import org.alliancehub.search.DocumentType;
import org.alliancehub.search.Search;
import org.alliancehub.search.SearchIndexing;
import org.alliancehub.search.SearchQuery;
import org.alliancehub.search.SearchSynonyms;
import org.alliancehub.identity.Access;
import org.alliancehub.shared.Invalid;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The search page behind the search box of every page, and the index screen of the back office. */
@Controller
class SearchPages {

	static final int PAGE_SIZE = 10;

	private final Search search;

	private final SearchIndexing indexing;

	private final Alliances alliances;

	private final Sites sites;

	private final SearchSynonyms synonyms;

	private final Access access;

	SearchPages(Search search, SearchIndexing indexing, Alliances alliances, Sites sites, SearchSynonyms synonyms,
			Access access) {
		this.synonyms = synonyms;
		this.access = access;
		this.search = search;
		this.indexing = indexing;
		this.alliances = alliances;
		this.sites = sites;
	}

	@GetMapping("/search")
	@PreAuthorize("permitAll()")
	String search(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) @Nullable String alliance,
			@RequestParam(required = false) @Nullable String category,
			@RequestParam(required = false) @Nullable DocumentType type,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@RequestParam(defaultValue = "RELEVANCE") SearchQuery.Order sort, @RequestParam(defaultValue = "0") int page,
			Model model, HttpServletResponse response) {
		var site = alliance == null || alliance.isBlank() ? null : sites.find(alliance).orElse(null);
		var frame = site != null ? sites.frame(site) : sites.networkFrame();
		SearchQuery query = new SearchQuery(q, blank(alliance), blank(category), type, from, to, sort,
				Math.max(0, page), PAGE_SIZE);
		model.addAttribute("frame", frame);
		model.addAttribute("query", query);
		model.addAttribute("names", Alliances.shortNames(alliances.all()));
		try {
			model.addAttribute("result", q.isBlank() ? null : search.search(query));
			model.addAttribute("error", null);
		}
		catch (Invalid e) {
			model.addAttribute("result", null);
			model.addAttribute("error", e.errors().get(0).field());
			if (!q.isBlank()) {
				response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			}
		}
		return "search/results";
	}

	@GetMapping("/admin/search")
	@PreAuthorize("@access.isNetworkAdmin()")
	String index(Model model) {
		model.addAttribute("status", indexing.status());
		model.addAttribute("documents", indexing.documents());
		return "search/admin";
	}

	/** The progress fragment the index screen polls while a rebuild runs. */
	@GetMapping("/admin/search/progress")
	@PreAuthorize("@access.isNetworkAdmin()")
	String progress(Model model) {
		model.addAttribute("status", indexing.status());
		model.addAttribute("documents", indexing.documents());
		return "search/progress";
	}

	@PostMapping("/admin/search/rebuild")
	@PreAuthorize("@access.isNetworkAdmin()")
	String rebuild() {
		indexing.rebuild();
		return "redirect:/admin/search";
	}

	/** The synonym list: every group, and a form to add one for an alliance the user runs. */
	@GetMapping("/admin/search/synonyms")
	@PreAuthorize("@access.canManageAny()")
	String synonyms(Model model) {
		return synonymsPage(model, null);
	}

	private String synonymsPage(Model model, @Nullable String error) {
		// the built-in groups and those of the alliances the user runs
		model.addAttribute("groups", synonyms.list().stream()
			.filter(g -> g.allianceId() == null || access.canManage(g.allianceId()))
			.toList());
		model.addAttribute("managed", access.managedAlliances().stream().map(Site::of).toList());
		java.util.Map<Long, String> names = new java.util.HashMap<>();
		for (var a : alliances.all()) {
			names.put(a.id(), a.displayShortName());
		}
		model.addAttribute("allianceNames", names);
		model.addAttribute("mayDelete", synonyms.list().stream()
			.filter(g -> access.canManage(g.allianceId() != null ? g.allianceId()
					: alliances.network().map(a -> a.id()).orElse(-1L)))
			.map(SearchSynonyms.Group::id)
			.collect(java.util.stream.Collectors.toSet()));
		model.addAttribute("error", error);
		return "search/synonyms";
	}

	@PostMapping("/admin/search/synonyms")
	@PreAuthorize("@access.canManage(#alliance)")
	String addSynonyms(@RequestParam String alliance, @RequestParam(defaultValue = "") String names, Model model,
			HttpServletResponse response) {
		try {
			synonyms.add(alliances.get(alliance).id(), SearchSynonyms.split(names));
		}
		catch (Invalid e) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return synonymsPage(model, "search.synonyms.invalid");
		}
		return "redirect:/admin/search/synonyms";
	}

	@PostMapping("/admin/search/synonyms/{id}/delete")
	@PreAuthorize("@access.canManage('synonym', #id)")
	String deleteSynonyms(@PathVariable long id) {
		synonyms.delete(id);
		return "redirect:/admin/search/synonyms";
	}

	private static @Nullable String blank(@Nullable String s) {
		return s == null || s.isBlank() ? null : s;
	}
}
