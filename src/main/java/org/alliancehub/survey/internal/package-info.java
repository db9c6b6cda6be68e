@NullMarked
package org.alliancehub.survey.internal;

import org.jspecify.annotations.NullMarked;
