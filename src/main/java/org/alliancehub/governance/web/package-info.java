@NullMarked
package org.alliancehub.governance.web;

import org.jspecify.annotations.NullMarked;
