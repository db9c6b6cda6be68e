@NullMarked
package org.alliancehub.identity.web;

import org.jspecify.annotations.NullMarked;
