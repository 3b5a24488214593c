package dk.initiativ.dashboard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dk.initiativ.support.ApiClient;
import dk.initiativ.support.Browser;
import dk.initiativ.support.LocalModeTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard in headless Chromium: axe-core finds no WCAG 2.1 AA violation in Danish and English, with and
 * without filters and with a bad period, charts included; the charts are images with a text alternative next to
 * their tables; the keyboard alone changes the filters; a manager reaches the dashboard in one click from the
 * navigation. A screenshot at desktop width goes to {@code -Dscreenshots.dir} when it is set.
 */
@LocalModeTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserTest {

    @LocalServerPort int port;
    @Autowired TestRestTemplate http;
    @Autowired JdbcTemplate jdbc;
    @Autowired CaseTimelineProjection projection;

    private String fixture;

    @BeforeAll
    void fixture() {
        fixture = DashboardScreenshotFixture.write(jdbc, projection, Instant.now());
    }

    /** The 40 cases go again: the test context (and its database) is shared with other test classes. */
    @AfterAll
    void removeFixture() {
        DashboardScreenshotFixture.remove(jdbc, fixture);
    }

    @Test
    void everyStateIsAccessibleInDanishAndEnglishChartsIncluded() {
        ApiClient api = new ApiClient(http);
        api.submit("Overblikshaven", "natur-miljoe", "holbaek-by", List.of("PARTNERS"));
        try (Browser browser = Browser.desktop()) {
            logIn(browser, "manager");
            browser.open(url("/indbakke"));
            browser.click("#nav-dashboard");
            browser.waitUntil(d -> d.getCurrentUrl().contains("/overblik") ? true : null);
            for (String lang : List.of("da", "en")) {
                for (String query : List.of("", "team=alle&emne=natur-miljoe&bydel=holbaek-by&fra=2026-01-05&til=2026-12-31",
                        "team=alle", "fra=2026-12-01&til=2026-11-01")) {
                    browser.open(url("/overblik?" + query + (query.isEmpty() ? "" : "&") + "lang=" + lang));
                    browser.find("#flow-open-table");
                    List<WebElement> charts = browser.driver().findElements(By.cssSelector("svg[role=img]"));
                    // flow, lead times; funding, age bands, districts (sections 50 and 70)
                    assertThat(charts).hasSize(6);
                    for (WebElement chart : charts) {
                        assertThat(chart.getAttribute("aria-labelledby")).isNotBlank();
                        assertThat(chart.findElement(By.tagName("desc")).getAttribute("textContent"))
                                .contains("da".equals(lang) ? "Samme tal som i tabellen" : "The same figures as in the table");
                    }
                    // one per table: 5 of sections 10-30, 10 of sections 40-70
                    assertThat(browser.driver().findElements(By.cssSelector(".dashboard-download a"))).hasSize(15);
                    browser.assertAccessible();
                }
                assertThat(browser.find("#fra-error").getText())
                        .contains("da".equals(lang) ? "Fra-datoen" : "from date");
            }
        }
    }

    @Test
    void theKeyboardAloneChangesTheFilters() {
        try (Browser browser = Browser.desktop()) {
            logIn(browser, "manager");
            browser.open(url("/overblik"));
            browser.find("#dashboard-filter");
            List<String> visited = new ArrayList<>();
            WebElement focused = null;
            for (int presses = 0; presses < 40 && !"team".equals(visited.isEmpty() ? null : visited.get(visited.size() - 1));
                    presses++) {
                focused = press(browser, Keys.TAB);
                visited.add(idOf(focused));
            }
            assertThat(visited).containsSubsequence("nav-dashboard", "fra", "til", "team");
            // the team list: from "my teams" one down to "all teams"
            press(browser, Keys.ARROW_DOWN);
            assertThat(browser.find("#team").getAttribute("value")).isEqualTo("alle");
            for (int presses = 0; presses < 10 && !"dashboard-show".equals(idOf(focused)); presses++) {
                focused = press(browser, Keys.TAB);
                visited.add(idOf(focused));
            }
            assertThat(visited).containsSubsequence("team", "emne", "bydel", "dashboard-show");
            press(browser, Keys.ENTER);
            browser.waitUntil(d -> d.getCurrentUrl().contains("team=alle") ? true : null);
            assertThat(browser.find("#dashboard-scope").getText()).contains("alle teams");
            assertThat(browser.find("#team").getAttribute("value")).isEqualTo("alle");
        }
    }

    @Test
    void screenshotAtDesktopWidth() throws IOException {
        String dir = System.getProperty("screenshots.dir");
        try (Browser browser = Browser.desktop()) {
            logIn(browser, "manager");
            browser.open(url("/overblik?team=alle"));
            browser.find("#flow-weeks-table");
            browser.assertAccessible();
            Path shot = browser.fullPageScreenshot("dashboard-desktop.png");
            if (dir != null) {
                Files.createDirectories(Path.of(dir));
                Files.copy(shot, Path.of(dir, "dashboard-desktop.png"), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static String idOf(WebElement element) {
        String id = element.getAttribute("id");
        return id == null || id.isEmpty() ? element.getTagName() : id;
    }

    private static WebElement press(Browser browser, Keys key) {
        new Actions(browser.driver()).sendKeys(key).perform();
        return browser.driver().switchTo().activeElement();
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
