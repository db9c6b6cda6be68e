package org.alliancehub.survey;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Who is asked: active members of the alliance with one of the roles, one of the organisation types and in
 * one of the provinces (GB/T 2260 codes) listed; a list left empty does not narrow, so an empty audience
 * means every active member.
 */
public record Audience(@Nullable List<String> roles, @Nullable List<String> types, @Nullable List<String> regions) {

	public static Audience everyone() {
		return new Audience(List.of(), List.of(), List.of());
	}

	public List<String> rolesOrEmpty() {
		return roles == null ? List.of() : roles;
	}

	public List<String> typesOrEmpty() {
		return types == null ? List.of() : types;
	}

	public List<String> regionsOrEmpty() {
		return regions == null ? List.of() : regions;
	}

	public boolean isEveryone() {
		return rolesOrEmpty().isEmpty() && typesOrEmpty().isEmpty() && regionsOrEmpty().isEmpty();
	}
}
