@NullMarked
package org.alliancehub.membership.web;

import org.jspecify.annotations.NullMarked;
