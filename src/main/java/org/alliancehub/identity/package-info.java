@ApplicationModule(allowedDependencies = { "membership", "network", "platform", "shared" })
@NullMarked
package org.alliancehub.identity;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
