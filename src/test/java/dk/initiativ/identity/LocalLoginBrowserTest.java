package dk.initiativ.identity;

import dk.initiativ.support.ApiClient;
import dk.initiativ.support.Browser;
import dk.initiativ.support.LocalModeTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Local mode in a real headless Chromium: the login form, Cockpit single sign-on, refusals, logout. */
@LocalModeTest
class LocalLoginBrowserTest {

    @LocalServerPort
    int port;

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
    void theManagerLogsInOnceAndLandsOnTheCockpitDashboard() {
        browser.open(url("/camunda/app/cockpit/default/"));
        logIn("manager");

        browser.waitUntil(d -> d.getCurrentUrl().contains("/camunda/app/cockpit/default/")
                && d.getCurrentUrl().endsWith("#/dashboard") ? true : null);
        browser.waitForText("Mette Leder");
        assertThat(browser.driver().getPageSource()).doesNotContain("id=\"username\"");
    }

    @Test
    void contactStaffIsRefusedCamundaAdmin() {
        browser.open(url("/login"));
        logIn("contact");
        browser.find("#logged-in-as");

        browser.open(url("/camunda/app/admin/default/"));

        assertThat(browser.find("#error-title").getText()).isEqualTo("Du har ikke adgang til denne side");
    }

    @Test
    void aWrongPasswordShowsAnErrorAndLogoutEndsTheSession() {
        browser.open(url("/login"));
        // Camunda delays the next login of a user after a wrong password: use one no other test needs
        browser.type("#username", "fund");
        browser.type("#password", "not-the-password");
        browser.click("#login-submit");
        assertThat(browser.find("#login-error").getText()).contains("forkert");
        browser.assertAccessible();

        logIn("manager");
        browser.find("#logged-in-as");
        browser.click("form[action$='/logout'] button");
        browser.waitUntil(d -> d.getCurrentUrl().endsWith("/?logout") ? true : null);

        browser.open(url("/camunda/app/cockpit/default/"));
        browser.waitUntil(d -> d.getCurrentUrl().endsWith("/login") ? true : null);
    }

    @Test
    void theStartAndLoginPagesAreAccessibleInBothLanguages() {
        for (String lang : new String[] {"da", "en"}) {
            browser.open(url("/?lang=" + lang));
            assertThat(browser.find("html").getAttribute("lang")).isEqualTo(lang);
            browser.assertAccessible();
            browser.open(url("/login"));
            browser.assertAccessible();
        }
    }

    private void logIn(String user) {
        browser.submitLogin(user, ApiClient.PASSWORD);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
