package dk.initiativ.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dk.initiativ.support.ApiClient;
import dk.initiativ.support.LocalModeTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The role x door matrix of the administration's JSON API (issue 13), with HTTP Basic as a machine client calls it:
 * anonymous gets 401, the citizen and every staff role but admin 403, for reading and for each change; the admin
 * passes the door (the empty bodies are then refused as bad input, so nothing is changed).
 */
@LocalModeTest
class AdminApiDoorsTest {

    private static final List<String> OTHERS = List.of("citizen", "intake", "contact", "fund", "manager", "vibeke");

    private record Door(HttpMethod method, String path) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static final List<Door> DOORS = List.of(
            new Door(HttpMethod.GET, "/api/admin/changes"),
            new Door(HttpMethod.GET, "/api/admin/funding-pools"),
            new Door(HttpMethod.GET, "/api/admin/funding-pools/1"),
            new Door(HttpMethod.POST, "/api/admin/funding-pools"),
            new Door(HttpMethod.PUT, "/api/admin/funding-pools/1"),
            new Door(HttpMethod.POST, "/api/admin/funding-pools/1/budget"),
            new Door(HttpMethod.GET, "/api/admin/staff"),
            new Door(HttpMethod.GET, "/api/admin/staff/anna"),
            new Door(HttpMethod.PUT, "/api/admin/staff/anna/work"),
            new Door(HttpMethod.GET, "/api/admin/topics"),
            new Door(HttpMethod.GET, "/api/admin/topics/natur-miljoe"),
            new Door(HttpMethod.POST, "/api/admin/topics"),
            new Door(HttpMethod.PUT, "/api/admin/topics/natur-miljoe"),
            new Door(HttpMethod.PUT, "/api/admin/topics/natur-miljoe/active"),
            new Door(HttpMethod.GET, "/api/admin/districts"),
            new Door(HttpMethod.GET, "/api/admin/districts/holbaek-by"),
            new Door(HttpMethod.POST, "/api/admin/districts"),
            new Door(HttpMethod.PUT, "/api/admin/districts/holbaek-by"),
            new Door(HttpMethod.PUT, "/api/admin/districts/holbaek-by/active"),
            new Door(HttpMethod.GET, "/api/admin/teams"),
            new Door(HttpMethod.GET, "/api/admin/teams/natur-kultur"),
            new Door(HttpMethod.POST, "/api/admin/teams"),
            new Door(HttpMethod.PUT, "/api/admin/teams/natur-kultur"),
            new Door(HttpMethod.POST, "/api/admin/teams/natur-kultur/members"),
            new Door(HttpMethod.GET, "/api/admin/matching-rules"),
            new Door(HttpMethod.POST, "/api/admin/matching-rules/dry-run"),
            new Door(HttpMethod.POST, "/api/admin/matching-rules"),
            new Door(HttpMethod.POST, "/api/admin/staff/anna/absences"),
            new Door(HttpMethod.DELETE, "/api/admin/staff/anna/absences/0"),
            new Door(HttpMethod.PUT, "/api/admin/staff/anna/absence"),
            new Door(HttpMethod.GET, "/api/admin/partners"),
            new Door(HttpMethod.GET, "/api/admin/partners/1"),
            new Door(HttpMethod.POST, "/api/admin/partners"),
            new Door(HttpMethod.PUT, "/api/admin/partners/1"),
            // an id nobody has: the admin's answer is 404, and no demo partner is removed
            new Door(HttpMethod.POST, "/api/admin/partners/999999999/retire"),
            new Door(HttpMethod.PUT, "/api/admin/staff/anna/absence"),
            new Door(HttpMethod.GET, "/api/admin/departments"),
            new Door(HttpMethod.POST, "/api/admin/departments"),
            new Door(HttpMethod.PUT, "/api/admin/departments/1"),
            new Door(HttpMethod.GET, "/api/admin/permit-types"),
            new Door(HttpMethod.POST, "/api/admin/permit-types"),
            new Door(HttpMethod.PUT, "/api/admin/permit-types/1"),
            new Door(HttpMethod.GET, "/api/admin/population"),
            new Door(HttpMethod.POST, "/api/admin/population"));

    @Autowired TestRestTemplate http;

    @Test
    void onlyAdminsPassTheAdministrationsApiDoors() {
        Map<String, String> wrong = new LinkedHashMap<>();
        List<String> users = new ArrayList<>();
        users.add(null);
        users.addAll(OTHERS);
        users.add("admin");
        for (String user : users) {
            TestRestTemplate client = user == null ? http : http.withBasicAuth(user, ApiClient.PASSWORD);
            for (Door door : DOORS) {
                HttpEntity<?> body = door.method() == HttpMethod.GET ? new HttpEntity<>(ApiClient.json())
                        : new HttpEntity<>(Map.of(), ApiClient.json());
                ResponseEntity<String> response = client.exchange(door.path(), door.method(), body, String.class);
                HttpStatus expected = user == null ? HttpStatus.UNAUTHORIZED
                        : "admin".equals(user) ? null : HttpStatus.FORBIDDEN;
                boolean ok = expected == null ? response.getStatusCode().value() < 500
                        && response.getStatusCode().value() != 401 && response.getStatusCode().value() != 403
                        : response.getStatusCode().isSameCodeAs(expected);
                if (!ok) {
                    wrong.put((user == null ? "anonymous" : user) + " " + door, "was " + response.getStatusCode());
                }
            }
        }
        assertThat(wrong).as("doors that do not follow the rules").isEmpty();
    }
}
