@NullMarked
package org.alliancehub.web;

import org.jspecify.annotations.NullMarked;
