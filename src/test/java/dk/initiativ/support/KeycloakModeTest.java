package dk.initiativ.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The application in keycloak mode against the real Keycloak of this test run, on the port the
 * realm's redirect URIs were imported with. All such test classes share one Spring context.
 *
 * <p>They run in a JVM of their own (the surefire execution {@code keycloak-mode}, tag {@value #TAG}):
 * Camunda's webapps and engine REST API find the engine "default" in a JVM-wide registry, so two
 * application contexts in one JVM would serve each other's engine.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("keycloak")
@Tag(KeycloakModeTest.TAG)
@ContextConfiguration(initializers = KeycloakContextInitializer.class)
public @interface KeycloakModeTest {

    String TAG = "keycloak-mode";
}
