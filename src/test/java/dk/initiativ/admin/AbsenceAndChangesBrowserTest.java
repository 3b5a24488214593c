package dk.initiativ.admin;

import java.time.LocalDate;

import dk.initiativ.support.Browser;
import dk.initiativ.support.LocalModeTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real headless Chromium (issue 13, ADR 0038): an admin adds two absence periods to a staff profile (one
 * refused first, in Danish and in English), sees them listed, removes one, and reads the change record as tables of
 * Danish labels and names; axe-core finds no violation on the profile with several periods and on the change record,
 * in Danish and in English.
 */
@LocalModeTest
class AbsenceAndChangesBrowserTest {

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void tearDown() {
        jdbc.update("DELETE a FROM staff_absence a JOIN staff_profile p ON p.id = a.staff_profile_id"
                + " WHERE p.user_id = 'cecilie' AND a.note LIKE 'Browser %'");
    }

    private void typeDates(Browser browser, LocalDate from, LocalDate until) {
        ((JavascriptExecutor) browser.driver()).executeScript("document.getElementById('from').value = arguments[0];"
                + "document.getElementById('until').value = arguments[1];", from.toString(),
                until == null ? "" : until.toString());
    }

    @Test
    void anAdminPlansSeveralAbsencePeriodsAndReadsTheChangeRecord() {
        LocalDate start = LocalDate.now().plusDays(14);
        try (Browser browser = Browser.desktop()) {
            browser.logIn(url(""), "admin");
            browser.open(url("/admin/medarbejdere/cecilie"));
            browser.assertAccessible();

            // refused: the last day before the first
            typeDates(browser, start.plusDays(3), start);
            browser.click("#absence-submit");
            assertThat(browser.find("#until-error").getText()).contains("kan ikke ligge før den første");
            browser.assertAccessible();

            typeDates(browser, start, start.plusDays(4));
            browser.type("#note", "Browser ferie 🌞");
            browser.click("#absence-submit");
            browser.waitForText("Fraværsperioden er tilføjet.");
            typeDates(browser, start.plusDays(20), null);
            browser.type("#note", "Browser orlov");
            browser.click("#absence-submit");
            browser.waitForText("Fraværsperioden er tilføjet.");
            assertThat(browser.find("#absence-table").getText()).contains("Browser ferie 🌞", "Browser orlov",
                    "Kommende", "ukendt");
            // overlapping: refused next to the first day
            typeDates(browser, start.plusDays(4), start.plusDays(6));
            browser.click("#absence-submit");
            assertThat(browser.find("#from-error").getText()).contains("overlapper");
            browser.assertAccessible();
            browser.open(url("/admin/medarbejdere/cecilie"));
            browser.assertAccessible();
            browser.fullPageScreenshot("admin-staff-absences.png");

            // in English, with the refusal
            browser.open(url("/admin/medarbejdere/cecilie?lang=en"));
            assertThat(browser.find("#absence-heading").getText()).isEqualTo("Absence periods");
            typeDates(browser, start.plusDays(4), start.plusDays(6));
            browser.click("#absence-submit");
            assertThat(browser.find("#from-error").getText()).contains("overlaps another");
            browser.assertAccessible();
            browser.open(url("/admin/aendringer?type=staff-profile"));
            assertThat(browser.find("#changes-table").getText()).contains("Absence periods", "Browser orlov");
            browser.assertAccessible();

            // in Danish: remove one, then the change record
            browser.open(url("/admin/medarbejdere/cecilie?lang=da"));
            String removeId = browser.driver().findElement(org.openqa.selenium.By.xpath(
                    "//tr[td[contains(., 'Browser orlov')]]//button")).getAttribute("id");
            browser.click("#" + removeId);
            browser.waitForText("Fraværsperioden er fjernet.");
            assertThat(browser.find("#absence-table").getText()).contains("Browser ferie").doesNotContain("Browser orlov");
            browser.assertAccessible();

            browser.open(url("/admin/aendringer?type=staff-profile"));
            String record = browser.find("#changes-table").getText();
            assertThat(record).contains("Medarbejderprofil", "Cecilie", "Fraværsperioder", "Browser orlov", "af admin")
                    .doesNotContain("absences");
            browser.assertAccessible();
            browser.fullPageScreenshot("admin-changes-readable.png");
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
