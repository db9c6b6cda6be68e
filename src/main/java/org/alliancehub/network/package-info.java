// Allowed dependencies: what the code uses today; "web" only because SiteFrames builds web.Frame today; it leaves when the site frame moves to the web layer (issue 10, item 2).
@ApplicationModule(allowedDependencies = { "shared", "web" })
@NullMarked
package org.alliancehub.network;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
