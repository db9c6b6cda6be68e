package org.alliancehub.web.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.alliancehub.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.servlet.FilterRegistrationBean;

import static org.assertj.core.api.Assertions.assertThat;

/** The page cache cannot be filled by made-up query strings, and renders a page once however many ask at once. */
class PageCacheIntegrationTests extends IntegrationTest {

	@Autowired
	FilterRegistrationBean<PageCache> registration;

	@Test
	void fiveThousandMadeUpQueryStringsLeaveTheCacheSmall() throws Exception {
		PageCache cache = registration.getFilter();
		cache.invalidate();
		String slug = "huanbao-zhuangbei";
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<Integer>> answers = new ArrayList<>();
			for (int i = 1; i <= 5_000; i++) {
				String path = "/a/" + slug + "/news?r=" + i;
				answers.add(pool.submit(() -> client().get(path).status()));
			}
			for (Future<Integer> a : answers) {
				assertThat(a.get()).isEqualTo(200);
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(cache.size()).as("pages held").isEqualTo(1);
		assertThat(cache.weight()).as("bytes held").isLessThan(1024 * 1024);
		assertThat(cache.renders()).isGreaterThan(0);
	}

	@Test
	void theParametersAPageReadsStillMakeDifferentPages() {
		PageCache cache = registration.getFilter();
		cache.invalidate();
		client().get("/a/huanbao-zhuangbei/news?page=0&utm=x");
		client().get("/a/huanbao-zhuangbei/news?utm=y&page=0");
		client().get("/a/huanbao-zhuangbei/news?page=1");
		assertThat(cache.size()).isEqualTo(2);
	}

	@Test
	void concurrentFirstRequestsOfOnePageRenderItOnce() throws Exception {
		PageCache cache = registration.getFilter();
		cache.invalidate();
		long before = cache.renders();
		int visitors = 24;
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(visitors);
		try {
			List<Future<String>> pages = new ArrayList<>();
			for (int i = 0; i < visitors; i++) {
				pages.add(pool.submit(() -> {
					start.await();
					return client().get("/a/huanbao-zhuangbei/about").body();
				}));
			}
			start.countDown();
			String first = pages.get(0).get();
			for (Future<String> p : pages) {
				assertThat(p.get()).isEqualTo(first);
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(cache.renders() - before).as("renderings of one page asked for by %d visitors at once", visitors)
			.isEqualTo(1);
	}
}
