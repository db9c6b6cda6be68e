/**
 * Governance internals: the owners of the objects the module serves by id, for the access policy.
 */
@NullMarked
package org.alliancehub.governance.internal;

import org.jspecify.annotations.NullMarked;
