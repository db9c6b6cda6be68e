@NullMarked
package org.alliancehub.network;

import org.jspecify.annotations.NullMarked;
