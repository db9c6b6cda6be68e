/**
 * The workbench (工作台) and its notifications: collects the waiting work every module tells of
 * ({@link org.alliancehub.shared.WaitingWork}) for the alliances a user serves and the organisations it
 * represents, keeps a notification of each new piece of work, and sends them by e-mail, at once or in a daily
 * digest, as each user chose.
 */
@ApplicationModule(allowedDependencies = { "identity", "network", "platform", "shared", "web" })
@NullMarked
package org.alliancehub.notification;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
