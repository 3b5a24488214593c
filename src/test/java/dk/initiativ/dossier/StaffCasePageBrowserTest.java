package dk.initiativ.dossier;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dk.initiativ.support.ApiClient;
import dk.initiativ.support.Browser;
import dk.initiativ.support.LocalModeTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

import static dk.initiativ.process.InitiativeProcess.TASK_PLAN_SUPPORT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The staff case page in headless Chromium, axe-core in Danish and English: the internal note box (empty,
 * refused, written with emoji) and the department's permit view (issue 10, findings 3 and 8).
 */
@LocalModeTest
class StaffCasePageBrowserTest {

    @LocalServerPort int port;
    @Autowired TestRestTemplate http;
    @Autowired Clock clock;

    @Test
    void staffWriteInternalNotesOnTheCasePage() {
        String caseNumber = new ApiClient(http).submit("Shelter ved skoven", "natur-miljoe", "toelloese", List.of())
                .caseNumber();
        try (Browser browser = Browser.desktop()) {
            browser.logIn(url(""), "intake");
            browser.open(url("/cases/" + caseNumber));
            browser.waitForText("Interne notater");
            assertThat(browser.find("#notes-privacy").getText()).contains("når borgeren henter alle data om sagen");
            browser.assertAccessible();

            // empty: the field error next to the field and in the summary, nothing stored
            browser.click("#note-submit");
            browser.waitForText("Skriv notatet.");
            assertThat(browser.find("#error-summary").getText()).contains("Skriv notatet.");
            assertThat(browser.find("#body").getAttribute("aria-describedby")).contains("body-error");
            browser.assertAccessible();

            // ChromeDriver types only the Basic Multilingual Plane: the emoji goes in as the browser's own value
            ((JavascriptExecutor) browser.driver()).executeScript(
                    "document.getElementById('body').value = arguments[0];", "Aftalt møde med skolen 🌲 på fredag");
            browser.click("#note-submit");
            browser.waitForText("Notatet er gemt.");
            String listed = browser.find("#notes-list").getText();
            String today = DateTimeFormatter.ofPattern("d. MMMM yyyy", Locale.forLanguageTag("da"))
                    .format(clock.instant().atZone(ZoneId.of("Europe/Copenhagen")));
            assertThat(listed).contains("Aftalt møde med skolen 🌲 på fredag", "Ida Visitation", today);
            browser.assertAccessible();

            browser.open(url("/cases/" + caseNumber + "?lang=en"));
            browser.waitForText("Internal notes");
            assertThat(browser.find("#notes-privacy").getText()).contains("right of access");
            browser.click("#note-submit");
            browser.waitForText("Write the note.");
            browser.assertAccessible();
        }
    }

    @Test
    void aDepartmentSeesOnlyWhatThePermitDecisionNeeds() {
        ApiClient api = new ApiClient(http);
        String caseNumber = api.submit("Julemarked på torvet", "kultur-fritid", "moerkoev", List.of("PERMITS"))
                .caseNumber();
        String contact = api.toSupportPlan(caseNumber);
        ApiClient.ok(api.post(contact, "/api/tasks/" + api.task(contact, caseNumber, TASK_PLAN_SUPPORT) + "/support-plan",
                Map.of("funding", false, "permits", true, "permitTypes", List.of(
                        "brug-af-offentligt-areal", "midlertidig-opstilling-af-telt"),
                        "partners", false, "political", false)));
        try (Browser browser = Browser.desktop()) {
            browser.logIn(url(""), "vibeke");
            browser.open(url("/cases/" + caseNumber));
            browser.waitForText("Tilladelser, som din afdeling afgør");
            String page = browser.find("main").getText();
            assertThat(page).contains("Julemarked på torvet", "Mørkøv", "Brug af offentligt areal", "Vej og Park")
                    .doesNotContain("Midlertidig opstilling af telt", "Else Borger", "else@example.org", "Interne notater");
            browser.assertAccessible();

            browser.open(url("/cases/" + caseNumber + "?lang=en"));
            browser.waitForText("Permits your department decides");
            assertThat(browser.find("main").getText()).contains("Roads and Parks");
            browser.assertAccessible();
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
