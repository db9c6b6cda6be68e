@ApplicationModule(allowedDependencies = {})
@NullMarked
package org.alliancehub.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
