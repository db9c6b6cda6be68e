@NullMarked
package org.alliancehub.platform;

import org.jspecify.annotations.NullMarked;
