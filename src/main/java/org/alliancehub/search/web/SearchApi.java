package org.alliancehub.search.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.alliancehub.search.DocumentType;
import org.alliancehub.search.Reindexing;
import org.alliancehub.search.Search;
import org.alliancehub.search.SearchIndexing;
import org.alliancehub.search.SearchQuery;
import org.alliancehub.search.SearchResult;
import org.alliancehub.search.SearchSynonyms;
import org.alliancehub.network.Alliances;
import org.alliancehub.identity.Access;
import org.alliancehub.shared.Paging;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;

@RestController
@Tag(name = "search")
class SearchApi {

	private final Search search;

	private final SearchIndexing indexing;

	private final SearchSynonyms synonyms;

	private final Alliances alliances;

	private final Access access;

	private final AnswerJson.Writer json;

	SearchApi(Search search, SearchIndexing indexing, SearchSynonyms synonyms, Alliances alliances, Access access,
			ObjectMapper json) {
		this.json = new AnswerJson.Writer(json);
		this.access = access;
		this.search = search;
		this.indexing = indexing;
		this.synonyms = synonyms;
		this.alliances = alliances;
	}

	/** A group of names that stand for each other; {@code alliance} (slug) is the alliance adding it. */
	record SynonymInput(@Nullable String alliance, @Nullable List<String> names) {
	}

	@GetMapping("/api/v1/search/synonyms")
	@PreAuthorize("@access.canManageAny()")
	@Operation(summary = "The groups of names and words that stand for each other in searches (besides the alliances' names): the built-in ones and those of the alliances the caller runs")
	List<SearchSynonyms.Group> synonyms() {
		return synonyms.list().stream().filter(g -> g.allianceId() == null || access.canManage(g.allianceId())).toList();
	}

	@PostMapping("/api/v1/search/synonyms")
	@PreAuthorize("#input.alliance() == null ? @access.isNetworkAdmin() : @access.canManage(#input.alliance())")
	@Operation(summary = "Add a group of names that stand for each other, applied to searches at once (no rebuild)")
	ResponseEntity<SearchSynonyms.Group> addSynonyms(@RequestBody SynonymInput input) {
		Long alliance = input.alliance() == null ? null : alliances.get(input.alliance()).id();
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(synonyms.add(alliance, input.names() == null ? List.of() : input.names()));
	}

	@DeleteMapping("/api/v1/search/synonyms/{id}")
	@PreAuthorize("@access.canManage('synonym', #id)")
	ResponseEntity<Void> deleteSynonyms(@PathVariable long id) {
		synonyms.delete(id);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/v1/search")
	@PreAuthorize("permitAll()")
	@Operation(summary = "Search articles, briefings, organisations and events; 繁體 and 简体 alike")
	@ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
			schema = @Schema(implementation = SearchResult.class)))
	void search(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String alliance,
			@RequestParam(required = false) @Nullable String category,
			@RequestParam(required = false) @Nullable DocumentType type,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@RequestParam(defaultValue = "RELEVANCE") SearchQuery.Order sort,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
			HttpServletResponse response) {
		Paging paging = Paging.of(page, size);
		Search.Rendered<AnswerJson> answer = search.search(new SearchQuery(q == null ? "" : q, alliance, category, type,
				from, to, sort, paging.page(), paging.size()), json::of);
		byte[] body = answer.rendering().with(answer.tookMs());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setContentLength(body.length);
		try {
			response.getOutputStream().write(body);
		}
		catch (IOException clientGone) {
			// the client went away before its answer was written (as a load test's connections do when it stops):
			// nobody is left to tell, and it is no failure of the application's
		}
	}

	@PostMapping("/api/v1/search/reindex")
	@PreAuthorize("@access.isNetworkAdmin()")
	@Operation(summary = "Rebuild the search index from the database; searches keep working meanwhile")
	ResponseEntity<Reindexing> reindex() {
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(indexing.rebuild());
	}

	@GetMapping("/api/v1/search/reindex")
	@PreAuthorize("@access.isNetworkAdmin()")
	Reindexing reindexStatus() {
		return indexing.status();
	}
}
