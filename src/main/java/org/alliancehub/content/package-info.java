@ApplicationModule(allowedDependencies = { "identity", "network", "platform", "shared", "web" })
@NullMarked
package org.alliancehub.content;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
