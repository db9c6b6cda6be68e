/** The transfer API and the demand, achievement and register pages. */
@NullMarked
package org.alliancehub.transfer.web;

import org.jspecify.annotations.NullMarked;
