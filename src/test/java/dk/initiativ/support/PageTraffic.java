package dk.initiativ.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a page cost on the wire, from Chromium's DevTools protocol (Network domain) as chromedriver's
 * performance log reports it: per request the URL, the bytes transferred (headers and body as they came over
 * the network, compressed if they were: {@code Network.loadingFinished.encodedDataLength}) and whether the
 * browser's cache answered it. Bytes are repeatable where times are not.
 */
public record PageTraffic(List<Request> requests) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> STATIC_TYPES = Set.of("Stylesheet", "Script", "Font", "Image");

    /** One request; {@code fromCache} when the memory or disk cache answered it, with no bytes transferred. */
    public record Request(String url, String type, int status, long transferred, boolean fromCache) {
    }

    public static PageTraffic of(List<String> performanceLog) {
        Map<String, Builder> byId = new LinkedHashMap<>();
        for (String line : performanceLog) {
            JsonNode message;
            try {
                message = JSON.readTree(line).path("message");
            } catch (Exception e) {
                throw new IllegalStateException("Unreadable performance log entry: " + line, e);
            }
            String method = message.path("method").asText();
            JsonNode params = message.path("params");
            if (!method.startsWith("Network.") || !params.has("requestId")) {
                continue;
            }
            Builder request = byId.computeIfAbsent(params.path("requestId").asText(), id -> new Builder());
            switch (method) {
                case "Network.requestWillBeSent" -> {
                    // a redirect reuses the request id: the redirect's own response counts too
                    if (params.has("redirectResponse")) {
                        request.transferred += params.path("redirectResponse").path("encodedDataLength").asLong();
                    }
                    request.url = params.path("request").path("url").asText();
                    request.type = params.path("type").asText(request.type);
                }
                case "Network.requestServedFromCache" -> request.fromCache = true;
                case "Network.responseReceived" -> {
                    JsonNode response = params.path("response");
                    request.status = response.path("status").asInt();
                    request.type = params.path("type").asText(request.type);
                    if (request.url == null) {
                        request.url = response.path("url").asText();
                    }
                    if (response.path("fromDiskCache").asBoolean() || response.path("fromPrefetchCache").asBoolean()) {
                        request.fromCache = true;
                    }
                }
                case "Network.loadingFinished" -> request.transferred += params.path("encodedDataLength").asLong();
                case "Network.loadingFailed" -> request.failed = true;
                default -> {
                }
            }
        }
        List<Request> requests = new ArrayList<>();
        for (Builder request : byId.values()) {
            // only the web: not data: URLs, nor the browser's own pages (chrome://new-tab-page at start)
            if (request.url == null || !request.url.startsWith("http")) {
                continue;
            }
            requests.add(new Request(request.url, request.type, request.failed ? -1 : request.status,
                    request.transferred, request.fromCache));
        }
        return new PageTraffic(List.copyOf(requests));
    }

    /** Everything the page transferred over the network, in bytes. */
    public long transferred() {
        return requests.stream().mapToLong(Request::transferred).sum();
    }

    /** The requests that went to the server (not answered by the browser's cache). */
    public List<Request> fromNetwork() {
        return requests.stream().filter(request -> !request.fromCache()).toList();
    }

    /** The page's static files (style sheets, scripts, fonts, images), wherever they came from. */
    public List<Request> staticAssets() {
        return requests.stream().filter(request -> STATIC_TYPES.contains(request.type())).toList();
    }

    /** One line per request, for a failure message or the figures. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        for (Request request : requests) {
            text.append(String.format("%n  %-10s %4d %8d B %s %s", request.type(), request.status(), request.transferred(),
                    request.fromCache() ? "cache  " : "network", request.url()));
        }
        return text.toString();
    }

    private static final class Builder {
        String url;
        String type = "";
        int status;
        long transferred;
        boolean fromCache;
        boolean failed;
    }
}
