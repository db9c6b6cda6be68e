package org.alliancehub.identity;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.RequestMapping;

import static org.assertj.core.api.Assertions.assertThat;

/** Every handler of the identity and search modules says who may call it, the public ones with {@code permitAll()}. */
class HandlersNameTheirAccessRuleTests {

	@Test
	void everyHandlerOfIdentityAndSearchHasPreAuthorize() throws Exception {
		var scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(Controller.class));
		List<String> handlers = new ArrayList<>();
		List<String> unnamed = new ArrayList<>();
		for (String pkg : List.of("org.alliancehub.identity.web", "org.alliancehub.search.web")) {
			for (BeanDefinition d : scanner.findCandidateComponents(pkg)) {
				Class<?> type = ClassUtils.forName(d.getBeanClassName(), getClass().getClassLoader());
				for (Method m : type.getDeclaredMethods()) {
					if (AnnotatedElementUtils.hasAnnotation(m, RequestMapping.class)) {
						handlers.add(type.getSimpleName() + "." + m.getName());
						if (!AnnotatedElementUtils.hasAnnotation(m, PreAuthorize.class)) {
							unnamed.add(type.getSimpleName() + "." + m.getName());
						}
					}
				}
			}
		}
		assertThat(handlers).hasSizeGreaterThan(10);
		assertThat(unnamed).as("handlers without @PreAuthorize").isEmpty();
	}
}
