@NullMarked
package org.alliancehub.shared;

import org.jspecify.annotations.NullMarked;
