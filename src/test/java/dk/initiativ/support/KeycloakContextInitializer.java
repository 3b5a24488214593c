package dk.initiativ.support;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Points the application at the test run's Keycloak; waits for it to be ready. */
public class KeycloakContextInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        KeycloakTestServer keycloak = KeycloakTestServer.get();
        TestPropertyValues.of(
                "server.port=" + keycloak.appPort(),
                "initiativ.keycloak.url=" + keycloak.baseUrl(),
                "initiativ.keycloak.client-secret=" + keycloak.clientSecret()).applyTo(context);
    }
}
