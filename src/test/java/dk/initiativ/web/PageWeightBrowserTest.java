package dk.initiativ.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import dk.initiativ.support.ApiClient;
import dk.initiativ.support.Browser;
import dk.initiativ.support.LocalModeTest;
import dk.initiativ.support.PageTraffic;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The byte budget of issue 16, in a real headless Chromium at a phone's 375 px with a fresh profile, counted
 * through the DevTools protocol's transferred bytes (headers and compressed bodies): the first visit to the
 * form at most 150 kB; a second page after it (the showcase, a tracking page, a staff page) at most 25 kB,
 * with every static file answered by the browser's cache. The figures go to {@code target/page-weight.md}
 * (the source of the table in docs/benchmarks.md).
 */
@LocalModeTest
class PageWeightBrowserTest {

    static final long FIRST_VISIT_BUDGET = 150_000;
    static final long NEXT_PAGE_BUDGET = 25_000;
    static final Path FIGURES = Path.of("target", "page-weight.md");

    @LocalServerPort int port;
    @Autowired TestRestTemplate http;

    /** every page is measured and written down before any budget fails the test */
    final SoftAssertions softly = new SoftAssertions();

    @BeforeAll
    static void figuresHeader() throws IOException {
        Files.createDirectories(FIGURES.getParent());
        Files.deleteIfExists(FIGURES.resolveSibling("page-weight-requests.txt"));
        Files.writeString(FIGURES, "| page | transferred | requests | from the network | from the cache |\n"
                + "|---|---:|---:|---:|---:|\n");
    }

    @Test
    void theFormFirstThenTheShowcase() {
        try (Browser browser = Browser.phoneRecordingTraffic()) {
            firstVisit(browser, "/", "`/` (first visit)");
            nextPage(browser, "/showcase", "`/showcase` after `/`");
        }
    }

    @Test
    void theFormFirstThenATrackingPage() {
        ApiClient.Submitted submitted = new ApiClient(http).submit("Bænke ved søen", "natur-miljoe", "jyderup",
                List.of("FUNDING"));
        try (Browser browser = Browser.phoneRecordingTraffic()) {
            firstVisit(browser, "/", "`/` (first visit)");
            nextPage(browser, "/track/" + submitted.token(), "`/track/{token}` after `/`");
        }
    }

    @Test
    void theLoginFirstThenAStaffPage() {
        ApiClient.Submitted submitted = new ApiClient(http).submit("Repair café i hallen", "natur-miljoe", "jyderup",
                List.of("FUNDING"));
        try (Browser browser = Browser.phoneRecordingTraffic()) {
            firstVisit(browser, "/login", "`/login` (first visit)");
            browser.submitLogin("intake", ApiClient.PASSWORD);
            record("after logging in: " + path(browser.currentUrl()), browser.traffic());
            nextPage(browser, "/cases/" + submitted.caseNumber(), "`/cases/{caseNumber}` (staff) after logging in");
            assertThat(browser.find("#case-title").getText()).contains("Repair café i hallen");
        }
    }

    @AfterEach
    void budgets() {
        softly.assertAll();
    }

    private void firstVisit(Browser browser, String path, String label) {
        browser.open(url(path));
        PageTraffic traffic = browser.traffic();
        record(label, traffic);
        softly.assertThat(traffic.fromNetwork()).as("requests of %s", path).isNotEmpty();
        softly.assertThat(traffic.transferred()).as("bytes transferred on the first visit to %s:%s", path,
                traffic.describe()).isLessThanOrEqualTo(FIRST_VISIT_BUDGET);
    }

    private void nextPage(Browser browser, String path, String label) {
        browser.open(url(path));
        PageTraffic traffic = browser.traffic();
        record(label, traffic);
        softly.assertThat(traffic.staticAssets()).as("static files of %s", path).isNotEmpty();
        softly.assertThat(traffic.staticAssets()).as("static files of %s answered from the browser's cache:%s", path,
                traffic.describe()).allMatch(PageTraffic.Request::fromCache);
        softly.assertThat(traffic.transferred()).as("bytes transferred for %s:%s", path, traffic.describe())
                .isLessThanOrEqualTo(NEXT_PAGE_BUDGET);
    }

    private static void record(String label, PageTraffic traffic) {
        String line = String.format("| %s | %.1f kB | %d | %d | %d |%n", label, traffic.transferred() / 1000.0,
                traffic.requests().size(), traffic.fromNetwork().size(),
                traffic.requests().size() - traffic.fromNetwork().size());
        try {
            Files.writeString(FIGURES, line, StandardOpenOption.APPEND);
            Files.writeString(FIGURES.resolveSibling("page-weight-requests.txt"), label + traffic.describe() + "\n",
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String path(String url) {
        return url.replaceFirst("^https?://[^/]+", "");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
