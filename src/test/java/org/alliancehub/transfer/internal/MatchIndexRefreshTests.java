package org.alliancehub.transfer.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A post is found by the next search, as before, but the searchers are refreshed by that search, once, not by each
 * post: the demo fill's 14 posts cost one refresh instead of 14.
 */
class MatchIndexRefreshTests {

	@SuppressWarnings("unchecked")
	private static MatchIndex emptyIndex() throws Exception {
		// the tables are empty: the first use's load finds nothing
		JdbcClient jdbc = mock(JdbcClient.class, RETURNS_DEEP_STUBS);
		when(jdbc.sql(anyString()).params(any(), any()).query(any(RowMapper.class)).list()).thenReturn(List.of());
		return new MatchIndex(jdbc, new org.springframework.beans.factory.support.StaticListableBeanFactory()
			.getBeanProvider(org.alliancehub.platform.DatabaseNotifications.class));
	}

	private static List<Long> ids(List<MatchIndex.Hit> hits) {
		return hits.stream().map(MatchIndex.Hit::id).toList();
	}

	@Test
	void everyPostAndEveryReplacementIsFoundByTheNextSearch() throws Exception {
		MatchIndex index = emptyIndex();
		index.put("demand", 1, "高效节能离心泵叶轮设计\n耐腐蚀材料与精密铸造工艺");
		assertThat(ids(index.search("demand", "离心泵叶轮", 10))).containsExactly(1L);
		index.put("demand", 2, "离心泵叶轮的耐腐蚀涂层\n化工流程用泵");
		assertThat(ids(index.search("demand", "离心泵叶轮", 10))).containsExactlyInAnyOrder(1L, 2L);
		index.put("demand", 1, "锂电池回收\n湿法冶金提取钴镍");
		assertThat(ids(index.search("demand", "离心泵叶轮", 10))).containsExactly(2L);
		assertThat(ids(index.search("demand", "锂电池回收", 10))).containsExactly(1L);
		assertThat(index.search("achievement", "锂电池回收", 10)).isEmpty();
	}

	@Test
	void aRunOfPostsIsMadeSearchableByOneRefreshAtTheNextSearchNotOneRefreshEach() throws Exception {
		MatchIndex index = emptyIndex();
		index.search("demand", "叶轮", 10);
		long before = index.refreshes();
		for (int i = 1; i <= 14; i++) {
			index.put(i % 2 == 0 ? "demand" : "achievement", i, "第" + i + "号离心泵叶轮设计\n耐腐蚀材料");
		}
		assertThat(index.refreshes()).isEqualTo(before);
		assertThat(index.search("demand", "离心泵叶轮", 20)).hasSize(7);
		assertThat(index.search("achievement", "离心泵叶轮", 20)).hasSize(7);
		assertThat(index.refreshes()).isEqualTo(before + 1);
	}

	@Test
	void aSearchBegunAfterAPostReturnedFindsItWhileOtherThreadsPostAndSearch() throws Exception {
		MatchIndex index = emptyIndex();
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<Boolean>> found = new ArrayList<>();
			for (int t = 0; t < 4; t++) {
				int thread = t;
				found.add(pool.submit(() -> {
					for (int i = 0; i < 50; i++) {
						long id = thread * 1000L + i;
						index.put("demand", id, "离心泵叶轮设计\n耐腐蚀材料");
						if (!ids(index.search("demand", "离心泵叶轮", 1000)).contains(id)) {
							return false;
						}
					}
					return true;
				}));
			}
			for (Future<Boolean> f : found) {
				assertThat(f.get()).isTrue();
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

}
