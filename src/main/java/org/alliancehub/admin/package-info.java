/**
 * The back office's own screens (管理后台): the dashboard, the alliances and an alliance's profile (the
 * network module sits below the web layer, so its screens are served here), and the invitations an
 * organisation answers (they need both identity and membership). Every other module serves its back-office
 * screens from its own {@code web} package and contributes its entries to the navigation. It owns no data.
 */
@ApplicationModule(allowedDependencies = { "identity", "mailing", "membership", "network", "search", "shared", "web" })
@NullMarked
package org.alliancehub.admin;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
