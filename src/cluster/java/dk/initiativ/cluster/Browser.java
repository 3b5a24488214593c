package dk.initiativ.cluster;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One person's browser (or API client) through nginx, as far as HTTP goes: cookies kept (the session cookie and
 * Keycloak's), redirects not followed, a client address of its own sent as X-Forwarded-For (nginx appends the
 * address it saw; the nodes trust nginx), and the node that answered read from nginx's {@code X-Upstream}.
 */
final class Browser {

    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    static final Pattern FORM_KEY = Pattern.compile("name=\"submissionKey\" value=\"([^\"]+)\"");

    private final String base;
    private final String clientAddress;
    private final HttpClient http;

    Browser(String base, String clientAddress) {
        this.base = base;
        this.clientAddress = clientAddress;
        this.http = HttpClient.newBuilder().cookieHandler(new LoopbackCookies())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /**
     * Cookies as a browser keeps them for this machine: all accepted, and those marked {@code Secure} sent over
     * plain http too when the host is the loopback one, since browsers count http://localhost as a secure context.
     * Keycloak (26) counts it so as well and marks its login cookies (KC_RESTART, AUTH_SESSION_ID) Secure over
     * http://localhost; {@link CookieManager} alone never sends a Secure cookie over http, and Keycloak then
     * answers the login form with "Restart login cookie not found".
     */
    private static final class LoopbackCookies extends CookieHandler {

        private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1");
        private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) throws IOException {
            URI asked = uri;
            if ("http".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null && LOOPBACK.contains(uri.getHost())) {
                asked = URI.create("https" + uri.toString().substring("http".length()));
            }
            return cookies.get(asked, requestHeaders);
        }

        @Override
        public void put(URI uri, Map<String, List<String>> responseHeaders) throws IOException {
            cookies.put(uri, responseHeaders);
        }
    }

    HttpResponse<String> get(String pathOrUrl) throws IOException, InterruptedException {
        return send(request(pathOrUrl).GET().build());
    }

    HttpResponse<String> postForm(String pathOrUrl, Map<String, String> fields) throws IOException, InterruptedException {
        String body = fields.entrySet().stream().map(f -> URLEncoder.encode(f.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return send(request(pathOrUrl).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** The citizen's form as the browser posts it (multipart, as it may carry files). */
    HttpResponse<String> postMultipart(String path, Map<String, ?> fields) throws IOException, InterruptedException {
        String boundary = "----cluster" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> {
            List<?> values = value instanceof List<?> list ? list : List.of(value);
            for (Object one : values) {
                if (one instanceof FilePart file) {
                    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
                            + "\"; filename=\"" + file.fileName() + "\"\r\nContent-Type: " + file.contentType()
                            + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                    body.writeBytes(file.bytes());
                    body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
                } else {
                    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
                            + "\"\r\n\r\n" + one + "\r\n").getBytes(StandardCharsets.UTF_8));
                }
            }
        });
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    /** A file in the form, as a browser sends a chosen file. */
    record FilePart(String fileName, String contentType, byte[] bytes) {
    }

    /** A download, its bytes as they came. */
    HttpResponse<byte[]> download(String path) throws IOException, InterruptedException {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A JSON post, with HTTP Basic when a user is given. */
    HttpResponse<String> postJson(String path, String json, String user, String password)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = request(path).header("Content-Type", "application/json")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (user != null) {
            request.header("Authorization", basic(user, password));
        }
        return send(request.build());
    }

    HttpResponse<String> getJson(String path, String user, String password) throws IOException, InterruptedException {
        return send(request(path).header("Accept", "application/json").header("Authorization", basic(user, password))
                .GET().build());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private HttpRequest.Builder request(String pathOrUrl) {
        String url = pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl;
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Accept-Language", "da").header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
        if (clientAddress != null && url.startsWith(base)) {
            builder.header("X-Forwarded-For", clientAddress);
        }
        return builder;
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The node (its port) that answered through nginx. */
    static String node(HttpResponse<?> response) {
        String upstream = response.headers().firstValue("X-Upstream").orElse("?");
        // after a failed node nginx lists each tried upstream: the last one answered
        String last = upstream.contains(",") ? upstream.substring(upstream.lastIndexOf(',') + 1).strip() : upstream;
        return last.substring(last.lastIndexOf(':') + 1);
    }

    static String find(Pattern pattern, String html) {
        Matcher matcher = pattern.matcher(html);
        if (!matcher.find()) {
            throw new AssertionError("Not in the page: " + pattern + "\n" + html.substring(0, Math.min(html.length(), 2000)));
        }
        return matcher.group(1);
    }
}
