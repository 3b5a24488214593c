package dk.initiativ.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real headless Chromium (Debian's chromium and chromium-driver) driven through Selenium. Nothing is
 * downloaded: the driver and the browser binary are given by path.
 */
public final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"));
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final ChromeDriver driver;
    private final Path profile;

    private Browser(int width, int height) {
        this(width, height, false);
    }

    private Browser(int width, int height, boolean recordTraffic) {
        try {
            profile = Files.createTempDirectory("initiativ-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic", "--window-size=" + width + "," + height,
                "--user-data-dir=" + profile, "--lang=da");
        // a Danish citizen's browser: Accept-Language da
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "da,en"));
        if (recordTraffic) {
            // the DevTools protocol's Network events through chromedriver's performance log: independent of the
            // browser's version, unlike Selenium's version-bound devtools classes
            LoggingPreferences logging = new LoggingPreferences();
            logging.enable(LogType.PERFORMANCE, Level.ALL);
            options.setCapability(ChromeOptions.LOGGING_PREFS, logging);
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    public static Browser desktop() {
        return new Browser(1280, 900);
    }

    /** A tablet's 768 x 1024 window. */
    public static Browser tablet() {
        return new Browser(768, 1024);
    }

    /** A phone's 375 px wide screen, emulated: headless Chromium keeps a window at least about 500 px wide. */
    public static Browser phone() {
        return new Browser(375, 812).emulateWidth(375);
    }

    /**
     * A phone's 375 px screen whose network traffic {@link #traffic()} reads: what each request transferred and
     * whether the browser's cache answered it.
     */
    public static Browser phoneRecordingTraffic() {
        return new Browser(375, 812, true).emulateWidth(375);
    }

    /**
     * The requests since the last call (or since the start), as Chromium's DevTools protocol reported them.
     * Waits for the page's fonts first, since they load after the page's load event.
     */
    public PageTraffic traffic() {
        ((JavascriptExecutor) driver).executeAsyncScript(
                "var done = arguments[arguments.length - 1]; document.fonts.ready.then(function () { done(true); });");
        return PageTraffic.of(driver.manage().logs().get(LogType.PERFORMANCE).getAll().stream()
                .map(entry -> entry.getMessage()).toList());
    }

    /** A phone's screen of that many CSS pixels (Chromium's device emulation), whatever the window. */
    public Browser emulateWidth(int width) {
        ((ChromeDriver) driver).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", 812, "deviceScaleFactor", 1, "mobile", true));
        return this;
    }

    /** Nothing reaches past the screen's right edge: a phone must never scroll sideways. */
    public void assertFitsWidth() {
        // dkfds hides the body's horizontal overflow, so look at every element
        Object overflowing = ((JavascriptExecutor) driver).executeScript(
                "var width = document.documentElement.clientWidth;"
                + "return Array.from(document.querySelectorAll('body *')).filter(function (e) {"
                + "  var r = e.getBoundingClientRect(); return r.width > 0 && r.right > width + 1; })"
                + ".map(function (e) { return e.tagName + '#' + e.id + '.' + e.className; }).slice(0, 8);");
        assertThat((List<?>) overflowing).as("elements wider than the screen on %s", driver.getCurrentUrl()).isEmpty();
    }

    public WebDriver driver() {
        return driver;
    }

    public Browser open(String url) {
        driver.get(url);
        return this;
    }

    public String currentUrl() {
        return driver.getCurrentUrl();
    }

    public WebElement find(String css) {
        return waitUntil(d -> d.findElement(By.cssSelector(css)));
    }

    /**
     * Waits until the element's page is gone (a click loaded a new one). Besides Selenium's stale element, Chromium
     * 156's driver may answer a question about a node of the old page with "Node with given id does not belong to the
     * document" (a plain WebDriverException, which Selenium's {@code stalenessOf} does not take for staleness): that
     * means the same.
     */
    public void waitUntilGone(WebElement element) {
        waitUntil(d -> {
            try {
                element.isEnabled();
                return false;
            } catch (StaleElementReferenceException gone) {
                return true;
            } catch (WebDriverException e) {
                if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                    return true;
                }
                throw e;
            }
        });
    }

    /**
     * From the inbox a user just logged in to: searches each of the user's views for the case number until one lists
     * the case, and opens its case page.
     */
    public void openCaseFromInbox(String caseNumber) {
        waitUntil(d -> d.getCurrentUrl().contains("/indbakke") ? Boolean.TRUE : null);
        List<String> views = driver.findElements(By.cssSelector("a[id^='view-']")).stream()
                .map(link -> link.getAttribute("id")).toList();
        assertThat(views).isNotEmpty();
        waitUntil(d -> {
            for (String view : views) {
                click("#" + view);
                type("#q", caseNumber);
                click("#inbox-show");
                find("#inbox-total");
                List<WebElement> links = d.findElements(By.cssSelector("a.inbox-case-link[href*='" + caseNumber + "']"));
                if (!links.isEmpty()) {
                    click(links.get(0));
                    return Boolean.TRUE;
                }
            }
            return null;
        });
        find("#case-title");
    }

    /** Waits for the condition; on a time-out keeps a screenshot and the page under target/browser-failures. */
    public <T> T waitUntil(Function<WebDriver, T> condition) {
        try {
            return new WebDriverWait(driver, WAIT).ignoring(NoSuchElementException.class).until(condition::apply);
        } catch (TimeoutException e) {
            Path file = Path.of("target", "browser-failures", "failure-" + System.currentTimeMillis() + ".png");
            screenshot(file);
            try {
                Files.writeString(Path.of(file.toString().replace(".png", ".html")), driver.getPageSource());
            } catch (IOException ignored) {
                // the screenshot is what matters
            }
            throw new TimeoutException("Waited in vain on " + driver.getCurrentUrl() + " (screenshot " + file + ")", e);
        }
    }

    /**
     * Logs {@code user} in with the demo password through the local login page of the application at {@code baseUrl}
     * ({@code http://localhost:port}), and waits until the browser has left the login page.
     */
    public Browser logIn(String baseUrl, String user) {
        open(baseUrl + "/login");
        return submitLogin(user, ApiClient.PASSWORD);
    }

    /** Fills in and sends the login page that is open (after a redirect to it, say); waits until it is left. */
    public Browser submitLogin(String user, String password) {
        type("#username", user);
        type("#password", password);
        click("#login-submit");
        waitUntil(d -> d.getCurrentUrl().contains("/login") ? null : true);
        return this;
    }

    public void waitForText(String text) {
        waitUntil(d -> d.getPageSource().contains(text) ? Boolean.TRUE : null);
    }

    public void type(String css, String text) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(text);
    }

    /** Clicks the element {@code css} finds; see {@link #click(WebElement)}. */
    public void click(String css) {
        click(find(css));
    }

    /**
     * Clicks, and when the click leaves the page (a form is sent, a link followed) waits until the new page is there.
     * Without the wait, a following {@link #find} or {@link #waitForText} may answer from the old page: a message
     * that was already on it (the second "added" in a row), or an element that goes stale a moment later. Whether
     * the click leaves the page is what the page itself says: listeners on the window see the form's submit event
     * or the link's click after the page's own handlers, and only when nothing prevented the default.
     */
    public void click(WebElement element) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript(WATCH_LEAVING);
        element.click();
        waitUntil(d -> {
            try {
                Object state = js.executeScript("return window.__initiativLeaving === undefined ? 'new'"
                        + " : (window.__initiativLeaving ? 'leaving' : 'stays');");
                return "leaving".equals(state) ? null : Boolean.TRUE;
            } catch (WebDriverException e) {
                // the page is between documents ("document unloaded", "does not belong to the document", stale)
                return null;
            }
        });
    }

    /** Installed once per document; {@code __initiativLeaving} is undefined again on the next document. */
    private static final String WATCH_LEAVING = """
            if (!window.__initiativWatching) {
              window.__initiativWatching = true;
              window.addEventListener('submit', function (e) {
                var target = e.target.getAttribute('target');
                if (!e.defaultPrevented && (!target || target === '_self')) {
                  window.__initiativLeaving = true;
                }
              });
              window.addEventListener('click', function (e) {
                var link = e.target.closest ? e.target.closest('a[href]') : null;
                if (!link || e.defaultPrevented || link.hasAttribute('download')
                    || (link.getAttribute('target') && link.getAttribute('target') !== '_self')) {
                  return;
                }
                var to = new URL(link.href, location.href);
                var here = new URL(location.href);
                if (to.protocol === 'javascript:'
                    || (to.origin + to.pathname + to.search === here.origin + here.pathname + here.search
                        && to.hash !== '')) {
                  return;
                }
                window.__initiativLeaving = true;
              });
            }
            window.__initiativLeaving = false;
            """;

    /** WCAG 2.1 AA as axe-core checks it: no violation at all on the current page. */
    public void assertAccessible() {
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(driver);
        List<String> violations = results.getViolations().stream()
                .map(Browser::describe).toList();
        assertThat(violations).as("axe-core violations on %s", driver.getCurrentUrl()).isEmpty();
    }

    private static String describe(Rule rule) {
        return rule.getId() + ": " + rule.getHelp() + " " + rule.getNodes().stream()
                .map(node -> String.valueOf(node.getTarget())).toList();
    }

    public Path screenshot(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The whole page, beyond the window (Chromium's DevTools protocol). Into docs/screenshots when the run
     * asks for it ({@code -Dinitiativ.screenshots=true}), else under target/screenshots, so that a test run
     * leaves the repository as it was.
     */
    public Path fullPageScreenshot(String name) {
        return fullPageScreenshot(name, Double.MAX_VALUE);
    }

    /** The page from its top, beyond the window but at most {@code maxHeight} CSS pixels tall (a long list). */
    public Path fullPageScreenshot(String name, double maxHeight) {
        ChromeDriver chrome = (ChromeDriver) driver;
        Map<String, Object> metrics = chrome.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        Map<?, ?> size = (Map<?, ?>) metrics.get("cssContentSize");
        Map<String, Object> shot = chrome.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0,
                        "width", ((Number) size.get("width")).doubleValue(),
                        "height", Math.min(maxHeight, ((Number) size.get("height")).doubleValue()), "scale", 1)));
        Path file = (Boolean.getBoolean("initiativ.screenshots") ? Path.of("docs", "screenshots")
                : Path.of("target", "screenshots")).resolve(name);
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a left-over temporary profile is harmless
        }
    }
}
