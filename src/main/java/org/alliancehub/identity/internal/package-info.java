@NullMarked
package org.alliancehub.identity.internal;

import org.jspecify.annotations.NullMarked;
