@ApplicationModule(allowedDependencies = { "shared" })
@NullMarked
package org.alliancehub.platform;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
