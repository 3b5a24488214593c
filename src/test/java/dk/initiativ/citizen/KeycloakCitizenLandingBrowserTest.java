package dk.initiativ.citizen;

import dk.initiativ.support.Browser;
import dk.initiativ.support.KeycloakModeTest;
import dk.initiativ.support.KeycloakTestServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Keycloak mode: a citizen who logs in through Keycloak lands on "my initiatives", as in local mode. */
@KeycloakModeTest
class KeycloakCitizenLandingBrowserTest {

    @Test
    void aCitizenLoggingInThroughKeycloakLandsOnMyInitiatives() {
        try (Browser browser = Browser.desktop()) {
            browser.open(app("/oauth2/authorization/keycloak"));
            browser.waitUntil(d -> d.getCurrentUrl().startsWith(KeycloakTestServer.get().baseUrl()) ? true : null);
            browser.type("#username", "citizen");
            browser.type("#password", KeycloakTestServer.DEMO_PASSWORD);
            browser.click("#kc-login");

            browser.waitUntil(d -> d.getCurrentUrl().equals(app("/my")) ? true : null);
            assertThat(browser.find("h1").getText()).isEqualTo("Mine initiativer");
            browser.assertAccessible();
        }
    }

    private static String app(String path) {
        return KeycloakTestServer.get().appBaseUrl() + path;
    }
}
