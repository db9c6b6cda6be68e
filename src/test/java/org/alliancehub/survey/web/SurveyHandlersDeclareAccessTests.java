package org.alliancehub.survey.web;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

import static org.assertj.core.api.Assertions.assertThat;

/** Every handler of the survey's web layer names its access rule itself (public ones {@code permitAll()}). */
class SurveyHandlersDeclareAccessTests {

	@Test
	void everySurveyHandlerHasItsOwnPreAuthorize() throws Exception {
		var scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(Controller.class));
		List<String> handlers = new ArrayList<>();
		List<String> missing = new ArrayList<>();
		for (var candidate : scanner.findCandidateComponents("org.alliancehub.survey.web")) {
			Class<?> type = Class.forName(candidate.getBeanClassName());
			for (Method m : type.getDeclaredMethods()) {
				if (AnnotatedElementUtils.hasAnnotation(m, RequestMapping.class)) {
					handlers.add(type.getSimpleName() + "." + m.getName());
					if (!m.isAnnotationPresent(PreAuthorize.class)) {
						missing.add(type.getSimpleName() + "." + m.getName());
					}
				}
			}
		}
		assertThat(handlers).hasSizeGreaterThan(40);
		assertThat(missing).as("handlers without @PreAuthorize").isEmpty();
	}
}
