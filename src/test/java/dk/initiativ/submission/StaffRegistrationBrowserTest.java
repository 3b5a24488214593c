package dk.initiativ.submission;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dk.initiativ.support.ApiClient;
import dk.initiativ.support.Browser;
import dk.initiativ.support.LocalModeTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static dk.initiativ.process.InitiativeProcess.TASK_SCREEN_INITIATIVE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15 in headless Chromium, axe-core on every new page in Danish and English: a contact person registers an
 * initiative for a citizen without e-mail who phoned; the printed receipt (PDF) holds the case number and a
 * tracking link that opens the citizen's page; intake screens the case like any other; the timeline on the staff
 * case page says who registered it and how, and the page marks the citizen without e-mail.
 */
@LocalModeTest
class StaffRegistrationBrowserTest {

    private static final Pattern CASE_NUMBER = Pattern.compile("INI-\\d{4}-\\d{5}");
    private static final Pattern TRACKING = Pattern.compile("https?://[^\\s/]+/track/([A-Za-z0-9_-]{43})");

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aContactPersonRegistersAnInitiativeForACitizenWithoutEmailWhoPhoned() throws IOException {
        String caseNumber;
        String token;
        try (Browser browser = Browser.desktop()) {
            browser.logIn(url(""), "contact");
            browser.open(url("/"));
            browser.click("#nav-register");
            browser.waitForText("Registrér et initiativ for en borger");
            browser.assertAccessible();
            screenshot(browser, "register-desktop.png");

            // nothing filled in: the field messages in the summary and next to the fields, nothing stored
            long before = jdbc.queryForObject("SELECT COUNT(*) FROM initiative", Long.class);
            browser.click("#register-initiative");
            browser.waitForText("Vælg, hvordan initiativet kom ind.");
            assertThat(browser.find("#error-summary").getText())
                    .contains("Skriv borgerens e-mail, telefonnummer eller postadresse");
            assertThat(browser.find("#contactEmail").getAttribute("aria-describedby")).contains("contactEmail-error");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM initiative", Long.class)).isEqualTo(before);
            browser.assertAccessible();

            browser.click("label[for='channel-PHONE']");
            browser.type("#title", "Frugttræer i parken");
            browser.type("#description", "Borgeren ringede: plant frugttræer i parken, som alle må plukke fra.");
            new Select(browser.find("#topic")).selectByValue("natur-miljoe");
            new Select(browser.find("#district")).selectByValue("holbaek-by");
            browser.type("#contactName", "Ruth Hansen");
            browser.type("#contactPhone", "59 12 34 56");
            browser.click("label[for='consent']");
            browser.click("#register-initiative");
            browser.waitForText("Initiativet er registreret");
            browser.assertAccessible();
            screenshot(browser, "registered-desktop.png");
            assertThat(browser.find("#no-email").getText()).contains("Borgeren har ingen e-mail", "59 12 34 56");

            Matcher number = CASE_NUMBER.matcher(browser.find("#registered").getText());
            assertThat(number.find()).isTrue();
            caseNumber = number.group();

            // the receipt the link on the page serves, fetched with the employee's session
            String base64 = (String) ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    fetch(document.getElementById('receipt-pdf').href)
                      .then(r => r.arrayBuffer())
                      .then(b => { let s = ''; new Uint8Array(b).forEach(c => s += String.fromCharCode(c)); done(btoa(s)); });
                    """);
            String text = StaffRegistrationTest.textOf(Base64.getDecoder().decode(base64));
            assertThat(text).contains(caseNumber, "Frugttræer i parken", "Telefon");
            Matcher link = TRACKING.matcher(text.replaceAll("\\s+", ""));
            assertThat(link.find()).as("a tracking link in %s", text).isTrue();
            token = link.group(1);

            // the link works: the citizen's tracking page opens and says how the case came in
            browser.open(url("/track/" + token));
            browser.waitForText("Frugttræer i parken");
            assertThat(browser.find("#timeline").getText())
                    .contains("En medarbejder i kommunen har registreret initiativet for dig", "Du ringede til os");
            browser.assertAccessible();

            browser.open(url("/registrer?lang=en"));
            browser.waitForText("Register an initiative for a citizen");
            browser.assertAccessible();
            browser.click("#register-initiative");
            browser.waitForText("Choose how the initiative came in.");
            browser.assertAccessible();
            browser.open(url("/registrer/" + caseNumber + "/kvittering?lang=en"));
            browser.waitForText("The initiative is registered");
            browser.assertAccessible();
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mail_outbox WHERE subject LIKE ?", Long.class,
                "%sag " + caseNumber)).as("no e-mail queued for the citizen").isZero();

        // intake's inbox marks the citizen without e-mail in the case's row, with text and an icon, in both languages
        try (Browser browser = Browser.desktop()) {
            browser.logIn(url(""), "intake");
            browser.open(url("/indbakke?visning=gruppernes-opgaver&q=" + caseNumber));
            String row = "#inbox-rows tr[data-case='" + caseNumber + "']";
            assertThat(browser.find(row + " .inbox-flag-no-email").getText())
                    .isEqualTo("Ingen e-mail: ring eller skriv til borgeren");
            assertThat(browser.find(row + " .inbox-flag-no-email img").getAttribute("src")).endsWith(".svg");
            browser.assertAccessible();
            browser.open(url("/indbakke?visning=gruppernes-opgaver&lang=en&q=" + caseNumber));
            assertThat(browser.find(row + " .inbox-flag-no-email").getText())
                    .isEqualTo("No e-mail: phone or write to the citizen");
            browser.assertAccessible();
            // a citizen with e-mail has no mark
            browser.open(url("/indbakke?visning=gruppernes-opgaver"));
            browser.find("#inbox-rows");
            assertThat(browser.driver().findElements(org.openqa.selenium.By.cssSelector(
                    "#inbox-rows .inbox-flag-no-email")).size())
                    .isLessThan(browser.driver().findElements(org.openqa.selenium.By.cssSelector(
                            "#inbox-rows tbody tr")).size());
        }

        // intake screens it like any other case
        ApiClient api = new ApiClient(http);
        ApiClient.ok(api.post("intake", "/api/tasks/" + api.task("intake", caseNumber, TASK_SCREEN_INITIATIVE)
                + "/screening", Map.of("decision", "accept")));

        try (Browser browser = Browser.desktop()) {
            browser.logIn(url(""), "intake");
            browser.open(url("/cases/" + caseNumber));
            browser.waitForText("Sådan kom initiativet ind");
            assertThat(browser.find("#case-timeline").getText())
                    .contains("Registreret for borgeren af en medarbejder", "Karl Kontakt", "Telefon",
                            "Godkendt som initiativ");
            assertThat(browser.find("#case-channel").getText()).contains("Telefon");
            assertThat(browser.find("#no-email").getText()).contains("Borgeren har ingen e-mail",
                    "Kontakt borgeren pr. telefon eller brev");
            assertThat(browser.find("#no-email svg.alert-icon").getAttribute("aria-hidden")).isEqualTo("true");
            assertThat(browser.find("#case-receipt-pdf").getAttribute("href"))
                    .endsWith("/registrer/" + caseNumber + "/kvittering.pdf");
            browser.assertAccessible();

            browser.open(url("/cases/" + caseNumber + "?lang=en"));
            browser.waitForText("How the initiative came in");
            assertThat(browser.find("#case-timeline").getText()).contains("Registered for the citizen", "Phone");
            browser.assertAccessible();
        }
    }

    /** Only when the run asks for screenshots ({@code -Dscreenshots.dir=docs/screenshots}). */
    private static void screenshot(Browser browser, String name) {
        String folder = System.getProperty("screenshots.dir");
        if (folder != null) {
            try {
                java.nio.file.Files.createDirectories(Path.of(folder));
                java.nio.file.Files.move(browser.fullPageScreenshot(name), Path.of(folder, name),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
