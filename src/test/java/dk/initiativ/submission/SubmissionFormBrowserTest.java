package dk.initiativ.submission;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dk.initiativ.support.Browser;
import dk.initiativ.support.LocalModeTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public form in a real headless Chromium, as a citizen meets it: on a phone in Danish and on a desktop
 * in English, empty, with errors, filled in, and the receipt; axe-core finds no WCAG 2.1 AA violation in
 * any of these states. Writes the screenshots of docs/screenshots.
 */
@LocalModeTest
class SubmissionFormBrowserTest {


    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aCitizenOnAPhoneSubmitsInDanishThroughTheErrorStateToTheReceipt() {
        try (Browser browser = Browser.phone()) {
            browser.open(url("/?lang=da"));
            assertThat(browser.find("h1").getText()).isEqualTo("Har du en idé til dit lokalområde?");
            assertThat(browser.find("html").getAttribute("lang")).isEqualTo("da");
            browser.assertAccessible();
            browser.assertFitsWidth();
            browser.fullPageScreenshot("form-phone.png");
            long before = cases();

            browser.click("#submit-initiative");

            browser.find("#error-summary");
            assertThat(activeElementId(browser)).isEqualTo("error-summary");
            assertThat(text(browser, "#title-error")).isEqualTo("Fejl: Titel skal udfyldes.");
            assertThat(browser.find("#consent-error").getText()).contains("Samtykke skal gives");
            assertThat(browser.find("#error-summary a[href='#title']").getText()).isEqualTo("Titel skal udfyldes.");
            assertThat(browser.find("#title").getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(cases()).isEqualTo(before);
            browser.assertAccessible();
            browser.assertFitsWidth();
            browser.fullPageScreenshot("form-errors-phone.png");
            browser.emulateWidth(320);
            browser.assertFitsWidth();
            browser.emulateWidth(375);

            String title = "<script>window.pwned = true</script>Bænk ved søen";
            browser.type("#title", title);
            browser.type("#description", "En bænk ved søen, så ældre kan hvile sig på gåturen.");
            new Select(browser.find("#topic")).selectByValue("natur-miljoe");
            new Select(browser.find("#district")).selectByValue("holbaek-by");
            browser.click("label[for='helpWanted-FUNDING']");
            browser.type("#estimatedBudget", "15000");
            browser.type("#contactName", "Else Borger");
            browser.type("#contactEmail", "else.borger@example.org");
            new Select(browser.find("#profileAgeBand")).selectByValue("FROM_67");
            browser.click("label[for='consent']");
            browser.assertAccessible();

            browser.click("#submit-initiative");

            browser.waitUntil(d -> d.getCurrentUrl().endsWith("/receipt") ? true : null);
            String caseNumber = browser.find("#case-number").getText();
            assertThat(caseNumber).matches("INI-\\d{4}-\\d{5}");
            assertThat(browser.find("#receipt-title").getText()).isEqualTo(title);
            assertThat(((JavascriptExecutor) browser.driver()).executeScript("return window.pwned === undefined")).isEqualTo(true);
            assertThat(browser.find("#tracking-link").getAttribute("href")).startsWith(url("/track/"));
            assertThat(browser.find("#screening-by").getText()).contains("arbejdsdage");
            assertThat(jdbc.queryForObject("SELECT title FROM initiative WHERE case_number = ?", String.class, caseNumber))
                    .isEqualTo(title);
            browser.assertAccessible();
            browser.assertFitsWidth();
            browser.fullPageScreenshot("receipt-phone.png");

            // a refresh of the receipt posts nothing again
            browser.driver().navigate().refresh();
            assertThat(browser.find("#case-number").getText()).isEqualTo(caseNumber);
            assertThat(cases()).isEqualTo(before + 1);
        }
    }

    @Test
    void aCitizenOnADesktopSubmitsInEnglishWithAPicture() throws IOException {
        Path picture = Files.createTempFile("bench", ".png");
        Files.write(picture, SubmissionFormTest.png());
        try (Browser browser = Browser.desktop()) {
            browser.open(url("/?lang=en"));
            assertThat(browser.find("h1").getText()).isEqualTo("Do you have an idea for your local community?");
            browser.assertAccessible();
            browser.fullPageScreenshot("form-desktop.png");

            browser.type("#title", "Repair café");
            browser.click("label[for='applicantKind-GROUP']");
            browser.click("#submit-initiative");

            assertThat(browser.find("#error-summary h2").getText()).isEqualTo("There is something to correct");
            assertThat(browser.find("#groupName-error").getText()).contains("Write the group's name");
            assertThat(text(browser, "#description-error")).isEqualTo("Error: Description is required.");
            assertThat(browser.find("#title").getAttribute("value")).isEqualTo("Repair café");
            assertThat(browser.find("#applicantKind-GROUP").isSelected()).isTrue();
            browser.assertAccessible();

            browser.type("#description", "A monthly repair café in the library, run by volunteers.");
            new Select(browser.find("#topic")).selectByValue("natur-miljoe");
            new Select(browser.find("#district")).selectByValue("holbaek-by");
            browser.type("#groupName", "The Fixers");
            browser.type("#contactName", "Sam Smith");
            browser.type("#contactEmail", "sam@example.org");
            browser.find("#attachments").sendKeys(picture.toAbsolutePath().toString());
            browser.click("label[for='consent']");
            browser.click("label[for='publicationConsent']");
            browser.assertAccessible();
            browser.click("#submit-initiative");

            browser.waitUntil(d -> d.getCurrentUrl().endsWith("/receipt") ? true : null);
            assertThat(browser.find("h1").getText()).isEqualTo("Thank you! We have received your idea");
            assertThat(browser.find("main").getText()).contains("We have received 1 attached file(s).")
                    .contains("sam@example.org").contains("working days");
            String caseNumber = browser.find("#case-number").getText();
            assertThat(jdbc.queryForObject("SELECT language FROM initiative WHERE case_number = ?", String.class, caseNumber))
                    .isEqualTo("en");
            browser.assertAccessible();
            browser.fullPageScreenshot("receipt-desktop.png");
        } finally {
            Files.deleteIfExists(picture);
        }
    }

    @Test
    void theRefusedFormPageIsAccessibleInBothLanguages() {
        try (Browser browser = Browser.desktop()) {
            for (String lang : new String[] {"da", "en"}) {
                browser.open(url("/?lang=" + lang));
                // the session's token is replaced, as when the page was open so long that the session ended
                ((JavascriptExecutor) browser.driver()).executeScript(
                        "document.querySelector('input[name=_csrf]').value = 'stale';");
                browser.click("#submit-initiative");
                assertThat(browser.find("#error-title").getText())
                        .isEqualTo("da".equals(lang) ? "Formularen blev ikke sendt" : "The form was not sent");
                browser.assertAccessible();
            }
        }
    }




    private static String text(Browser browser, String css) {
        return browser.find(css).getText().replaceAll("\\s+", " ").strip();
    }

    private static String activeElementId(Browser browser) {
        return browser.driver().switchTo().activeElement().getAttribute("id");
    }

    private long cases() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM initiative", Long.class);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
