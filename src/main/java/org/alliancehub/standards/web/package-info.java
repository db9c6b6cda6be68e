/** The standards API, the public register and a standard's page with its comment form, and the secretariat's desk. */
@NullMarked
package org.alliancehub.standards.web;

import org.jspecify.annotations.NullMarked;
