package org.alliancehub.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
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

/**
 * No endpoint is public by forgetting: every handler method of every controller declares who may call it
 * with {@code @PreAuthorize} (on the method, or on its class for a whole controller); public ones say
 * {@code permitAll()}. At run time, a handler that declares nothing is refused (web.internal.DeclaredAccess).
 */
class AccessAnnotationTests {

	@Test
	void everyHandlerDeclaresWhoMayCallIt() throws Exception {
		List<String> handlers = new ArrayList<>();
		List<String> undeclared = new ArrayList<>();
		for (Class<?> controller : controllers()) {
			boolean classRule = AnnotatedElementUtils.hasAnnotation(controller, PreAuthorize.class);
			List<Method> methods = new ArrayList<>(List.of(controller.getDeclaredMethods()));
			methods.sort(Comparator.comparing(Method::getName));
			for (Method m : methods) {
				if (m.isBridge() || m.isSynthetic() || !AnnotatedElementUtils.hasAnnotation(m, RequestMapping.class)) {
					continue;
				}
				String name = controller.getName().substring("org.alliancehub.".length()) + "." + m.getName();
				handlers.add(name);
				if (!classRule && !AnnotatedElementUtils.hasAnnotation(m, PreAuthorize.class)) {
					undeclared.add(name);
				}
			}
		}
		System.out.println("access rules: " + (handlers.size() - undeclared.size()) + " of " + handlers.size()
				+ " handlers declare one");
		assertThat(handlers).as("handlers found").hasSizeGreaterThan(100);
		assertThat(undeclared).as("handlers without @PreAuthorize (say permitAll() for public ones)").isEmpty();
	}

	/**
	 * {@code @PreAuthorize} is the only method-security annotation the platform enforces (the identity module makes
	 * its advisor alone): any other such annotation anywhere would be silently ignored, so none may be written.
	 */
	@Test
	void noOtherMethodSecurityAnnotationIsUsed() throws Exception {
		List<Class<? extends java.lang.annotation.Annotation>> unenforced = List.of(
				org.springframework.security.access.prepost.PostAuthorize.class,
				org.springframework.security.access.prepost.PreFilter.class,
				org.springframework.security.access.prepost.PostFilter.class,
				org.springframework.security.access.annotation.Secured.class,
				org.springframework.security.authorization.method.AuthorizeReturnObject.class);
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
			@Override
			protected boolean isCandidateComponent(
					org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
				return true;
			}
		};
		scanner.addIncludeFilter((reader, factory) -> true);
		List<String> found = new ArrayList<>();
		int classes = 0;
		for (BeanDefinition d : scanner.findCandidateComponents("org.alliancehub")) {
			Class<?> type = ClassUtils.forName(d.getBeanClassName(), AccessAnnotationTests.class.getClassLoader());
			classes++;
			List<java.lang.reflect.AnnotatedElement> elements = new ArrayList<>(List.of(type.getDeclaredMethods()));
			elements.add(type);
			for (java.lang.reflect.AnnotatedElement e : elements) {
				for (Class<? extends java.lang.annotation.Annotation> a : unenforced) {
					if (AnnotatedElementUtils.hasAnnotation(e, a)) {
						found.add(e + ": @" + a.getSimpleName());
					}
				}
			}
		}
		assertThat(classes).as("classes looked through").isGreaterThan(500);
		assertThat(found).as("method-security annotations other than @PreAuthorize (not enforced)").isEmpty();
	}

	/** Every @Controller and @RestController under org.alliancehub, nested ones included. */
	private static List<Class<?>> controllers() throws ClassNotFoundException {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(Controller.class));
		List<Class<?>> result = new ArrayList<>();
		for (BeanDefinition d : scanner.findCandidateComponents("org.alliancehub")) {
			result.add(ClassUtils.forName(d.getBeanClassName(), AccessAnnotationTests.class.getClassLoader()));
		}
		result.sort(Comparator.comparing(Class::getName));
		return result;
	}
}
