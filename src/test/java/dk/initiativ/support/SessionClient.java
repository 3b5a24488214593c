package dk.initiativ.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser's session as far as HTTP goes: cookies kept, redirects not followed, logged in through the
 * local login form. Requests may carry a foreign {@code Origin}, as a page on another site would send them.
 */
public final class SessionClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient http;

    public SessionClient(int port) {
        this.base = "http://localhost:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Logs in with the demo password through the login form; the session cookie is kept. */
    public SessionClient logIn(String user) {
        String csrf = csrfTokenOf("/login");
        String form = "_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8) + "&username=" + user
                + "&password=" + ApiClient.PASSWORD;
        HttpResponse<String> login = send(request("/login").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return this;
    }

    /** The session's CSRF token, as a page of ours carries it in its forms. */
    public String csrfTokenOf(String page) {
        HttpResponse<String> response = get(page);
        Matcher matcher = CSRF.matcher(response.body());
        assertThat(matcher.find()).as("a CSRF token on %s", page).isTrue();
        return matcher.group(1);
    }

    /** A form post (application/x-www-form-urlencoded) with the session. */
    public HttpResponse<String> postForm(String path, java.util.Map<String, String> form) {
        String body = form.entrySet().stream().map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8)
                + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(java.util.stream.Collectors.joining("&"));
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Language", "da");
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A multipart body with one BPMN file, as Camunda Modeler deploys. */
    public static HttpRequest.BodyPublisher deploymentBody(String boundary, String bpmn) {
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nprobe\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"probe.bpmn\"; filename=\"probe.bpmn\"\r\n"
                + "Content-Type: application/xml\r\n\r\n" + bpmn + "\r\n--" + boundary + "--\r\n";
        return HttpRequest.BodyPublishers.ofString(body);
    }
}
