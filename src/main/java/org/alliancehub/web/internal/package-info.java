@NullMarked
package org.alliancehub.web.internal;

import org.jspecify.annotations.NullMarked;
