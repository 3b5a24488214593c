package dk.initiativ.admin;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.initiativ.support.ApiClient;
import dk.initiativ.support.LocalModeTest;
import dk.initiativ.support.SessionClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The change record page readable (issue 13, ADR 0038): each change a small table of the fields that changed, with
 * labels in the reader's language and names for ids (the person for the user id, the team for its code, topics and
 * periods), never the raw keys or codes; a kind no module names yet falls back to readable keys and values as
 * recorded; the JSON API keeps the raw JSON; the page links keep the filter, percent-encoded.
 */
@LocalModeTest
class ChangeRecordPageTest {

    @LocalServerPort int port;
    @Autowired TestRestTemplate http;
    @Autowired JdbcTemplate jdbc;
    @Autowired ChangeTables tables;
    @Autowired ObjectMapper json;

    @AfterEach
    void tearDown() {
        jdbc.update("DELETE FROM reference_change WHERE entity_kind = 'test-kind'");
    }

    @Test
    void aStaffChangeIsATableOfDanishLabelsAndNamesAndTheApiKeepsTheRawJson() throws Exception {
        ApiClient api = new ApiClient(http);
        Map<?, ?> emil = api.get("admin", "/api/admin/staff/emil").getBody();
        String team = (String) emil.get("teamCode");
        List<String> competences = (List<String>) emil.get("competences");
        int capacity = (Integer) emil.get("capacity");
        String other = "natur-kultur".equals(team) ? "social-sundhed" : "natur-kultur";
        try {
            ResponseEntity<Map> moved = api.as("admin").exchange("/api/admin/staff/emil/work", HttpMethod.PUT,
                    new HttpEntity<>(Map.of("team", other, "capacity", capacity + 1, "competences", competences),
                            ApiClient.json()), Map.class);
            assertThat(moved.getStatusCode().value()).isEqualTo(200);
            LocalDate from = LocalDate.now().plusDays(100);
            ResponseEntity<Map> added = api.post("admin", "/api/admin/staff/emil/absences",
                    Map.of("from", from.toString(), "until", from.plusDays(4).toString(), "note", "Ferie"));
            assertThat(added.getStatusCode().value()).isEqualTo(201);

            SessionClient admin = new SessionClient(port).logIn("admin");
            String page = admin.get("/admin/aendringer?type=staff-profile").body();
            String absence = block(page, 0);
            assertThat(absence).contains("Medarbejderprofil", "Emil Lund (emil)", "Ændret", "af admin",
                    "data-field=\"absences\"", ">Fraværsperioder<", "(Ferie)", "(intet)");
            assertThat(absence).doesNotContain("data-field=\"team\"", "data-field=\"capacity\"");
            String work = block(page, 1);
            assertThat(work).contains(">Team<", ">Kapacitet<", "Natur, kultur og fritid", "Social og sundhed",
                    ">" + capacity + "<", ">" + (capacity + 1) + "<");
            // only what changed; no raw keys nor codes
            assertThat(work).doesNotContain("data-field=\"competences\"", "data-field=\"userId\"", ">team<",
                    ">natur-kultur<", ">social-sundhed<");
            assertThat(page).doesNotContain("teamId", "{&quot;");

            String english = admin.get("/admin/aendringer?type=staff-profile&lang=en").body();
            assertThat(block(english, 0)).contains("Staff profile", "by admin", ">Absence periods<");
            assertThat(block(english, 1)).contains(">Capacity<", ">Team<");
            admin.get("/admin?lang=da");

            // the API: unchanged, the JSON as recorded
            Map<?, ?> changes = api.get("admin", "/api/admin/changes?kind=staff-profile&entityId=emil").getBody();
            List<Map<String, Object>> rows = (List<Map<String, Object>>) changes.get("changes");
            assertThat(json.readTree((String) rows.get(1).get("after")).get("team").asText()).isEqualTo(other);
            assertThat(json.readTree((String) rows.get(0).get("after")).get("absences").get(0).get("note").asText())
                    .isEqualTo("Ferie");
        } finally {
            api.as("admin").exchange("/api/admin/staff/emil/work", HttpMethod.PUT, new HttpEntity<>(
                    Map.of("team", team, "capacity", capacity, "competences", competences), ApiClient.json()), Map.class);
            jdbc.update("DELETE a FROM staff_absence a JOIN staff_profile p ON p.id = a.staff_profile_id"
                    + " WHERE p.user_id = 'emil' AND a.note = 'Ferie'");
        }
    }

    /** The n-th change (newest first) of the page, as HTML. */
    private static String block(String page, int n) {
        String[] changes = page.split("<li class=\"change\"");
        assertThat(changes.length).as("changes on the page").isGreaterThan(n + 1);
        return changes[n + 1].substring(0, changes[n + 1].indexOf("</li>"));
    }

    @Test
    void aKindWithoutLabelsFallsBackToReadableKeysAndValuesAsRecorded() {
        jdbc.update("INSERT INTO reference_change (changed_at, changed_by, entity_kind, entity_id, action, before_json,"
                + " after_json) VALUES ('2037-12-31 00:00:00', 'admin', 'test-kind', 'x-1', 'RETIRE', ?, ?)",
                "{\"nameDa\":\"Gammelt navn\",\"active\":true,\"validFrom\":\"2026-03-01\",\"teamCodes\":[\"a\",\"b\"]}",
                "{\"nameDa\":\"Nyt navn\",\"active\":false,\"validFrom\":\"2026-03-01\",\"teamCodes\":[\"a\"]}");
        String page = new SessionClient(port).logIn("admin").get("/admin/aendringer").body();
        String change = block(page, 0);
        assertThat(change).contains("x-1", "Retire", ">Name da<", "Gammelt navn", "Nyt navn", ">Active<", ">Ja<",
                ">Nej<", ">Team codes<", ">a, b<").doesNotContain("Valid from", "admin.ref");

        assertThat(ChangeTables.humanised("fundOfficerGroup")).isEqualTo("Fund officer group");
        assertThat(ChangeTables.humanised("permit-type_name")).isEqualTo("Permit type name");
        assertThat(tables.label("funding-pool", "totalBudget", Locale.forLanguageTag("da"))).isEqualTo("Budget i alt");
        assertThat(tables.label("funding-pool", "totalBudget", Locale.ENGLISH)).isEqualTo("Total budget");
        assertThat(tables.plain(json.getNodeFactory().textNode("2026-03-01"), Locale.forLanguageTag("da")))
                .isEqualTo("1. marts 2026");
    }

    @Test
    void thePageLinksKeepTheFilterPercentEncoded() {
        assertThat(ChangeRecordPageController.url(new ChangeRecordPageController.Form("staff-profile", "2026-01-01",
                null), 2)).isEqualTo("/admin/aendringer?type=staff-profile&fra=2026-01-01&side=2");
        assertThat(ChangeRecordPageController.url(new ChangeRecordPageController.Form(null, null, null), 1))
                .isEqualTo("/admin/aendringer");
        assertThat(ChangeRecordPageController.url(new ChangeRecordPageController.Form("a&b=c d+é", null, null), 1))
                .isEqualTo("/admin/aendringer?type=a%26b%3Dc%20d%2B%C3%A9");
    }
}
