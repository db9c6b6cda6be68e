@NullMarked
package org.alliancehub.audit.web;

import org.jspecify.annotations.NullMarked;
