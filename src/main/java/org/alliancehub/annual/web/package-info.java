/** The annual reports and activity API, the published formula page and the back-office screens. */
@NullMarked
package org.alliancehub.annual.web;

import org.jspecify.annotations.NullMarked;
