@ApplicationModule(allowedDependencies = { "platform", "shared" })
@NullMarked
package org.alliancehub.web;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
