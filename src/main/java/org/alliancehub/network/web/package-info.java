@NullMarked
package org.alliancehub.network.web;

import org.jspecify.annotations.NullMarked;
