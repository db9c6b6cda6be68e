@NullMarked
package org.alliancehub.demo;

import org.jspecify.annotations.NullMarked;
