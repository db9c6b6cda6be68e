@ApplicationModule(allowedDependencies = { "network", "platform", "shared", "web" })
@NullMarked
package org.alliancehub.membership;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
