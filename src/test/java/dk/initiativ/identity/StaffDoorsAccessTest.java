package dk.initiativ.identity;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dk.initiativ.support.LocalModeTest;
import dk.initiativ.support.SessionClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The role x door matrix of the staff workspace's pages and the channel statistics, through real HTTP with a cookie
 * session per role (local identity mode), anonymous included: the inbox and its claim, the registration for a
 * citizen, moving a person's cases, the case page's form posts (task forms, claim, reply, note, early closure,
 * contact person) and {@code GET /api/statistics/channels}. A door is "in" when the request reaches the page or
 * its handler, whose own answer (200, 303, 400 for an empty form, 404 for an unknown case) is not the point here;
 * refused is 403, an anonymous page visit goes to the login page, an anonymous API call gets 401. Every post carries
 * the session's CSRF token, and the same post without it is refused for a role that may pass the door.
 */
@LocalModeTest
class StaffDoorsAccessTest {

    private static final String CASE = "/cases/INI-2026-99999";
    private static final String TASK = CASE + "/tasks/no-such-task";
    private static final String MOVE = "/medarbejdere/ingen-saadan/flyt-sager";

    /** Who may pass a door, by role user (department: vibeke of Vej og Park). */
    private static final List<String> STAFF = List.of("intake", "contact", "fund", "manager", "admin", "vibeke");
    private static final Set<String> MANAGERS = Set.of("manager", "admin");
    private static final Set<String> ADMINS = Set.of("admin");

    private record Door(String method, String path, Map<String, String> form, Set<String> in) {

        boolean lets(String user) {
            return user != null && in.contains(user);
        }

        boolean post() {
            return "POST".equals(method);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static final List<Door> DOORS = List.of(
            new Door("GET", "/indbakke", null, Set.copyOf(STAFF)),
            new Door("POST", "/indbakke/tag", Map.of("opgave", "no-such-task"), Set.copyOf(STAFF)),
            new Door("GET", "/registrer", null, Set.copyOf(STAFF)),
            new Door("POST", "/registrer", Map.of("title", ""), Set.copyOf(STAFF)),
            new Door("GET", MOVE, null, MANAGERS),
            new Door("POST", MOVE, Map.of("reason", "Sygdom"), MANAGERS),
            new Door("POST", TASK, Map.of("decision", "accept"), Set.copyOf(STAFF)),
            new Door("POST", TASK + "/claim", Map.of(), Set.copyOf(STAFF)),
            new Door("POST", CASE + "/messages", Map.of("body", "Hej"), Set.copyOf(STAFF)),
            new Door("POST", CASE + "/notes", Map.of("body", "Notat"), Set.copyOf(STAFF)),
            new Door("GET", CASE + "/close-early", null, Set.copyOf(STAFF)),
            new Door("POST", CASE + "/close-early", Map.of("reason", "Stop"), Set.copyOf(STAFF)),
            new Door("POST", CASE + "/contact-person", Map.of("contactPerson", "anna"), Set.copyOf(STAFF)),
            new Door("GET", "/api/statistics/channels", null, MANAGERS),
            // the administration (issue 13): admins only; the posts are refused forms, so nothing is changed
            new Door("GET", "/admin", null, ADMINS),
            new Door("GET", "/admin/aendringer", null, ADMINS),
            new Door("GET", "/admin/puljer", null, ADMINS),
            new Door("GET", "/admin/puljer/ny", null, ADMINS),
            new Door("POST", "/admin/puljer/ny", Map.of("name", ""), ADMINS),
            new Door("GET", "/admin/puljer/1", null, ADMINS),
            new Door("POST", "/admin/puljer/1", Map.of("name", ""), ADMINS),
            new Door("POST", "/admin/puljer/1/budget", Map.of("from", ""), ADMINS),
            new Door("GET", "/admin/medarbejdere", null, ADMINS),
            new Door("GET", "/admin/medarbejdere/anna", null, ADMINS),
            new Door("POST", "/admin/medarbejdere/anna", Map.of("capacity", "-1"), ADMINS),
            new Door("GET", "/admin/regler", null, ADMINS),
            new Door("POST", "/admin/regler/proeve", Map.of("xml", ""), ADMINS),
            new Door("POST", "/admin/regler", Map.of("xml", ""), ADMINS),
            new Door("POST", "/admin/medarbejdere/anna/fravaer", Map.of("from", ""), ADMINS),
            new Door("POST", "/admin/medarbejdere/anna/fravaer/0/slet", Map.of(), ADMINS),
            new Door("GET", "/api/admin/changes", null, ADMINS),
            new Door("GET", "/api/admin/funding-pools", null, ADMINS),
            // the network registry (ADR 0039): refused forms, and a removal of a partner nobody has
            new Door("GET", "/admin/netvaerk", null, ADMINS),
            new Door("GET", "/admin/netvaerk/ny", null, ADMINS),
            new Door("POST", "/admin/netvaerk/ny", Map.of("name", ""), ADMINS),
            new Door("GET", "/admin/netvaerk/1", null, ADMINS),
            new Door("POST", "/admin/netvaerk/1", Map.of("name", ""), ADMINS),
            new Door("POST", "/admin/netvaerk/999999999/fjern", Map.of(), ADMINS),
            new Door("GET", "/api/admin/partners", null, ADMINS),
            // erasure on request (issue 12): admins only; the post names no case, so nothing is erased
            new Door("GET", "/sletning", null, ADMINS),
            new Door("POST", "/sletning", Map.of("sag", "", "begrundelse", "Borgerens anmodning"), ADMINS),
            // departments, permit types and population figures (issue 13): admins only; the posts are refused forms
            new Door("GET", "/admin/tilladelser", null, ADMINS),
            new Door("POST", "/admin/tilladelser/afdelinger", Map.of("group", ""), ADMINS),
            new Door("POST", "/admin/tilladelser/typer", Map.of("nameDa", ""), ADMINS),
            new Door("GET", "/admin/tilladelser/afdelinger/1", null, ADMINS),
            new Door("POST", "/admin/tilladelser/afdelinger/1", Map.of("nameDa", ""), ADMINS),
            new Door("GET", "/admin/tilladelser/typer/1", null, ADMINS),
            new Door("POST", "/admin/tilladelser/typer/1", Map.of("nameDa", ""), ADMINS),
            new Door("GET", "/admin/befolkning", null, ADMINS),
            new Door("GET", "/admin/befolkning/eksempel.csv", null, ADMINS),
            new Door("POST", "/admin/befolkning", Map.of("year", ""), ADMINS));

    @LocalServerPort
    int port;

    @Test
    void everyRoleMeetsEachDoorAsTheRulesSay() {
        List<String> users = new ArrayList<>();
        users.add(null); // anonymous
        users.add("citizen");
        users.addAll(STAFF);
        Map<String, String> wrong = new LinkedHashMap<>();
        for (String user : users) {
            SessionClient session = new SessionClient(port);
            if (user != null) {
                session.logIn(user);
            }
            String csrf = session.csrfTokenOf("/"); // the public form carries the session's token
            for (Door door : DOORS) {
                String expected = door.lets(user) ? "in"
                        : user != null ? "403" : door.path().startsWith("/api/") ? "401" : "login";
                String actual = outcome(send(session, door, csrf));
                if (!expected.equals(actual)) {
                    wrong.put((user == null ? "anonymous" : user) + " " + door, "expected " + expected + ", was " + actual);
                }
                if (door.post() && door.lets(user)) {
                    String withoutToken = outcome(send(session, door, null));
                    if (!"403".equals(withoutToken)) {
                        wrong.put(user + " " + door + " without CSRF token", "expected 403, was " + withoutToken);
                    }
                }
            }
        }
        assertThat(wrong).as("doors that do not follow the rules").isEmpty();
    }

    private static HttpResponse<String> send(SessionClient session, Door door, String csrf) {
        if (!door.post()) {
            return session.send(session.request(door.path())
                    .header("Accept", door.path().startsWith("/api/") ? "application/json" : "text/html").GET().build());
        }
        Map<String, String> form = new LinkedHashMap<>(door.form());
        if (csrf != null) {
            form.put("_csrf", csrf);
        }
        String body = form.entrySet().stream().map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8)
                + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        // as a browser posts a page's form
        return session.send(session.request(door.path()).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** "in", "403", "401" or "login" (a redirect to the login page), with the status for anything else. */
    private static String outcome(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status == 302 && response.headers().firstValue("Location").orElse("").endsWith("/login")) {
            return "login";
        }
        if (status == 401 || status == 403) {
            return String.valueOf(status);
        }
        return status < 500 ? "in" : "error " + status;
    }
}
