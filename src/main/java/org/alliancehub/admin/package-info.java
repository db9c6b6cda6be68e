/**
 * The back office (管理后台): the screens a secretariat and the network administrator work in. It only
 * composes the other modules' public services; it owns no data of its own.
 */
@ApplicationModule(allowedDependencies = { "audit", "content", "identity", "membership", "network", "shared" })
@NullMarked
package org.alliancehub.admin;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
