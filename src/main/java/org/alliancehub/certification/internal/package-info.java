/** Certification's internals: the signing keys, the canonical text, the PDF, the owners, reminders, rate limits. */
@NullMarked
package org.alliancehub.certification.internal;

import org.jspecify.annotations.NullMarked;
