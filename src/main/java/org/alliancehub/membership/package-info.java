@NullMarked
package org.alliancehub.membership;

import org.jspecify.annotations.NullMarked;
