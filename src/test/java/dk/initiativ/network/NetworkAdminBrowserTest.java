package dk.initiativ.network;

import java.util.UUID;

import dk.initiativ.support.Browser;
import dk.initiativ.support.LocalModeTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The network registry's pages in a real headless Chromium (issue 13, ADR 0039): the admin finds them from the
 * administration's start page, adds a volunteer (a refused e-mail first, with the message next to the field), sees
 * the volunteer with an emoji in the name, filters the list by kind and removes the volunteer; axe-core finds no
 * violation on any of the pages, in Danish and in English, with and without field errors.
 */
@LocalModeTest
class NetworkAdminBrowserTest {

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void tearDown() {
        jdbc.update("DELETE FROM partner WHERE name LIKE 'Browserfrivillig %'");
    }

    @Test
    void anAdminAddsFiltersAndRemovesAVolunteer() {
        String name = "Browserfrivillig " + UUID.randomUUID().toString().substring(0, 6) + " 🌻";
        try (Browser browser = Browser.desktop()) {
            browser.logIn(url(""), "admin");
            browser.open(url("/admin"));
            browser.click("#admin-network");
            browser.waitUntil(driver -> driver.getCurrentUrl().endsWith("/admin/netvaerk") ? true : null);
            assertThat(browser.find("#network-table").getText()).contains("Kulturhuset Svinninge", "Lokale");
            browser.assertAccessible();

            browser.click("#network-new");
            browser.waitUntil(driver -> driver.getCurrentUrl().contains("/admin/netvaerk/ny") ? true : null);
            browser.assertAccessible();
            new Select(browser.find("#kind")).selectByValue("VOLUNTEER");
            browser.type("#name", name);
            browser.type("#description", "Går ture med ældre");
            browser.type("#contactEmail", "ikke-en-adresse");
            browser.click("label[for='topic-aeldre']");
            browser.click("label[for='district-jyderup']");
            browser.click("#partner-submit");
            assertThat(browser.find("#contactEmail-error").getText()).contains("Skriv e-mailadressen som");
            browser.assertAccessible();
            browser.type("#contactEmail", "gaaven@example.org");
            browser.click("#partner-submit");
            browser.waitUntil(driver -> driver.getCurrentUrl().matches(".*/admin/netvaerk/[0-9]+$") ? true : null);
            assertThat(browser.find("#notice").getText()).contains("Oprettet i netværket.");
            assertThat(browser.find("#partner-title").getText()).isEqualTo(name);
            assertThat(browser.find("#partner-logged").getText()).contains("adgangsloggen");
            assertThat(browser.find("#topic-aeldre").isSelected()).isTrue();
            browser.assertAccessible();
            browser.fullPageScreenshot("admin-network-volunteer.png");
            String partnerPath = browser.currentUrl().replaceFirst("^https?://[^/]+", "");

            // the list filtered by kind
            browser.open(url("/admin/netvaerk"));
            new Select(browser.find("#type")).selectByValue("VOLUNTEER");
            browser.click("#network-filter-submit");
            browser.waitUntil(driver -> driver.getCurrentUrl().contains("type=VOLUNTEER") ? true : null);
            assertThat(browser.find("#network-table").getText()).contains(name, "Holbæk Besøgsvenner")
                    .doesNotContain("Kulturhuset Svinninge");
            browser.assertAccessible();
            browser.fullPageScreenshot("admin-network.png");

            // in English, with and without a field error
            for (String path : new String[] {"/admin/netvaerk", "/admin/netvaerk/ny", partnerPath}) {
                browser.open(url(path + "?lang=en"));
                assertThat(browser.find("html").getAttribute("lang")).isEqualTo("en");
                browser.assertAccessible();
            }
            browser.type("#contactPhone", "12");
            browser.click("#partner-submit");
            assertThat(browser.find("#contactPhone-error").getText()).contains("Write the phone number");
            browser.assertAccessible();

            // removed: no case links it, so it is deleted
            browser.open(url(partnerPath + "?lang=da"));
            browser.click("#retire-submit");
            browser.waitUntil(driver -> driver.getCurrentUrl().endsWith("/admin/netvaerk") ? true : null);
            assertThat(browser.find("#notice").getText()).contains("Slettet");
            browser.assertAccessible();
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
