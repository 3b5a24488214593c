package dk.initiativ.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Manual check of the Keycloak test server and the realm (not run by surefire):
 * starts Keycloak, logs in as {@code manager} with the password grant, prints the token's groups,
 * then lists the realm's users and groups with the client's service account (as the Camunda plugin does).
 *
 * <pre>./mvnw -q test-compile && java -cp target/test-classes:$(cat cp.txt) dk.initiativ.support.KeycloakTestServerSelfCheck</pre>
 */
public final class KeycloakTestServerSelfCheck {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private KeycloakTestServerSelfCheck() {
    }

    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        KeycloakTestServer.startInBackground();
        KeycloakTestServer kc = KeycloakTestServer.get();
        System.out.printf("Keycloak %s ready after %.1f s, issuer %s, app port %d%n", kc.baseUrl(),
                (System.nanoTime() - t0) / 1e9, kc.issuerUri(), kc.appPort());

        Map<String, String> password = new LinkedHashMap<>();
        password.put("grant_type", "password");
        password.put("client_id", kc.clientId());
        password.put("client_secret", kc.clientSecret());
        password.put("username", "manager");
        password.put("password", KeycloakTestServer.DEMO_PASSWORD);
        password.put("scope", "openid profile email");
        JsonNode userTokens = token(kc, password);
        JsonNode access = claims(userTokens.path("access_token").asText());
        JsonNode id = claims(userTokens.path("id_token").asText());
        System.out.println("manager access token: preferred_username=" + access.path("preferred_username").asText()
                + " email=" + access.path("email").asText()
                + " groups=" + access.path("groups")
                + " realm roles=" + access.path("realm_access").path("roles")
                + " iss=" + access.path("iss").asText());
        System.out.println("manager id token groups=" + id.path("groups"));
        require(access.path("groups").toString().contains("\"manager\""), "groups claim lacks manager");

        Map<String, String> wrongPassword = new LinkedHashMap<>(password);
        wrongPassword.put("password", "wrong-password");
        HttpResponse<String> rejected = post(kc.tokenUri(), wrongPassword);
        System.out.println("wrong password -> HTTP " + rejected.statusCode());
        require(rejected.statusCode() == 401, "wrong password was not rejected with 401");

        Map<String, String> clientCredentials = new LinkedHashMap<>();
        clientCredentials.put("grant_type", "client_credentials");
        clientCredentials.put("client_id", kc.clientId());
        clientCredentials.put("client_secret", kc.clientSecret());
        String serviceToken = token(kc, clientCredentials).path("access_token").asText();
        System.out.println("service account token: resource_access="
                + claims(serviceToken).path("resource_access").path("realm-management"));

        String admin = kc.baseUrl() + "/admin/realms/" + kc.realm();
        JsonNode users = getJson(admin + "/users?briefRepresentation=false", serviceToken);
        System.out.println("users (" + users.size() + "):");
        for (JsonNode user : users) {
            String groups = stream(getJson(admin + "/users/" + user.path("id").asText() + "/groups", serviceToken))
                    .map(g -> g.path("path").asText()).collect(Collectors.joining(","));
            System.out.printf("  %-10s %-32s %s %s  groups=%s%n", user.path("username").asText(),
                    user.path("email").asText(), user.path("firstName").asText(), user.path("lastName").asText(), groups);
        }
        JsonNode groups = getJson(admin + "/groups", serviceToken);
        System.out.println("groups: " + stream(groups).map(g -> g.path("path").asText()).collect(Collectors.joining(", ")));
        require(users.size() == 6, "expected 6 users");
        require(groups.size() == 6, "expected 6 groups");

        JsonNode realm = getJson(admin, adminToken(kc));
        System.out.println("realm: displayName=" + realm.path("displayName").asText()
                + " bruteForceProtected=" + realm.path("bruteForceProtected")
                + " failureFactor=" + realm.path("failureFactor")
                + " passwordPolicy=" + realm.path("passwordPolicy").asText());
        JsonNode client = getJson(admin + "/clients?clientId=" + kc.clientId(), adminToken(kc)).get(0);
        System.out.println("client: redirectUris=" + client.path("redirectUris") + " webOrigins=" + client.path("webOrigins")
                + " post.logout.redirect.uris=" + client.path("attributes").path("post.logout.redirect.uris"));
        require(client.path("redirectUris").toString().contains(":" + kc.appPort() + "/*"),
                "redirect URI does not carry the reserved app port");

        System.out.println("SELF-CHECK OK");
        System.exit(0);
    }

    private static String adminToken(KeycloakTestServer kc) throws IOException, InterruptedException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", "admin-cli");
        form.put("username", kc.adminUsername());
        form.put("password", kc.adminPassword());
        HttpResponse<String> response = post(kc.baseUrl() + "/realms/master/protocol/openid-connect/token", form);
        require(response.statusCode() == 200, "admin login failed: " + response.body());
        return JSON.readTree(response.body()).path("access_token").asText();
    }

    private static JsonNode token(KeycloakTestServer kc, Map<String, String> form) throws IOException, InterruptedException {
        HttpResponse<String> response = post(kc.tokenUri(), form);
        require(response.statusCode() == 200, "token request failed: HTTP " + response.statusCode() + " " + response.body());
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> post(String uri, Map<String, String> form) throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(uri))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode getJson(String uri, String bearer) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(uri))
                .header("Authorization", "Bearer " + bearer)
                .header("Accept", "application/json")
                .GET()
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        require(response.statusCode() == 200, "GET " + uri + " failed: HTTP " + response.statusCode() + " " + response.body());
        return JSON.readTree(response.body());
    }

    private static JsonNode claims(String jwt) throws IOException {
        String payload = jwt.split("\\.")[1];
        return JSON.readTree(Base64.getUrlDecoder().decode(payload));
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            System.err.println("SELF-CHECK FAILED: " + message);
            System.exit(1);
        }
    }
}
