@NullMarked
package org.alliancehub.search.internal;

import org.jspecify.annotations.NullMarked;
