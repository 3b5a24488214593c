package dk.initiativ.matching;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dk.initiativ.process.DeadlineProperties;
import dk.initiativ.support.ApiClient;
import dk.initiativ.support.AdminHistory;
import dk.initiativ.support.LocalModeTest;
import dk.initiativ.support.SessionClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Absence periods through the admin's page and the JSON API over real HTTP (issue 13, ADR 0038): several periods
 * added, shown as past, current or coming, one removed; bad input refused next to the field in Danish and in
 * English (problem details with the field named in the API), nothing stored; the workload part of the dashboard
 * shows the current period and the next.
 */
@LocalModeTest
class StaffAbsencePagesTest {

    @LocalServerPort int port;
    @Autowired TestRestTemplate http;
    @Autowired JdbcTemplate jdbc;
    @Autowired StaffDirectory directory;
    @Autowired StaffProfileAdmin admin;
    @Autowired Clock clock;
    @Autowired DeadlineProperties deadlines;

    List<Long> before;

    @BeforeEach
    void remember() {
        before = ids();
    }

    @AfterEach
    void restore() {
        ids().stream().filter(id -> !before.contains(id)).forEach(id -> admin.removeAbsence("bjarne", id, "test"));
    }

    private List<Long> ids() {
        return directory.byUserId("bjarne").orElseThrow().absences().stream().map(Absence::id).toList();
    }

    private long periods() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM staff_absence", Long.class);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(deadlines.zone()));
    }

    private static Map<String, String> form(String csrf, String from, String until, String note) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", csrf);
        form.put("from", from);
        form.put("until", until);
        form.put("note", note);
        return form;
    }

    @Test
    void anAdminAddsSeveralPeriodsRemovesOneAndMeetsBadInputInBothLanguages() {
        SessionClient session = new SessionClient(port).logIn("admin");
        String page = "/admin/medarbejdere/bjarne";
        String csrf = session.csrfTokenOf(page);
        LocalDate today = today();
        long periods = periods();

        // refused, each with its message next to its field, nothing stored
        HttpResponse<String> refused = session.postForm(page + "/fravaer",
                form(csrf, today.plusDays(10).toString(), today.plusDays(5).toString(), ""));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"until-error\"",
                "Den sidste fraværsdag kan ikke ligge før den første.", "aria-invalid=\"true\"");
        refused = session.postForm(page + "/fravaer", form(csrf, "", "", ""));
        assertThat(refused.body()).contains("id=\"from-error\"", "Skriv den første fraværsdag.");
        refused = session.postForm(page + "/fravaer", form(csrf, "10-12-2026", "", ""));
        assertThat(refused.body()).contains("id=\"from-error\"", "Skriv datoen som år-måned-dag");
        refused = session.postForm(page + "/fravaer", form(csrf, today.minusDays(20).toString(),
                today.minusDays(2).toString(), ""));
        assertThat(refused.body()).contains("id=\"until-error\"", "Perioden er allerede slut");
        assertThat(periods()).isEqualTo(periods);

        // in English
        refused = session.postForm(page + "/fravaer?lang=en",
                form(csrf, today.plusDays(10).toString(), today.plusDays(5).toString(), ""));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"until-error\"", "The last day away cannot be before the first.",
                "Absence periods");
        session.get(page + "?lang=da");
        assertThat(periods()).isEqualTo(periods);

        // three periods: now, coming, open-ended later; the kept form is empty again after each
        assertThat(session.postForm(page + "/fravaer", form(csrf, today.minusDays(1).toString(),
                today.plusDays(2).toString(), "Ferie ☀️")).statusCode()).isEqualTo(302);
        assertThat(session.postForm(page + "/fravaer", form(csrf, today.plusDays(10).toString(),
                today.plusDays(12).toString(), "Kursus")).statusCode()).isEqualTo(302);
        assertThat(session.postForm(page + "/fravaer", form(csrf, today.plusDays(30).toString(), "", ""))
                .statusCode()).isEqualTo(302);
        // overlapping the coming one
        refused = session.postForm(page + "/fravaer", form(csrf, today.plusDays(12).toString(),
                today.plusDays(14).toString(), ""));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"from-error\"", "Perioden overlapper en anden");
        assertThat(periods()).isEqualTo(periods + 3);

        String shown = session.get(page).body();
        assertThat(shown).contains("Ferie ☀️", "Kursus", "I gang nu", "Kommende", "ukendt",
                "data-state=\"current\"", "data-state=\"coming\"");
        // the profile's own history reads like the change record: the periods as dates, no JSON
        assertThat(AdminHistory.of(shown)).contains("Fraværsperioder", "Ferie ☀️", "Kursus", "ukendt", "Ændret");
        StaffMember bjarne = directory.byUserId("bjarne").orElseThrow();
        assertThat(bjarne.isAbsentOn(today)).isTrue();
        long kursus = bjarne.absences().stream().filter(a -> "Kursus".equals(a.note())).findFirst().orElseThrow().id();

        HttpResponse<String> removed = session.postForm(page + "/fravaer/" + kursus + "/slet", Map.of("_csrf", csrf));
        assertThat(removed.statusCode()).isEqualTo(302);
        shown = session.get(page).body();
        // gone from the periods; the history keeps that it was there and was removed
        String periodsShown = shown.substring(shown.indexOf("id=\"absence-table\""),
                shown.indexOf("id=\"history-heading\""));
        assertThat(shown).contains("Fraværsperioden er fjernet.");
        assertThat(periodsShown).contains("Ferie ☀️").doesNotContain("Kursus");
        assertThat(session.postForm(page + "/fravaer/" + kursus + "/slet", Map.of("_csrf", csrf)).statusCode())
                .isEqualTo(404);
        assertThat(periods()).isEqualTo(periods + 2);

        // the list of staff shows the current period
        assertThat(session.get("/admin/medarbejdere").body()).contains("(væk i dag)");
    }

    @Test
    void theApiAddsAndRemovesPeriodsAndRefusesWithProblemDetailsInTheCallersLanguage() {
        ApiClient api = new ApiClient(http);
        LocalDate today = today();
        long periods = periods();

        ResponseEntity<Map> refused = api.post("admin", "/api/admin/staff/bjarne/absences",
                Map.of("from", today.plusDays(10).toString(), "until", today.plusDays(5).toString()));
        assertThat(ApiClient.fieldError(refused)).containsEntry("field", "until")
                .containsEntry("message", "Den sidste fraværsdag kan ikke ligge før den første.");
        HttpHeaders english = ApiClient.json();
        english.set(HttpHeaders.ACCEPT_LANGUAGE, "en");
        refused = api.as("admin").exchange("/api/admin/staff/bjarne/absences", HttpMethod.POST, new HttpEntity<>(
                Map.of("from", today.plusDays(10).toString(), "until", today.plusDays(5).toString()), english), Map.class);
        assertThat(ApiClient.fieldError(refused)).containsEntry("field", "until")
                .containsEntry("message", "The last day away cannot be before the first.");
        assertThat(ApiClient.fieldError(api.post("admin", "/api/admin/staff/bjarne/absences",
                Map.of("until", today.plusDays(5).toString())))).containsEntry("field", "from");
        assertThat(ApiClient.fieldError(api.post("admin", "/api/admin/staff/bjarne/absences",
                Map.of("from", today.plusDays(5).toString(), "note", "n".repeat(201)))))
                .containsEntry("field", "note");
        assertThat(periods()).isEqualTo(periods);

        ResponseEntity<Map> created = api.post("admin", "/api/admin/staff/bjarne/absences",
                Map.of("from", today.plusDays(40).toString(), "until", today.plusDays(44).toString(), "note", "Ferie"));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        ResponseEntity<Map> second = api.post("admin", "/api/admin/staff/bjarne/absences",
                Map.of("from", today.plusDays(50).toString()));
        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        List<Map<String, Object>> absences = (List<Map<String, Object>>) second.getBody().get("absences");
        assertThat(absences).extracting(a -> a.get("from"))
                .contains(today.plusDays(40).toString(), today.plusDays(50).toString());
        assertThat(ApiClient.fieldError(api.post("admin", "/api/admin/staff/bjarne/absences",
                Map.of("from", today.plusDays(44).toString(), "until", today.plusDays(45).toString()))))
                .containsEntry("field", "from");

        Number id = (Number) absences.stream().filter(a -> "Ferie".equals(a.get("note"))).findFirst().orElseThrow()
                .get("id");
        ResponseEntity<Map> removed = api.as("admin").exchange("/api/admin/staff/bjarne/absences/" + id,
                HttpMethod.DELETE, new HttpEntity<>(ApiClient.json()), Map.class);
        assertThat(removed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((List<?>) removed.getBody().get("absences")).hasSize(before.size() + 1);
        ResponseEntity<Map> again = api.as("admin").exchange("/api/admin/staff/bjarne/absences/" + id,
                HttpMethod.DELETE, new HttpEntity<>(ApiClient.json()), Map.class);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(periods()).isEqualTo(periods + 1);
    }
}
