@ApplicationModule(allowedDependencies = { "shared", "platform" })
@NullMarked
package org.alliancehub.network;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
