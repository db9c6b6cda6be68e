@NullMarked
package org.alliancehub.survey.web;

import org.jspecify.annotations.NullMarked;
