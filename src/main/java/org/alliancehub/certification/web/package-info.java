/** Certification's API, the public verification pages and the secretariat's certificate desk. */
@NullMarked
package org.alliancehub.certification.web;

import org.jspecify.annotations.NullMarked;
