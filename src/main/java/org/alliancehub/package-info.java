@NullMarked
package org.alliancehub;

import org.jspecify.annotations.NullMarked;
