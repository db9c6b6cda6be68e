package org.alliancehub;

import javax.sql.DataSource;

import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Counts the SQL statements that requests send, so that pages keep to their budget. */
@TestConfiguration(proxyBeanMethods = false)
class CountingDataSource {

	@Bean
	static BeanPostProcessor countStatements() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				if (bean instanceof DataSource ds && !name.contains("Proxy")) {
					return ProxyDataSourceBuilder.create(ds)
						.name("counted")
						.afterQuery((exec, queries) -> {
							// Only what a request costs: background work (indexing) runs on other threads.
							if (Thread.currentThread().getName().startsWith("http-nio")) {
								IntegrationTest.STATEMENTS.addAndGet(queries.size());
							}
						})
						.build();
				}
				return bean;
			}
		};
	}
}
