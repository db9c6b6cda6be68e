/** The funding API, the network's back-office pages (plans, payers, payments, execution) and the payers' statements. */
@NullMarked
package org.alliancehub.funding.web;

import org.jspecify.annotations.NullMarked;
