package org.alliancehub.search.web;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.alliancehub.search.DocumentType;
import org.alliancehub.search.Reindexing;
import org.alliancehub.search.Search;
import org.alliancehub.search.SearchIndexing;
import org.alliancehub.search.SearchQuery;
import org.alliancehub.search.SearchResult;
import org.alliancehub.shared.Paging;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "search")
class SearchApi {

	private final Search search;

	private final SearchIndexing indexing;

	SearchApi(Search search, SearchIndexing indexing) {
		this.search = search;
		this.indexing = indexing;
	}

	@GetMapping("/api/v1/search")
	@PreAuthorize("permitAll()")
	@Operation(summary = "Search articles, briefings, organisations and events; 繁體 and 简体 alike")
	SearchResult search(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String alliance,
			@RequestParam(required = false) @Nullable String category,
			@RequestParam(required = false) @Nullable DocumentType type,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@RequestParam(defaultValue = "RELEVANCE") SearchQuery.Order sort,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		Paging paging = Paging.of(page, size);
		return search.search(new SearchQuery(q == null ? "" : q, alliance, category, type, from, to, sort,
				paging.page(), paging.size()));
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
