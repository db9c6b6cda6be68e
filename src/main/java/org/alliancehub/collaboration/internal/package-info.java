/**
 * Collaboration internals: the owners of the objects the module serves by id, the e-mails about resource
 * requests, and the files the module holds.
 */
@NullMarked
package org.alliancehub.collaboration.internal;

import org.jspecify.annotations.NullMarked;
