/**
 * Certification (认证与检测): certificates and test reports an alliance's secretariat issues to an organisation or
 * one of its products, signed with the alliance's Ed25519 key over a canonical text of their content, a signed trail
 * of status changes (the status on any day is read from it, EXPIRED follows from the date), the PDF with a QR code
 * of the verification address and the signed content embedded, public verification by number or by an uploaded
 * PDF, and reminders before expiry.
 */
@ApplicationModule(allowedDependencies = { "identity", "membership", "network", "platform", "shared", "standards", "web" })
@NullMarked
package org.alliancehub.certification;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
