package org.alliancehub.search;

import org.alliancehub.FormSession;
import org.alliancehub.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Pages far beyond the results, and pages too large, are the caller's mistake: 400, never 500. */
class SearchPagingIntegrationTests extends IntegrationTest {

	@Test
	void theLastIntegerPageIsABadRequestInTheApi() {
		var r = client().get("/api/v1/search?q=%E8%81%94%E7%9B%9F&page=2147483647");
		assertThat(r.status()).isEqualTo(400);
		assertThat(r.header("Content-Type")).startsWith("application/problem+json");
		assertThat(r.invalidFields()).contains("page");
	}

	@Test
	void aHugePageSizeIsABadRequestInTheApi() {
		var r = client().get("/api/v1/search?q=%E8%81%94%E7%9B%9F&size=2147483647");
		assertThat(r.status()).isEqualTo(400);
		assertThat(r.invalidFields()).contains("size");
		assertThat(client().get("/api/v1/search?q=x&page=2147483647&size=100").status()).isEqualTo(400);
	}

	@Test
	void theLastIntegerPageIsABadRequestOnTheSearchPage() {
		var r = FormSession.anonymous(port).get("/search?q=%E8%81%94%E7%9B%9F&page=2147483647");
		assertThat(r.statusCode()).isEqualTo(400);
		assertThat(r.body()).contains("结果太靠后了");
		assertThat(FormSession.anonymous(port).get("/search?q=x&page=99999999999").statusCode()).isEqualTo(400);
	}
}
