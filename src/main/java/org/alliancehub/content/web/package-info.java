@NullMarked
package org.alliancehub.content.web;

import org.jspecify.annotations.NullMarked;
