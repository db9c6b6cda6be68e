package org.alliancehub.web.internal;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.server.PathContainer;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Spring MVC's handler lookup, asking only the mappings a path can match. For a path with variables (an article
 * page, any API call by id) Spring finds no direct match and checks every one of the application's mappings in turn
 * through its full condition (the HTTP method, then the path patterns, reading the method and the parsed path from
 * the request through its ~10 wrappers every time): a quarter of the CPU of a rendered article page in a JFR profile.
 * <p>
 * Here each mapping is filed under the first segment of the literal beginning of its patterns (the text before the
 * first variable or wildcard: {@code /a/{slug}/articles/{id}} under {@code a}); a path is matched against the path
 * patterns of the mappings filed under its first segment (and of those with no literal first segment), with the
 * request's path as Spring parsed it, and only the mappings one of whose patterns matches are asked their full
 * conditions, by Spring's own code; the best of those that match is chosen with
 * Spring's own comparator and handled by Spring's own {@code handleMatch}. Whatever is not the plain case is left to
 * Spring's lookup as it comes: a path with a direct (variable-free) mapping, a path with percent escapes or an empty
 * segment (patterns match the decoded segments), no match at all (404, 405, 406, 415 come from Spring's full scan),
 * two equally good matches (Spring's error) and CORS pre-flight requests.
 */
class PrefixedHandlerMapping extends RequestMappingHandlerMapping {

	private static final String[] ANY = {};

	/** The mappings filed by the first segment of their beginnings; rebuilt when mappings change. */
	private volatile @Nullable Index index;

	/** A mapping with its path patterns (none: it is always asked). */
	private record Candidate(RequestMappingInfo info, PathPattern[] patterns, HandlerMethod handler) {

		boolean mayMatch(PathContainer path) {
			if (patterns.length == 0) {
				return true;
			}
			for (PathPattern p : patterns) {
				if (p.matches(path)) {
					return true;
				}
			}
			return false;
		}
	}

	private record Index(Map<String, List<Candidate>> bySegment, List<Candidate> anywhere, Set<String> directPaths) {

		List<Candidate> candidates(String path) {
			int end = path.indexOf('/', 1);
			List<Candidate> filed = bySegment.get(end < 0 ? path.substring(1) : path.substring(1, end));
			if (filed == null) {
				return anywhere;
			}
			if (anywhere.isEmpty()) {
				return filed;
			}
			List<Candidate> all = new ArrayList<>(filed.size() + anywhere.size());
			all.addAll(filed);
			all.addAll(anywhere);
			return all;
		}
	}

	@Override
	protected @Nullable HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
		Index idx = index();
		if (!lookupPath.startsWith("/") || lookupPath.indexOf('%') >= 0 || lookupPath.contains("//")
				|| idx.directPaths().contains(lookupPath) || CorsUtils.isPreFlightRequest(request)) {
			return super.lookupHandlerMethod(lookupPath, request);
		}
		Candidate best = null;
		RequestMappingInfo bestMatch = null;
		Candidate second = null;
		RequestMappingInfo secondMatch = null;
		java.util.Comparator<RequestMappingInfo> comparator = null;
		// The path as Spring's pattern condition matches it (parsed once per request by Spring).
		PathContainer path = ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication();
		for (Candidate c : idx.candidates(lookupPath)) {
			if (!c.mayMatch(path)) {
				continue;
			}
			RequestMappingInfo match = getMatchingMapping(c.info(), request);
			if (match == null) {
				continue;
			}
			if (best == null) {
				best = c;
				bestMatch = match;
				continue;
			}
			if (comparator == null) {
				comparator = getMappingComparator(request);
			}
			if (comparator.compare(match, bestMatch) < 0) {
				second = best;
				secondMatch = bestMatch;
				best = c;
				bestMatch = match;
			}
			else if (second == null || comparator.compare(match, secondMatch) < 0) {
				second = c;
				secondMatch = match;
			}
		}
		if (best == null || (second != null && comparator.compare(bestMatch, secondMatch) == 0)) {
			// No match (Spring finds out which error it is) or two equally good ones (Spring's error).
			return super.lookupHandlerMethod(lookupPath, request);
		}
		request.setAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE, best.handler());
		handleMatch(bestMatch, lookupPath, request);
		return best.handler();
	}

	private Index index() {
		Index idx = index;
		if (idx == null) {
			synchronized (this) {
				idx = index;
				if (idx == null) {
					idx = build(getHandlerMethods());
					index = idx;
				}
			}
		}
		return idx;
	}

	private static Index build(Map<RequestMappingInfo, HandlerMethod> mappings) {
		Map<String, List<Candidate>> bySegment = new HashMap<>();
		List<Candidate> anywhere = new ArrayList<>();
		Set<String> directPaths = new HashSet<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.entrySet()) {
			RequestMappingInfo info = e.getKey();
			directPaths.addAll(info.getDirectPaths());
			String[] prefixes = prefixes(info);
			PathPatternsRequestCondition condition = info.getPathPatternsCondition();
			PathPattern[] patterns = condition == null ? new PathPattern[0]
					: condition.getPatterns().toArray(new PathPattern[0]);
			Candidate c = new Candidate(info, patterns, e.getValue());
			Set<String> segments = new HashSet<>();
			for (String p : prefixes) {
				String segment = firstSegment(p);
				if (segment == null) {
					segments = null;
					break;
				}
				segments.add(segment);
			}
			if (segments == null || segments.isEmpty()) {
				anywhere.add(c);
			}
			else {
				for (String s : segments) {
					bySegment.computeIfAbsent(s, k -> new ArrayList<>()).add(c);
				}
			}
		}
		return new Index(bySegment, anywhere, directPaths);
	}

	/** The first segment a beginning names in full, or null when it names none. */
	static @Nullable String firstSegment(String prefix) {
		if (prefix.length() < 2 || prefix.charAt(0) != '/') {
			return null;
		}
		int end = prefix.indexOf('/', 1);
		return end < 0 ? prefix.substring(1) : prefix.substring(1, end);
	}

	@Override
	public void registerMapping(RequestMappingInfo mapping, Object handler, Method method) {
		super.registerMapping(mapping, handler, method);
		index = null;
	}

	@Override
	public void unregisterMapping(RequestMappingInfo mapping) {
		super.unregisterMapping(mapping);
		index = null;
	}

	@Override
	protected void registerHandlerMethod(Object handler, Method method, RequestMappingInfo mapping) {
		super.registerHandlerMethod(handler, method, mapping);
		index = null;
	}

	static String[] prefixes(RequestMappingInfo info) {
		PathPatternsRequestCondition condition = info.getPathPatternsCondition();
		if (condition == null || condition.getPatterns().isEmpty()) {
			return ANY;
		}
		String[] out = new String[condition.getPatterns().size()];
		int i = 0;
		for (PathPattern pattern : condition.getPatterns()) {
			String prefix = prefix(pattern.getPatternString());
			if (prefix.isEmpty()) {
				return ANY;
			}
			out[i++] = prefix;
		}
		return out;
	}

	/**
	 * The literal beginning every path a pattern matches starts with ("" when there is none): the whole pattern when
	 * it has no variable or wildcard, otherwise its text up to the slash that starts the segment of the first one,
	 * with the slash when that segment must be there ({@code /a/{slug}} needs {@code /a/}), without it when it may be
	 * absent ({@code /css/**} and {@code /f/{*path}} also match {@code /css} and {@code /f}).
	 */
	static String prefix(String pattern) {
		int special = -1;
		for (int i = 0; i < pattern.length(); i++) {
			char c = pattern.charAt(i);
			if (c == '{' || c == '*' || c == '?') {
				special = i;
				break;
			}
		}
		if (special < 0) {
			return pattern;
		}
		int slash = pattern.lastIndexOf('/', special);
		if (slash < 0) {
			return "";
		}
		boolean optionalSegment = pattern.startsWith("**", slash + 1) || pattern.startsWith("{*", slash + 1);
		return pattern.substring(0, optionalSegment ? slash : slash + 1);
	}
}
