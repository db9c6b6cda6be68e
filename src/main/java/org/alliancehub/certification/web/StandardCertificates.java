package org.alliancehub.certification.web;

import java.util.ArrayList;
import java.util.List;

import org.alliancehub.certification.CertificateStatus;
import org.alliancehub.certification.CertificateSummary;
import org.alliancehub.certification.Certificates;
import org.alliancehub.standards.StandardRef;
import org.alliancehub.standards.Standards;
import org.alliancehub.web.RelatedLink;
import org.alliancehub.web.RelatedLinks;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A standard's page lists the certificates attesting conformity to it (certificates are public): those valid
 * today first, then, in their own group and with their status, those that are not (suspended, revoked, expired).
 */
@Component
class StandardCertificates implements RelatedLinks {

	private final Standards standards;

	private final Certificates certificates;

	private final MessageSource messages;

	StandardCertificates(Standards standards, Certificates certificates, MessageSource messages) {
		this.standards = standards;
		this.certificates = certificates;
		this.messages = messages;
	}

	@Override
	public List<RelatedLink> linksTo(String kind, long id) {
		if (!kind.equals("standard")) {
			return List.of();
		}
		StandardRef s = standards.byId(id).orElse(null);
		if (s == null || s.number() == null) {
			return List.of();
		}
		List<RelatedLink> links = new ArrayList<>();
		for (CertificateSummary c : certificates.attesting(s.number())) {
			String title = c.number() + " · " + c.holder() + " · " + c.subject();
			if (c.status() == CertificateStatus.VALID) {
				links.add(new RelatedLink("related.certificates", 50, "/certificates/" + c.number(), title));
			}
			else {
				String status = messages.getMessage("enum.CertificateStatus." + c.status().name(), null, c.status().name(),
						LocaleContextHolder.getLocale());
				links.add(new RelatedLink("related.certificatesNotValid", 51, "/certificates/" + c.number(),
						title + " (" + status + ")"));
			}
		}
		return links;
	}
}
