@NullMarked
package org.alliancehub.search.web;

import org.jspecify.annotations.NullMarked;
