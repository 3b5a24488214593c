package dk.initiativ.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Browser#click} waits for the page a click loads, and only then. The page here answers its form slowly and
 * shows the same confirmation before and after, as the admin pages do when an admin adds two things in a row: read
 * from the old page, the row count would be one behind. Chromedriver itself usually waits for a navigation a click
 * starts, so this page rarely shows the race on a quiet machine (CI under load met it: the second confirmation was
 * found on the old page and the table went stale while read); what the test pins down is that the click's own wait
 * sees the form and the link leave, and does not wait where nothing leaves (a link within the page).
 */
class BrowserClickTest {

    private static HttpServer server;
    private static final AtomicInteger SAVED = new AtomicInteger();

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", BrowserClickTest::answer);
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    private static void answer(HttpExchange exchange) throws IOException {
        if ("POST".equals(exchange.getRequestMethod())) {
            exchange.getRequestBody().readAllBytes();
            sleep(1500);
            SAVED.incrementAndGet();
            exchange.getResponseHeaders().add("Location", "/");
            exchange.sendResponseHeaders(303, -1);
            exchange.close();
            return;
        }
        String html = "<!doctype html><html lang='en'><head><title>Rows</title></head><body><main>"
                + (SAVED.get() > 0 ? "<p>Saved.</p>" : "")
                + "<p id='rows'>rows: " + SAVED.get() + "</p>"
                + "<form method='post' action='/'><button id='save' type='submit'>Save</button></form>"
                + "<a id='same' href='#rows'>to the rows</a>"
                + "</main></body></html>";
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aClickWaitsForThePageItLoadsAndOnlyThen() {
        try (Browser browser = Browser.desktop()) {
            browser.open("http://127.0.0.1:" + server.getAddress().getPort() + "/");
            browser.click("#save");
            browser.waitForText("Saved.");
            int first = SAVED.get();
            assertThat(browser.find("#rows").getText()).isEqualTo("rows: " + first);

            browser.click("#save");
            browser.waitForText("Saved.");
            assertThat(browser.find("#rows").getText()).isEqualTo("rows: " + (first + 1));

            // a link within the page leaves nothing: the click returns at once
            long before = System.nanoTime();
            browser.click("#same");
            assertThat((System.nanoTime() - before) / 1_000_000).isLessThan(1500);
            assertThat(browser.currentUrl()).endsWith("#rows");
        }
    }
}
