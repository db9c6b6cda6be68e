/** The mailing module's outbox sender, link signing and declarations to the access policy. */
@org.jspecify.annotations.NullMarked
package org.alliancehub.mailing.internal;
