package dk.initiativ.submission;

import java.util.ArrayList;
import java.util.List;

import dk.initiativ.support.Browser;
import dk.initiativ.support.LocalModeTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A citizen without a mouse: the Tab key reaches every field of the form in reading order (the skip link
 * first, the honeypot never), and the keyboard alone fills it in and sends it.
 */
@LocalModeTest
class KeyboardOnlyBrowserTest {

    @LocalServerPort
    int port;

    @Test
    void theKeyboardAloneSubmitsTheFormInReadingOrder() {
        try (Browser browser = Browser.desktop()) {
            browser.open("http://localhost:" + port + "/?lang=en");
            browser.find("#submission-form");

            List<String> visited = new ArrayList<>();
            for (int presses = 0; presses < 80 && !visited.contains("submit-initiative"); presses++) {
                WebElement focused = press(browser, Keys.TAB);
                String id = focused.getAttribute("id");
                if (visited.isEmpty()) {
                    assertThat(focused.getAttribute("class")).as("the first stop").contains("skipnav");
                }
                visited.add(id == null || id.isEmpty() ? focused.getTagName() : id);
                switch (visited.get(visited.size() - 1)) {
                    case "title" -> type(browser, "Bænke ved søen");
                    case "description" -> type(browser, "Tre bænke, så de ældre kan hvile sig på turen.");
                    case "topic", "district" -> press(browser, Keys.ARROW_DOWN);
                    case "contactName" -> type(browser, "Tastatur Borger");
                    case "contactEmail" -> type(browser, "tastatur@example.org");
                    case "consent" -> press(browser, Keys.SPACE);
                    default -> { }
                }
            }

            assertThat(visited).containsSubsequence("title", "description", "topic", "district", "estimatedBudget",
                    "expectedTimeline", "attachments", "applicantKind-INDIVIDUAL", "contactName", "contactEmail",
                    "contactPhone", "profileAgeBand", "profileDistrict", "consent", "publicationConsent",
                    "submit-initiative");
            assertThat(visited).doesNotContain("website");

            press(browser, Keys.ENTER);
            browser.waitUntil(d -> d.getCurrentUrl().endsWith("/receipt") ? true : null);
            assertThat(browser.find("h1").getText()).isEqualTo("Thank you! We have received your idea");
            assertThat(browser.find("#receipt-title").getText()).isEqualTo("Bænke ved søen");
            assertThat(browser.find("#case-number").getText()).startsWith("INI-");
        }
    }

    private static void type(Browser browser, String text) {
        new Actions(browser.driver()).sendKeys(text).perform();
    }

    private static WebElement press(Browser browser, Keys key) {
        new Actions(browser.driver()).sendKeys(key).perform();
        return browser.driver().switchTo().activeElement();
    }
}
