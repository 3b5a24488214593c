package dk.initiativ.identity;

import dk.initiativ.support.Browser;
import dk.initiativ.support.KeycloakModeTest;
import dk.initiativ.support.KeycloakTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Keycloak mode in a real headless Chromium: Keycloak's login page, Cockpit single sign-on, logout. */
@KeycloakModeTest
class KeycloakLoginBrowserTest {

    Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = Browser.desktop();
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void theManagerLogsInThroughKeycloakAndLandsOnTheCockpitDashboard() {
        browser.open(app("/camunda/app/cockpit/default/"));
        logInAtKeycloak("manager");

        browser.waitUntil(d -> d.getCurrentUrl().contains("/camunda/app/cockpit/default/")
                && d.getCurrentUrl().endsWith("#/dashboard") ? true : null);
        browser.waitForText("Mette Leder");
    }

    @Test
    void contactStaffIsRefusedCamundaAdmin() {
        browser.open(app("/camunda/app/tasklist/default/"));
        logInAtKeycloak("contact");
        browser.waitForText("Karl Kontakt");

        browser.open(app("/camunda/app/admin/default/"));

        assertThat(browser.find("#error-title").getText()).isEqualTo("Du har ikke adgang til denne side");
    }

    @Test
    void logoutEndsTheKeycloakSessionToo() {
        browser.open(app("/camunda/app/cockpit/default/"));
        logInAtKeycloak("admin");
        browser.waitForText("Adam Administrator");

        browser.open(app("/"));
        browser.click("form[action$='/logout'] button");
        browser.waitUntil(d -> d.getCurrentUrl().equals(app("/")) ? true : null);

        browser.open(app("/camunda/app/cockpit/default/"));
        browser.find("#kc-login");
        assertThat(browser.currentUrl()).startsWith(KeycloakTestServer.get().baseUrl());
    }

    private void logInAtKeycloak(String user) {
        browser.waitUntil(d -> d.getCurrentUrl().startsWith(KeycloakTestServer.get().baseUrl()) ? true : null);
        browser.type("#username", user);
        browser.type("#password", KeycloakTestServer.DEMO_PASSWORD);
        browser.click("#kc-login");
    }

    private static String app(String path) {
        return KeycloakTestServer.get().appBaseUrl() + path;
    }
}
