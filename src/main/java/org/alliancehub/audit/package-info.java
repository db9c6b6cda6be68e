@NullMarked
package org.alliancehub.audit;

import org.jspecify.annotations.NullMarked;
