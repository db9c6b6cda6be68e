@ApplicationModule(allowedDependencies = { "certification", "collaboration", "content", "funding", "governance", "identity", "membership", "network", "platform", "shared", "standards", "survey", "transfer" })
@NullMarked
package org.alliancehub.demo;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
