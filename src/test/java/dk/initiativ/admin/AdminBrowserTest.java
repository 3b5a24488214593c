package dk.initiativ.admin;

import java.util.UUID;

import dk.initiativ.support.Browser;
import dk.initiativ.support.LocalModeTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The administration in a real headless Chromium (issue 13): the admin finds it from the staff navigation, reaches
 * the pools by keyboard, creates a pool (a refused form first, with the message next to the field), changes its
 * budget, reads the change record, and meets a refused absence on a staff profile; axe-core finds no violation on
 * any admin page, in Danish and in English, with and without field errors.
 */
@LocalModeTest
class AdminBrowserTest {

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void tearDown() {
        jdbc.update("DELETE FROM funding_pool WHERE name LIKE 'Browserpulje %'");
    }

    @Test
    void anAdminMaintainsPoolsAndStaffAndReadsTheChangeRecord() {
        String name = "Browserpulje " + UUID.randomUUID().toString().substring(0, 6) + " 🌻";
        try (Browser browser = Browser.desktop()) {
            browser.logIn(url(""), "admin");
            browser.open(url("/indbakke"));
            assertThat(browser.find("#nav-admin").getText()).isEqualTo("Administration");
            browser.click("#nav-admin");
            browser.waitUntil(driver -> driver.getCurrentUrl().endsWith("/admin") ? true : null);
            assertThat(browser.find("#admin-title").getText()).isEqualTo("Administration");
            browser.assertAccessible();

            // by keyboard: the pools link is reached and followed with Enter
            browser.find("#admin-pools").sendKeys(Keys.ENTER);
            browser.waitUntil(driver -> driver.getCurrentUrl().endsWith("/admin/puljer") ? true : null);
            assertThat(browser.find("#pools-table").getText()).contains("Lokalpuljen");
            browser.assertAccessible();

            browser.click("#pool-new");
            browser.waitUntil(driver -> driver.getCurrentUrl().endsWith("/admin/puljer/ny") ? true : null);
            browser.assertAccessible();
            browser.type("#name", name);
            browser.type("#totalBudget", "80.000");
            browser.click("#pool-submit");
            assertThat(browser.find("#criteria-error").getText()).contains("Skriv puljens kriterier");
            assertThat(browser.find("#error-summary a[href='#criteria']").getText()).contains("Skriv puljens kriterier");
            browser.assertAccessible();
            browser.type("#criteria", "Blomster i byen");
            browser.click("#pool-submit");
            browser.waitUntil(driver -> driver.getCurrentUrl().matches(".*/admin/puljer/[0-9]+$") ? true : null);
            assertThat(browser.find("#notice").getText()).contains("Puljen er oprettet.");
            assertThat(browser.find("#pool-title").getText()).isEqualTo(name);
            browser.assertAccessible();

            // the budget: refused without a reason, then changed
            browser.type("#newBudget", "90.000");
            browser.click("#budget-submit");
            assertThat(browser.find("#reason-error").getText()).contains("Skriv hvorfor budgettet ændres");
            browser.assertAccessible();
            browser.type("#reason", "Ekstra bevilling");
            browser.click("#budget-submit");
            browser.waitForText("Budgettet er ændret.");
            assertThat(browser.find("#budget-now").getText()).contains("90.000 kr.");
            assertThat(browser.find("#history-table").getText()).contains("Budget ændret", "Ekstra bevilling");
            browser.assertAccessible();
            browser.fullPageScreenshot("admin-pool.png");
            String poolUrl = browser.currentUrl();

            browser.open(url("/admin/aendringer?type=funding-pool"));
            assertThat(browser.find("#changes-table").getText()).contains("Oprettet", "Budget ændret", "af admin");
            browser.assertAccessible();
            browser.fullPageScreenshot("admin-changes.png");
            browser.open(url("/admin/aendringer?fra=nej"));
            assertThat(browser.find("#fra-error").getText()).contains("Skriv datoen");
            browser.assertAccessible();

            // staff: an absence ending before it starts is refused next to the field, nothing stored
            browser.open(url("/admin/medarbejdere"));
            assertThat(browser.find("#staff-table").getText()).contains("Anna Holm");
            browser.assertAccessible();
            browser.click("#staff-anna");
            browser.waitUntil(driver -> driver.getCurrentUrl().endsWith("/admin/medarbejdere/anna") ? true : null);
            browser.assertAccessible();
            ((JavascriptExecutor) browser.driver()).executeScript(
                    "document.getElementById('from').value = '2027-03-10';"
                            + "document.getElementById('until').value = '2027-03-01';");
            browser.click("#absence-submit");
            assertThat(browser.find("#until-error").getText()).contains("kan ikke ligge før den første");
            browser.assertAccessible();
            browser.fullPageScreenshot("admin-staff-profile.png");

            // in English
            for (String path : new String[] {"/admin", "/admin/puljer", "/admin/puljer/ny",
                    poolUrl.replaceFirst("^https?://[^/]+", ""), "/admin/aendringer", "/admin/medarbejdere",
                    "/admin/medarbejdere/anna"}) {
                browser.open(url(path + (path.contains("?") ? "&" : "?") + "lang=en"));
                assertThat(browser.find("html").getAttribute("lang")).isEqualTo("en");
                browser.assertAccessible();
            }
            assertThat(browser.find("#absence-heading").getText()).isEqualTo("Absence periods");
            browser.open(url("/admin?lang=da"));
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
