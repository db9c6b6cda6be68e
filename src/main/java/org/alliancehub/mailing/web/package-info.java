/** The mailing API, the subscribe, confirm and unsubscribe pages and the back office's mailings. */
@org.jspecify.annotations.NullMarked
package org.alliancehub.mailing.web;
