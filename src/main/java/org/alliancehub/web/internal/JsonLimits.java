package org.alliancehub.web.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings under {@code alliancehub.json.*}.
 *
 * @param maxBodySize largest JSON request body accepted (larger answers 413); uploads have their own limits
 */
@ConfigurationProperties("alliancehub.json")
record JsonLimits(@DefaultValue("1MB") DataSize maxBodySize) {
}
