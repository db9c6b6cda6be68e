package org.alliancehub.identity.internal;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who the client is when the platform runs behind a reverse proxy. Only requests that come from one of the
 * addresses in {@code alliancehub.trusted-proxies} (env {@code ALLIANCEHUB_TRUSTED_PROXIES}, comma-separated,
 * exactly as the server sees them, e.g. {@code 127.0.0.1,10.0.0.5}) have their {@code X-Forwarded-For} and
 * {@code X-Forwarded-Proto} believed: the client address then comes from the header (the sign-in throttle
 * counts per client, not per proxy) and {@code https} makes the request secure (the session cookie gets
 * {@code Secure}). Empty by default: a header sent from the internet is ignored.
 */
@Configuration(proxyBeanMethods = false)
class ReverseProxy {

	@ConfigurationProperties("alliancehub")
	record Settings(@DefaultValue List<String> trustedProxies) {
	}

	@Bean
	WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> trustedProxies(Settings settings) {
		return factory -> {
			List<String> proxies = settings.trustedProxies().stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
			if (!proxies.isEmpty()) {
				factory.addEngineValves(valve(proxies));
			}
		};
	}

	static RemoteIpValve valve(List<String> proxies) {
		RemoteIpValve valve = new RemoteIpValve();
		valve.setInternalProxies(proxies.stream().map(Pattern::quote).collect(Collectors.joining("|")));
		valve.setTrustedProxies(null);
		valve.setRemoteIpHeader("X-Forwarded-For");
		valve.setProtocolHeader("X-Forwarded-Proto");
		valve.setProtocolHeaderHttpsValue("https");
		return valve;
	}
}
