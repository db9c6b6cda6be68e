package org.alliancehub.certification;

/** What a certificate attests: a product's certification, a test report, a qualification (资质), membership. */
public enum CertificateKind {
	PRODUCT_CERTIFICATION("PC"), TEST_REPORT("TR"), QUALIFICATION("QC"), MEMBERSHIP("MC");

	private final String code;

	CertificateKind(String code) {
		this.code = code;
	}

	/** The two letters in a generated certificate number. */
	public String code() {
		return code;
	}
}
