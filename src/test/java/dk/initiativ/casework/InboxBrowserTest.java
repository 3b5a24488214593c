package dk.initiativ.casework;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dk.initiativ.initiative.HelpKind;
import dk.initiativ.initiative.SubmissionService;
import dk.initiativ.initiative.SubmitInitiativeRequest;
import dk.initiativ.support.ApiClient;
import dk.initiativ.support.ApiClient.Submitted;
import dk.initiativ.support.Browser;
import dk.initiativ.support.LocalModeTest;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The staff inbox in headless Chromium: axe-core finds no WCAG 2.1 AA violation in any view or state (each view,
 * empty, filtered, paged, with the confirmation after taking a task), in Danish and English; the keyboard alone
 * filters, opens a case and comes back to the same view. Screenshots at desktop and tablet width go to
 * {@code -Dscreenshots.dir} when it is set.
 */
@LocalModeTest
class InboxBrowserTest {

    @LocalServerPort int port;
    @Autowired TestRestTemplate http;
    @Autowired TaskService taskService;
    @Autowired SubmissionService submissions;

    @Test
    void everyViewAndStateIsAccessibleInDanishAndEnglish() {
        ApiClient api = new ApiClient(http);
        String word = InboxTest.word();
        Submitted planned = api.submit("Naturlegeplads " + word, "natur-miljoe", "jyderup", List.of("PARTNERS"));
        api.toSupportPlan(planned.caseNumber());
        http.postForEntity("/api/citizen/" + planned.token() + "/messages",
                new HttpEntity<>(Map.of("body", "Vi har fundet en grund 🌳"), ApiClient.json()), Map.class);
        List<String> queue = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            queue.add(api.submit("Kø " + i + " " + word, "kultur-fritid", "holbaek-by", List.of("FUNDING")).caseNumber());
        }
        overdue(queue.get(0));

        try (Browser browser = Browser.desktop()) {
            browser.logIn(url(""), "admin");
            for (String lang : List.of("da", "en")) {
                for (InboxView view : InboxView.values()) {
                    check(browser, "/indbakke?visning=" + view.param() + "&lang=" + lang, "#view-heading");
                }
                // filtered, empty, paged
                check(browser, "/indbakke?visning=gruppernes-opgaver&frist=overskredet&q=" + word + "&lang=" + lang,
                        "#inbox-rows");
                assertThat(browser.find("#inbox-rows").getText()).contains(queue.get(0))
                        .contains("da".equals(lang) ? "Overskredet" : "Overdue");
                check(browser, "/indbakke?visning=mine-sager&ulaeste=true&q=ingen-" + word + "&lang=" + lang,
                        "#inbox-empty");
                check(browser, "/indbakke?visning=gruppernes-opgaver&antal=10&side=2&q=" + word + "&lang=" + lang,
                        "#inbox-pages");
                check(browser, "/indbakke?visning=teamets-sager&ulaeste=true&q=" + word + "&lang=" + lang,
                        "#inbox-rows");
                assertThat(browser.find("#inbox-rows").getText()).contains(planned.caseNumber());
            }
        }
        // the confirmation after taking a task from a group's queue, in both languages
        for (String lang : List.of("da", "en")) {
            try (Browser browser = Browser.desktop()) {
                browser.logIn(url(""), "intake");
                browser.open(url("/indbakke?visning=gruppernes-opgaver&sortering=sagsnummer&q=" + word + "&lang=" + lang));
                browser.click("#inbox-rows button.inbox-claim");
                browser.find("#notice");
                assertThat(browser.currentUrl()).contains("q=" + word).contains("sortering=sagsnummer");
                browser.assertAccessible();
            }
        }
    }

    @Test
    void theKeyboardAloneSearchesOpensACaseAndComesBackToTheSameView() {
        ApiClient api = new ApiClient(http);
        String word = InboxTest.word();
        String caseNumber = api.submit("Tastaturhaven " + word, "natur-miljoe", "holbaek-by", List.of("FUNDING"))
                .caseNumber();
        try (Browser browser = Browser.desktop()) {
            browser.logIn(url(""), "intake");
            browser.open(url("/indbakke?visning=gruppernes-opgaver&sortering=nyeste"));
            browser.find("#inbox-filter");

            // Tab from the top: the skip link first, then on to the search field
            List<String> visited = new ArrayList<>();
            WebElement focused = null;
            for (int presses = 0; presses < 40 && !"q".equals(visited.isEmpty() ? null : visited.get(visited.size() - 1));
                    presses++) {
                focused = press(browser, Keys.TAB);
                if (visited.isEmpty()) {
                    assertThat(focused.getAttribute("class")).as("the first stop").contains("skipnav");
                }
                visited.add(idOf(focused));
            }
            assertThat(visited).containsSubsequence("nav-inbox", "view-mine-opgaver", "view-gruppernes-opgaver", "q");
            new Actions(browser.driver()).sendKeys(word).perform();
            // on through the filters to the button
            for (int presses = 0; presses < 20 && !"inbox-show".equals(idOf(focused)); presses++) {
                focused = press(browser, Keys.TAB);
                visited.add(idOf(focused));
            }
            assertThat(visited).containsSubsequence("q", "fase", "emne", "bydel", "frist", "sortering", "antal",
                    "ulaeste", "inbox-show");
            press(browser, Keys.ENTER);
            browser.waitUntil(d -> d.getCurrentUrl().contains("q=" + word) ? true : null);
            String inboxUrl = browser.currentUrl();
            assertThat(inboxUrl).contains("sortering=nyeste").contains("visning=gruppernes-opgaver");

            // on to the case's link, and into the case
            focused = browser.driver().switchTo().activeElement();
            for (int presses = 0; presses < 40 && !"inbox-case-link".equals(focused.getAttribute("class")); presses++) {
                focused = press(browser, Keys.TAB);
            }
            assertThat(focused.getText()).contains(caseNumber);
            press(browser, Keys.ENTER);
            browser.waitUntil(d -> d.getCurrentUrl().contains("/cases/" + caseNumber) ? true : null);
            assertThat(browser.currentUrl()).contains("fra=");
            browser.find("#case-title");

            // Back: the same view, its search still in the field
            browser.driver().navigate().back();
            browser.waitUntil(d -> d.getCurrentUrl().equals(inboxUrl) ? true : null);
            assertThat(browser.find("#q").getAttribute("value")).isEqualTo(word);
            assertThat(browser.find("#sortering").getAttribute("value")).isEqualTo("nyeste");
            assertThat(browser.find("#inbox-rows").getText()).contains(caseNumber);
        }
    }

    @Test
    void screenshotsAtDesktopAndTabletWidth() {
        String dir = System.getProperty("screenshots.dir");
        List<String> cases = new ArrayList<>();
        String[][] ideas = {
                {"Legeplads i skoven ved Svinninge", "Mette Kristensen"},
                {"Lektiecafé i biblioteket", "Ahmed Hassan"},
                {"Ungdomsklub om fredagen 🎸", "Sofie Nielsen"},
                {"Skaterbane ved hallen", "Jonas Østergaard"},
                {"Sommerlejr for børn fra byen", "Line Mortensen"}};
        for (String[] idea : ideas) {
            cases.add(submissions.submit(new SubmitInitiativeRequest(idea[0], "Beskrivelse af " + idea[0], "boern-unge",
                    "svinninge", idea[1], "borger@example.org", true, Set.of(HelpKind.FUNDING)),
                    Locale.forLanguageTag("da")).caseNumber());
        }
        overdue(cases.get(0));
        try (Browser browser = Browser.desktop()) {
            browser.logIn(url(""), "intake");
            String view = "/indbakke?visning=gruppernes-opgaver&emne=boern-unge&bydel=svinninge";
            browser.open(url(view));
            assertThat(browser.find("#inbox-rows").getText()).contains("Legeplads i skoven ved Svinninge");
            browser.assertAccessible();
            if (dir != null) {
                fullPage(browser, Path.of(dir, "inbox-desktop.png"));
            }
            browser.driver().manage().window().setSize(new Dimension(768, 1024));
            browser.open(url(view));
            browser.find("#inbox-rows");
            browser.assertAccessible();
            if (dir != null) {
                fullPage(browser, Path.of(dir, "inbox-tablet.png"));
            }
        }
    }

    /** The whole page, beyond the window (Chromium's DevTools protocol), as a PNG. */
    private static void fullPage(Browser browser, Path file) {
        ChromeDriver chrome = (ChromeDriver) browser.driver();
        Map<?, ?> size = (Map<?, ?>) chrome.executeCdpCommand("Page.getLayoutMetrics", Map.of()).get("cssContentSize");
        Map<String, Object> shot = chrome.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0,
                        "width", ((Number) size.get("width")).doubleValue(),
                        "height", ((Number) size.get("height")).doubleValue(), "scale", 1)));
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void overdue(String caseNumber) {
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(caseNumber).singleResult();
        task.setDueDate(Date.from(Instant.now().minus(2, ChronoUnit.DAYS)));
        taskService.saveTask(task);
    }

    private void check(Browser browser, String path, String css) {
        browser.open(url(path));
        browser.find(css);
        browser.assertAccessible();
    }

    private static String idOf(WebElement element) {
        String id = element.getAttribute("id");
        return id == null || id.isEmpty() ? element.getTagName() : id;
    }

    private static WebElement press(Browser browser, Keys key) {
        new Actions(browser.driver()).sendKeys(key).perform();
        return browser.driver().switchTo().activeElement();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
