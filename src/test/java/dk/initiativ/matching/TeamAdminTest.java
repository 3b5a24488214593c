package dk.initiativ.matching;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dk.initiativ.support.ApiClient;
import dk.initiativ.support.AdminHistory;
import dk.initiativ.support.LocalModeTest;
import dk.initiativ.support.SessionClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin's teams over real HTTP on the embedded MariaDB (issue 13, ADR 0037): a team with two managers, both of
 * whom lead it (the first gets late matches); a user outside the manager group refused as manager with the field
 * named and nothing stored; a staff member moved into the team, recorded as a change of their profile; the JSON
 * API's problem details.
 */
@LocalModeTest
class TeamAdminTest {

    private static final String MEMBER = "tadm-person";

    @LocalServerPort int port;
    @Autowired TestRestTemplate http;
    @Autowired JdbcTemplate jdbc;
    @Autowired StaffDirectory directory;

    @AfterEach
    void tearDown() {
        jdbc.update("DELETE FROM staff_profile WHERE user_id = ?", MEMBER);
        jdbc.update("DELETE FROM team WHERE code LIKE 't-%'");
    }

    private static String word() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private long rows(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }

    private long changes() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM reference_change", Long.class);
    }

    @Test
    void anAdminCreatesATeamWithTwoManagersAndMovesAMemberIntoIt() {
        long natur = jdbc.queryForObject("SELECT id FROM team WHERE code = 'natur-kultur'", Long.class);
        jdbc.update("INSERT INTO staff_profile (user_id, display_name, email, team_id, capacity)"
                + " VALUES (?, 'Tove Testesen', 'tove@example.org', ?, 4)", MEMBER, natur);
        SessionClient admin = new SessionClient(port).logIn("admin");
        assertThat(admin.get("/admin/teams").body()).contains("Natur, kultur og fritid", "manager");
        String csrf = admin.csrfTokenOf("/admin/teams/ny");
        assertThat(admin.get("/admin/teams/ny").body()).contains("mads (Mads Bech)");
        String word = word();
        String code = "t-" + word;
        String name = "Grønne hænder " + word + " 🌱";

        // refused: a contact person is no manager, an unknown user neither, a name taken whatever its case
        long teams = rows("team");
        long recorded = changes();
        HttpResponse<String> refused = admin.postForm("/admin/teams/ny", form(csrf, code, name, "manager\nanna"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"managers-error\"", "Alle ledere skal være brugere i gruppen Ledere");
        refused = admin.postForm("/admin/teams/ny", form(csrf, code, name, "ingen-bruger-" + word));
        assertThat(refused.body()).contains("id=\"managers-error\"");
        refused = admin.postForm("/admin/teams/ny", form(csrf, code, "SOCIAL OG SUNDHED", "mads"));
        assertThat(refused.body()).contains("id=\"name-error\"", "Der findes allerede et team med det navn");
        refused = admin.postForm("/admin/teams/ny", form(csrf, code, name, ""));
        assertThat(refused.body()).contains("id=\"managers-error\"", "Skriv mindst én");
        assertThat(rows("team")).isEqualTo(teams);
        assertThat(rows("team_manager")).isEqualTo(teams);
        assertThat(changes()).isEqualTo(recorded);

        HttpResponse<String> created = admin.postForm("/admin/teams/ny", form(csrf, code, name, "mads\nmanager"));
        assertThat(created.statusCode()).isEqualTo(302);
        String path = "/admin/teams/" + code;
        assertThat(created.headers().firstValue("Location").orElseThrow()).endsWith(path);
        assertThat(admin.get(path).body()).contains("Teamet er oprettet.", name, "Teamet har ingen medlemmer");

        // both lead it; a late match escalates to the first
        TeamView team = directory.team(code).orElseThrow();
        assertThat(team.managers()).containsExactly("mads", "manager");
        assertThat(team.escalationManager()).isEqualTo("mads");
        assertThat(directory.leads("manager", code)).isTrue();
        assertThat(directory.leads("mads", code)).isTrue();
        assertThat(directory.leads("anna", code)).isFalse();

        // the order changed and one manager removed
        Map<String, String> describe = new LinkedHashMap<>(Map.of("_csrf", csrf, "name", name, "managers", "manager",
                "version", String.valueOf(team.version())));
        assertThat(admin.postForm(path, describe).statusCode()).isEqualTo(302);
        assertThat(directory.team(code).orElseThrow().managers()).containsExactly("manager");
        assertThat(directory.leads("mads", code)).isFalse();
        HttpResponse<String> stale = admin.postForm(path, describe);
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("En anden har ændret teamet");
        // the team's history reads like the change record: the fields that changed by label, no JSON
        String history = AdminHistory.of(admin.get(path).body());
        assertThat(history).contains("Oprettet", "Ændret", "Ledere", "Navn", "data-field=\"managers\"")
                .doesNotContain("managers</th>");

        // a member moved in: capacity and competences stay, the move is a recorded change of the profile
        assertThat(admin.postForm(path + "/medlemmer", Map.of("_csrf", csrf, "member", MEMBER)).statusCode())
                .isEqualTo(302);
        assertThat(admin.get(path).body()).contains("Medarbejderen er flyttet til teamet.", "Tove Testesen");
        StaffMember moved = directory.byUserId(MEMBER).orElseThrow();
        assertThat(moved.teamCode()).isEqualTo(code);
        assertThat(moved.capacity()).isEqualTo(4);
        assertThat(directory.members(code)).containsOnlyKeys(MEMBER);
        assertThat(jdbc.queryForObject("SELECT after_json FROM reference_change WHERE entity_kind = 'staff-profile'"
                + " AND entity_id = ? ORDER BY id DESC LIMIT 1", String.class, MEMBER)).contains(code);
        HttpResponse<String> unknown = admin.postForm(path + "/medlemmer", Map.of("_csrf", csrf, "member", "ingen"));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("id=\"member-error\"", "Vælg en medarbejder fra listen");

        assertThat(jdbc.queryForList("SELECT action FROM reference_change WHERE entity_kind = 'team'"
                + " AND entity_id = ? ORDER BY id", String.class, code)).containsExactly("CREATE", "UPDATE");
        assertThat(admin.get("/admin/aendringer?type=team").body()).contains("Team", code);
    }

    @Test
    void theApiRefusesBadTeamsWithProblemDetails() {
        ApiClient api = new ApiClient(http);
        String word = word();
        String code = "t-api" + word;
        ResponseEntity<Map> created = api.post("admin", "/api/admin/teams", Map.of("code", code,
                "name", "Api-team " + word, "managers", List.of("manager", "mads")));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody()).containsEntry("managers", List.of("manager", "mads"));

        long teams = rows("team");
        long recorded = changes();
        assertThat(ApiClient.fieldError(api.post("admin", "/api/admin/teams", Map.of("code", "t-x" + word,
                "name", "Andet " + word, "managers", List.of("intake")))))
                .containsEntry("field", "managers")
                .containsEntry("message",
                        "Alle ledere skal være brugere i gruppen Ledere. Tjek stavningen af brugernavnene.");
        assertThat(ApiClient.fieldError(api.post("admin", "/api/admin/teams", Map.of("code", "t-y" + word,
                "name", "API-TEAM " + word, "managers", List.of("mads"))))).containsEntry("field", "name");
        assertThat(ApiClient.fieldError(api.post("admin", "/api/admin/teams", Map.of("code", code,
                "name", "Tredje " + word, "managers", List.of("mads"))))).containsEntry("field", "code");
        assertThat(ApiClient.fieldError(api.post("admin", "/api/admin/teams", Map.of("code", "T Z",
                "name", "Fjerde " + word, "managers", List.of("mads"))))).containsEntry("field", "code");
        assertThat(rows("team")).isEqualTo(teams);
        assertThat(changes()).isEqualTo(recorded);

        ResponseEntity<Map> stale = api.as("admin").exchange("/api/admin/teams/" + code, HttpMethod.PUT,
                new HttpEntity<>(Map.of("name", "Nyt " + word, "managers", List.of("mads"), "version", 7),
                        ApiClient.json()), Map.class);
        assertThat(stale.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        ResponseEntity<Map> none = api.as("admin").exchange("/api/admin/teams/" + code, HttpMethod.PUT,
                new HttpEntity<>(Map.of("name", "Nyt " + word, "managers", List.of(), "version", 0),
                        ApiClient.json()), Map.class);
        assertThat(ApiClient.fieldError(none)).containsEntry("field", "managers");
        assertThat(directory.team(code).orElseThrow().managers()).containsExactly("manager", "mads");
        assertThat(ApiClient.fieldError(api.post("admin", "/api/admin/teams/" + code + "/members",
                Map.of("userId", "ingen")))).containsEntry("field", "member");
        assertThat(api.get("admin", "/api/admin/teams/" + code).getBody()).containsEntry("members", List.of());
        assertThat(api.get("admin", "/api/admin/teams/ukendt-" + word).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    private static Map<String, String> form(String csrf, String code, String name, String managers) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", csrf);
        form.put("code", code);
        form.put("name", name);
        form.put("managers", managers);
        return form;
    }
}
