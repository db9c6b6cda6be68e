@ApplicationModule(allowedDependencies = { "identity", "network", "shared", "web" })
@NullMarked
package org.alliancehub.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
