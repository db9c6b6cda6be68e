package org.alliancehub.governance;

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

/**
 * Every handler of the governance module says who may call it, on the handler itself: an access expression
 * ({@code @access.canRead('meeting', #id)} …) or, for what is public, {@code permitAll()}. A handler added
 * without one fails here.
 */
class GovernanceHandlersDeclareTheirAccessTests {

	@Test
	void everyGovernanceHandlerHasItsOwnPreAuthorize() throws Exception {
		var scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(Controller.class));
		List<String> handlers = new ArrayList<>();
		List<String> missing = new ArrayList<>();
		for (var candidate : scanner.findCandidateComponents("org.alliancehub.governance")) {
			Class<?> type = Class.forName(candidate.getBeanClassName());
			for (Method method : type.getDeclaredMethods()) {
				if (AnnotatedElementUtils.hasAnnotation(method, RequestMapping.class)) {
					String name = type.getSimpleName() + "." + method.getName();
					handlers.add(name);
					PreAuthorize rule = method.getAnnotation(PreAuthorize.class);
					if (rule == null || rule.value().isBlank()) {
						missing.add(name);
					}
				}
			}
		}
		assertThat(handlers).as("the scan finds the handlers").hasSizeGreaterThan(40);
		assertThat(missing).as("handlers without @PreAuthorize").isEmpty();
	}
}
