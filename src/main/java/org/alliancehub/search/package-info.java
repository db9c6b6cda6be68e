/**
 * Full-text search across the whole network (Lucene with the Chinese analyzer), where Simplified and
 * Traditional characters, full- and half-width forms and case are one. The index follows the other
 * modules through their events and can be rebuilt from the database at any time.
 */
@ApplicationModule(allowedDependencies = { "collaboration", "content", "governance", "identity", "membership", "network", "platform", "shared", "standards", "text", "transfer", "web" })
@NullMarked
package org.alliancehub.search;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
