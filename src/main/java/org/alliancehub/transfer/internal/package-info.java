/** The transfer module's internals: who owns its objects, the match index, the mail. */
@NullMarked
package org.alliancehub.transfer.internal;

import org.jspecify.annotations.NullMarked;
