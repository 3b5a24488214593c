package dk.initiativ.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import dk.initiativ.support.ApiClient;
import dk.initiativ.support.LocalModeTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16 on the wire, with a plain HTTP client that decompresses nothing by itself: text answers are
 * gzip-compressed; pages link the static files under content-versioned URLs, which are cached for a year
 * (immutable) and never get Spring Security's no-cache headers; only woff2 fonts of the used weights are
 * linked; pages with personal data keep {@code Cache-Control: no-store}.
 */
@LocalModeTest
class LightPagesHttpTest {

    private static final Pattern ASSET = Pattern.compile("(?:href|src)=\"(/(?:dkfds|css|js|images)/[^\"#]+)[\"#]");
    private static final Pattern VERSIONED = Pattern.compile(".*-[0-9a-f]{32}\\.[a-z0-9]+$");
    private static final Pattern CSS_URL = Pattern.compile("url\\(([^)]+)\\)");

    @LocalServerPort int port;
    @Autowired TestRestTemplate http;

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void pagesLinkVersionedAssetsThatAreCompressedAndCachedForAYear() {
        Answer page = get("/", null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Encoding")).isEqualTo("gzip");
        List<String> assets = matches(ASSET, page.body());
        assertThat(assets).as("static files linked from /").hasSizeGreaterThanOrEqualTo(4)
                .allMatch(url -> VERSIONED.matcher(url).matches(), "a content-versioned URL");
        assertThat(assets).anyMatch(url -> url.startsWith("/dkfds/css/dkfds.min-"))
                .anyMatch(url -> url.startsWith("/dkfds/js/dkfds.min-"))
                .anyMatch(url -> url.startsWith("/css/initiativ-")).anyMatch(url -> url.startsWith("/js/initiativ-"))
                .anyMatch(url -> url.startsWith("/images/favicon-")); // (else every browser asks for /favicon.ico)

        for (String asset : assets) {
            Answer answer = get(asset, null);
            assertThat(answer.status()).as(asset).isEqualTo(200);
            assertYearLong(asset, answer);
            if (!asset.startsWith("/images/favicon-")) { // (the icon is below the compression's 1 KB threshold)
                assertThat(answer.header("Content-Encoding")).as("compressed %s", asset).isEqualTo("gzip");
            }
        }
    }

    @Test
    void aPlainUnversionedUrlIsServedButAskedForAgainEachTime() {
        for (String plain : List.of("/dkfds/css/dkfds.min.css", "/css/initiativ.css", "/js/initiativ.js")) {
            Answer answer = get(plain, null);
            assertThat(answer.status()).as(plain).isEqualTo(200);
            assertThat(answer.header("Cache-Control")).as("Cache-Control of %s", plain).isEqualTo("no-cache");
        }
    }

    @Test
    void errorPagesLinkTheVersionedFilesToo() {
        Answer missing = get("/showcase/no-such-page", null);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(matches(ASSET, missing.body())).as("static files linked from the 404 page").isNotEmpty()
                .allMatch(url -> VERSIONED.matcher(url).matches(), "a content-versioned URL");
    }

    @Test
    void theDesignSystemLinksOnlyVersionedWoff2FontsOfTheUsedWeights() {
        String css = matches(ASSET, get("/", null).body()).stream().filter(url -> url.startsWith("/dkfds/css/"))
                .findFirst().map(url -> get(url, null).body()).orElseThrow();
        List<String> fonts = matches(CSS_URL, css).stream().filter(url -> url.contains("fonts/")).toList();
        assertThat(fonts).isNotEmpty().allMatch(url -> url.endsWith(".woff2") && VERSIONED.matcher(url).matches(),
                "a versioned woff2 file");
        assertThat(css).doesNotContain(".eot", ".ttf", ".otf", ".woff)", "sourceMappingURL");
        assertThat(fonts).anyMatch(url -> url.contains("IBMPlexSans-Regular-Latin1-"))
                .anyMatch(url -> url.contains("IBMPlexSans-SemiBold-Latin1-"))
                .anyMatch(url -> url.contains("IBMPlexSans-Bold-Latin1-"))
                .noneMatch(url -> url.contains("Italic") || url.contains("Light") || url.contains("Thin"));
        // the icons the CSS links are versioned too
        assertThat(matches(CSS_URL, css)).filteredOn(url -> url.contains("svg-icons/"))
                .isNotEmpty().allMatch(url -> VERSIONED.matcher(url).matches(), "a versioned icon");

        String font = fonts.get(0).replace("../", "/dkfds/");
        Answer answer = get(font, null);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Content-Type")).isEqualTo("font/woff2");
        assertYearLong(font, answer);
    }

    @Test
    void pagesWithPersonalDataAreNeverStored() {
        ApiClient.Submitted submitted = new ApiClient(http).submit("Fælleshaven bag hallen", "natur-miljoe", "jyderup",
                List.of("FUNDING"));
        assertNoStore(get("/track/" + submitted.token(), null), "tracking page");
        assertNoStore(get("/track/" + submitted.token() + "/data.json", null), "data download");
        assertNoStore(get("/cases/" + submitted.caseNumber(), "intake"), "staff case page");
        assertNoStore(get("/my", "citizen"), "my initiatives");
        assertNoStore(get("/", null), "the form (a fresh one-time key each time)");
        // a dynamic page is compressed too
        assertThat(get("/track/" + submitted.token(), null).header("Content-Encoding")).isEqualTo("gzip");
    }

    @Test
    void jsonAnswersAreCompressed() {
        Answer description = get("/v3/api-docs", null);
        assertThat(description.status()).isEqualTo(200);
        assertThat(description.header("Content-Encoding")).isEqualTo("gzip");
        assertThat(description.body()).contains("\"openapi\"");
    }

    private static void assertYearLong(String url, Answer answer) {
        assertThat(answer.header("Cache-Control")).as("Cache-Control of %s", url)
                .isEqualTo("max-age=31536000, public, immutable");
        assertThat(answer.header("Pragma")).as("Pragma of %s", url).isNull();
        assertThat(answer.header("Expires")).as("Expires of %s", url).isNull();
    }

    private static void assertNoStore(Answer answer, String what) {
        assertThat(answer.status()).as(what).isEqualTo(200);
        assertThat(answer.header("Cache-Control")).as("Cache-Control of the %s", what).contains("no-store")
                .doesNotContain("public", "immutable", "max-age=3");
    }

    private static List<String> matches(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1).replace("\"", "").replace("'", ""));
        }
        return found;
    }

    private record Answer(int status, HttpResponse<byte[]> response, String body) {
        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }
    }

    /** GET as a browser asks (gzip accepted), anonymous or as a demo user (HTTP Basic). */
    private Answer get(String path, String user) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept-Encoding", "gzip, deflate").header("Accept", "text/html,*/*;q=0.8");
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + ApiClient.PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            byte[] body = response.body();
            if ("gzip".equals(response.headers().firstValue("Content-Encoding").orElse(null))) {
                try (GZIPInputStream unzip = new GZIPInputStream(new ByteArrayInputStream(body))) {
                    body = unzip.readAllBytes();
                }
            }
            return new Answer(response.statusCode(), response, new String(body, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
