package org.alliancehub.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RegionsTests {

	private final Regions regions = Regions.china();

	@Test
	void listsTheThirtyFourProvinceLevelDivisionsByCode() {
		assertThat(regions.provinces()).hasSize(34);
		assertThat(regions.provinces().get(0).name()).isEqualTo("北京市");
		assertThat(regions.find("130000")).get().extracting(Regions.Region::name).isEqualTo("河北省");
		assertThat(regions.find("650000").orElseThrow().name()).isEqualTo("新疆维吾尔自治区");
	}

	@Test
	void knowsTheCitiesOfAProvinceAndWhereACityLies() {
		assertThat(regions.cities("130000")).extracting(Regions.Region::name).contains("石家庄市", "保定市");
		assertThat(regions.provinceOf("130600").orElseThrow().code()).isEqualTo("130000");
		assertThat(regions.provinceOf("130000").orElseThrow().code()).isEqualTo("130000");
		assertThat(regions.find("139999")).isEmpty();
		assertThat(regions.find("河北省")).isEmpty();
	}

	@Test
	void findsAProvinceByTheNameOrganisationsRecord() {
		assertThat(regions.provinceNamed("河北省").orElseThrow().code()).isEqualTo("130000");
		assertThat(regions.provinceNamed("江苏").orElseThrow().code()).isEqualTo("320000");
		assertThat(regions.provinceNamed("火星")).isEmpty();
	}
}
