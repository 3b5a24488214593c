package dk.initiativ.identity;

import org.apache.catalina.valves.RemoteIpValve;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which addresses may tell the application a client's address through X-Forwarded-For (the rate limit
 * counts per client address): loopback in the embedded run, where a local reverse proxy is the norm, and
 * nobody in the production profile unless the operator names the proxy.
 */
class ProductionProxyTrustTest {

    @Configuration(proxyBeanMethods = false)
    static class NothingButTheConfiguration {
    }

    @Test
    void theProductionProfileTrustsNoProxyAndTheEmbeddedRunTrustsLoopback() {
        assertThat(internalProxies("production")).isEmpty();
        assertThat(trusts(internalProxies("production"), "127.0.0.1")).isFalse();
        assertThat(trusts(internalProxies("keycloak", "production"), "0:0:0:0:0:0:0:1")).isFalse();
        assertThat(trusts(internalProxies("local"), "127.0.0.1")).isTrue();
    }

    private static String internalProxies(String... profiles) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(NothingButTheConfiguration.class)
                .web(WebApplicationType.NONE).profiles(profiles).logStartupInfo(false).run()) {
            return Binder.get(context.getEnvironment()).bind("server", ServerProperties.class).get().getTomcat()
                    .getRemoteip().getInternalProxies();
        }
    }

    /** Whether Tomcat's remote IP valve, as Spring Boot sets it up, believes X-Forwarded-For from this address. */
    private static boolean trusts(String internalProxies, String address) {
        RemoteIpValve valve = new RemoteIpValve();
        valve.setInternalProxies(internalProxies);
        return valve.getInternalProxies() != null && address.matches(valve.getInternalProxies());
    }
}
