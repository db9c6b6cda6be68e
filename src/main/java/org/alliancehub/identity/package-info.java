@NullMarked
package org.alliancehub.identity;

import org.jspecify.annotations.NullMarked;
