/** The content module's declarations to the access policy: which alliance owns each article, attachment, link … */
@org.jspecify.annotations.NullMarked
package org.alliancehub.content.internal;
