@NullMarked
package org.alliancehub.content;

import org.jspecify.annotations.NullMarked;
