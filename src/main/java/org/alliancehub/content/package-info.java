@ApplicationModule(allowedDependencies = { "identity", "network", "platform", "shared", "survey", "web" })
@NullMarked
package org.alliancehub.content;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
