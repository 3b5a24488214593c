package dk.initiativ.casework;

import java.util.List;
import java.util.Map;

import dk.initiativ.support.ApiClient;
import dk.initiativ.support.ApiClient.Submitted;
import dk.initiativ.support.LocalModeTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Internal notes (issue 10, finding 8): staff who may read a case write and read them, any Unicode, with a field
 * message when empty or too long; nobody else; never on the citizen's pages but in their data download.
 */
@LocalModeTest
class CaseNotesTest {

    private static final String NOTE = "Ringede til foreningen 📞 – de vender tilbage om bålpladsen 🔥";

    @Autowired TestRestTemplate http;
    @Autowired JdbcTemplate jdbc;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(http);
    }

    @Test
    void staffWhoReadTheCaseWriteAndReadNotesWithAnyUnicode() {
        Submitted submitted = api.submit("Bålplads ved fjorden", "natur-miljoe", "tuse-naes", List.of("PERMITS"));
        String path = "/api/initiatives/" + submitted.caseNumber() + "/notes";

        ApiClient.ok(api.post("intake", path, Map.of("body", "  " + NOTE + "  ")));
        String longest = "😀".repeat(4000);
        ApiClient.ok(api.post("admin", path, Map.of("body", longest)));

        ResponseEntity<List> notes = api.as("manager").getForEntity(path, List.class);
        assertThat(notes.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<Map<String, Object>> list = notes.getBody();
        assertThat(list).extracting(note -> note.get("body")).containsExactly(NOTE, longest);
        assertThat(list).extracting(note -> note.get("authorName")).containsExactly("Ida Visitation", "Adam Administrator");
        assertThat(list.get(0).get("writtenAt")).isNotNull();

        // the case page shows them to staff, with what the citizen's right of access means
        assertThat(api.as("intake").getForEntity("/cases/" + submitted.caseNumber(), String.class).getBody())
                .contains(NOTE, "Ida Visitation", "Interne notater", "når borgeren henter alle data om sagen");

        // never on the citizen's pages, but in the data download (right of access)
        assertThat(http.getForEntity("/track/" + submitted.token(), String.class).getBody()).doesNotContain("Ringede til");
        assertThat(http.getForEntity("/api/citizen/" + submitted.token(), String.class).getBody()).doesNotContain("Ringede til");
        Map<?, ?> data = http.getForObject("/track/" + submitted.token() + "/data.json", Map.class);
        assertThat((List<Map<String, Object>>) data.get("internalNotes")).satisfiesExactly(
                first -> assertThat(first).containsEntry("author", "Ida Visitation").containsEntry("text", NOTE),
                second -> assertThat(second).containsEntry("author", "Adam Administrator"));
    }

    @Test
    void anEmptyOrTooLongNoteIsAFieldErrorAndNothingIsStored() {
        String caseNumber = api.submit("Fællesspisning", "social-faellesskab", "jyderup", List.of()).caseNumber();
        String path = "/api/initiatives/" + caseNumber + "/notes";

        Map<String, Object> empty = ApiClient.fieldError(api.post("intake", path, Map.of("body", "   ")));
        assertThat(empty).containsEntry("field", "body").containsEntry("message", "Skriv notatet.");
        Map<String, Object> tooLong = ApiClient.fieldError(api.post("intake", path, Map.of("body", "x".repeat(4001))));
        assertThat(tooLong).containsEntry("field", "body").containsEntry("message", "Et notat må højst være 4000 tegn.");
        assertThat(ApiClient.fieldError(api.post("intake", path, Map.of())).get("field")).isEqualTo("body");

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM case_note n JOIN initiative i ON i.id = n.initiative_id"
                + " WHERE i.case_number = ?", Integer.class, caseNumber)).isZero();
    }

    @Test
    void onlyThoseWhoMayReadTheCaseOnTheStaffSideWriteOrReadNotes() {
        String caseNumber = api.submit("Koncert på torvet", "kultur-fritid", "moerkoev", List.of()).caseNumber();
        String path = "/api/initiatives/" + caseNumber + "/notes";

        for (String user : List.of("emil", "vibeke", "fund", "citizen")) {
            assertThat(api.post(user, path, Map.of("body", "Hej")).getStatusCode()).as(user)
                    .isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(api.get(user, path).getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM case_note n JOIN initiative i ON i.id = n.initiative_id"
                + " WHERE i.case_number = ?", Integer.class, caseNumber)).isZero();
        assertThat(api.post("intake", "/api/initiatives/INI-1999-99999/notes", Map.of("body", "Hej")).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }
}
