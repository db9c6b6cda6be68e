/** The collaboration API, public registers and the secretariat's back-office screens. */
@NullMarked
package org.alliancehub.collaboration.web;

import org.jspecify.annotations.NullMarked;
