package dk.initiativ.submission;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A citizen's browser as far as HTTP goes: one session (cookies), the form's CSRF token and one-time key
 * read from the page, multipart posts with files, and optionally a client address sent as X-Forwarded-For
 * (trusted from loopback, as from a reverse proxy). Redirects are not followed, so tests see the 303.
 */
final class FormClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern KEY = Pattern.compile("name=\"submissionKey\" value=\"([^\"]+)\"");

    private final String base;
    private final String clientAddress;
    private final HttpClient http;
    String csrf;
    String key;

    FormClient(int port, String clientAddress) {
        this.base = "http://localhost:" + port;
        this.clientAddress = clientAddress;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** A file part. */
    record FilePart(String name, String fileName, String contentType, byte[] content) {
    }

    /** Opens the form: a session, its CSRF token and a fresh one-time key. */
    HttpResponse<String> openForm(String language) {
        return openForm("/", language);
    }

    /** Opens the form at that path (the public one at {@code /}, the staff one at {@code /registrer}). */
    HttpResponse<String> openForm(String path, String language) {
        HttpResponse<String> page = get(path + "?lang=" + language);
        csrf = find(CSRF, page.body());
        key = find(KEY, page.body());
        return page;
    }

    HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    HttpResponse<byte[]> download(String path) {
        try {
            return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Posts the form with this session's token and key plus the given fields and files. */
    HttpResponse<String> post(Map<String, ?> fields, List<FilePart> files) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("_csrf", csrf);
        all.put("submissionKey", key);
        all.putAll(fields);
        return postRaw(all, files);
    }

    /** Posts exactly these fields (a null value leaves the field out). */
    HttpResponse<String> postRaw(Map<String, ?> fields, List<FilePart> files) {
        return postRaw("/", fields, files);
    }

    /** Posts exactly these fields to that path. */
    HttpResponse<String> postRaw(String path, Map<String, ?> fields, List<FilePart> files) {
        String boundary = "----initiativ" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> {
            if (value == null) {
                return;
            }
            List<?> values = value instanceof List<?> list ? list : List.of(value);
            for (Object one : values) {
                write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n"
                        + one + "\r\n");
            }
        });
        for (FilePart file : files) {
            write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.name()
                    + "\"; filename=\"" + file.fileName() + "\"\r\nContent-Type: " + file.contentType() + "\r\n\r\n");
            body.writeBytes(file.content());
            write(body, "\r\n");
        }
        write(body, "--" + boundary + "--\r\n");
        return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    /** Logs in through the local login form. */
    HttpResponse<String> postLogin(String csrfToken, String username, String password) {
        String form = "_csrf=" + java.net.URLEncoder.encode(csrfToken, StandardCharsets.UTF_8) + "&username=" + username
                + "&password=" + java.net.URLEncoder.encode(password, StandardCharsets.UTF_8);
        return send(request("/login").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    /** A valid form's fields. */
    static Map<String, Object> validFields(String title) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("title", title);
        fields.put("description", "Vi vil bygge en bænk ved søen, så alle kan sidde og se ud over vandet.");
        fields.put("topic", "natur-miljoe");
        fields.put("district", "holbaek-by");
        fields.put("helpWanted", new ArrayList<>(List.of("FUNDING", "PERMITS")));
        fields.put("estimatedBudget", "12.000");
        fields.put("expectedTimeline", "Til sommer");
        fields.put("applicantKind", "INDIVIDUAL");
        fields.put("contactName", "Else Borger");
        fields.put("contactEmail", "else@example.org");
        fields.put("consent", "true");
        return fields;
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Language", "da")
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
        if (clientAddress != null) {
            builder.header("X-Forwarded-For", clientAddress);
        }
        return builder;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String find(Pattern pattern, String html) {
        Matcher matcher = pattern.matcher(html);
        if (!matcher.find()) {
            throw new AssertionError("Not in the page: " + pattern);
        }
        return matcher.group(1);
    }
}
