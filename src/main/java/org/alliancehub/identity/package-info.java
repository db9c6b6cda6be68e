@ApplicationModule(allowedDependencies = { "membership", "network", "platform", "shared", "web" })
@NullMarked
package org.alliancehub.identity;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
