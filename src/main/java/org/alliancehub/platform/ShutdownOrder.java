package org.alliancehub.platform;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Background tasks (module listeners, index rebuilds) must finish before what they use closes. Spring
 * closes a bean before the beans it depends on, so the task executor is made to depend on the database
 * and the search index: on shutdown it waits for its running tasks first, and only then do they close.
 */
@Configuration(proxyBeanMethods = false)
class ShutdownOrder {

	static final String EXECUTOR = "applicationTaskExecutor";

	static final List<String> USED_BY_TASKS = List.of("dataSource", "embeddedPostgres", "searchIndex");

	@Bean
	static BeanFactoryPostProcessor tasksBeforeResources() {
		return (ConfigurableListableBeanFactory factory) -> {
			if (!factory.containsBeanDefinition(EXECUTOR)) {
				return;
			}
			BeanDefinition executor = factory.getBeanDefinition(EXECUTOR);
			List<String> dependsOn = new ArrayList<>(
					executor.getDependsOn() == null ? List.of() : Arrays.asList(executor.getDependsOn()));
			USED_BY_TASKS.stream().filter(factory::containsBeanDefinition).forEach(dependsOn::add);
			executor.setDependsOn(dependsOn.toArray(String[]::new));
		};
	}
}
