package dk.initiativ.privacy;

import java.util.List;

import dk.initiativ.support.ApiClient;
import dk.initiativ.support.Browser;
import dk.initiativ.support.LocalModeTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin's access log page and the tracking page's lookups in a real headless Chromium, with axe-core in Danish
 * and English, with results, with field errors and empty.
 */
@LocalModeTest
class AccessLogBrowserTest {

    @LocalServerPort int port;
    @Autowired TestRestTemplate http;

    @Test
    void theAdminSearchesTheLogAndTheCitizenSeesTheLookups() {
        ApiClient api = new ApiClient(http);
        ApiClient.Submitted submitted = api.submit("Adgangslog i browseren", "natur-miljoe", "jyderup", List.of());
        try (Browser browser = Browser.desktop()) {
            // the citizen before anyone looked
            browser.open(url("/track/" + submitted.token()));
            assertThat(browser.find("#lookups-none").getText()).contains("Ingen medarbejdere");
            browser.assertAccessible();

            logIn(browser, "admin");
            browser.open(url("/cases/" + submitted.caseNumber()));
            assertThat(browser.find("#nav-access-log").getText()).isEqualTo("Adgangslog");
            browser.click("#nav-access-log");
            browser.waitUntil(driver -> driver.getCurrentUrl().contains("/adgangslog") ? true : null);
            assertThat(browser.find("#access-log-title").getText()).isEqualTo("Log over medarbejderes opslag");
            browser.assertAccessible();

            browser.type("#sag", submitted.caseNumber());
            browser.click("#access-log-submit");
            browser.waitUntil(driver -> driver.getCurrentUrl().contains("sag=") ? true : null);
            assertThat(browser.find("#access-log-table").getText()).contains(submitted.caseNumber(), "admin",
                    "Administration af sagerne");
            browser.assertAccessible();

            // a field error: next to the field and in the error summary
            browser.open(url("/adgangslog?sag=nej"));
            assertThat(browser.find("#sag-error").getText()).contains("Skriv et sagsnummer");
            assertThat(browser.find("#error-summary a[href='#sag']").getText()).contains("Skriv et sagsnummer");
            browser.assertAccessible();

            browser.open(url("/adgangslog?sag=" + submitted.caseNumber() + "&lang=en"));
            assertThat(browser.find("#access-log-title").getText()).isEqualTo("Log of staff lookups");
            assertThat(browser.find("#access-log-table").getText()).contains("Administration of the cases");
            browser.assertAccessible();
            browser.open(url("/adgangslog?lang=da"));

            // the citizen after: when and why, no names
            browser.open(url("/track/" + submitted.token()));
            assertThat(browser.find("#lookups-table").getText()).contains("Administration af sagerne")
                    .doesNotContain("admin");
            browser.assertAccessible();
            browser.open(url("/track/" + submitted.token() + "?lang=en"));
            assertThat(browser.find("#lookups-heading").getText()).isEqualTo("When staff looked at your case");
            browser.assertAccessible();
            browser.open(url("/track/" + submitted.token() + "?lang=da"));
        }
    }

    private void logIn(Browser browser, String user) {
        browser.open(url("/login"));
        browser.type("#username", user);
        browser.type("#password", ApiClient.PASSWORD);
        browser.click("#login-submit");
        browser.waitUntil(driver -> driver.getCurrentUrl().contains("/login") ? null : true);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
