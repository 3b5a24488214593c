package dk.initiativ.matching;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import dk.initiativ.support.LocalModeTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The staff-only team and staff endpoints through real HTTP (local identity mode, basic auth). */
@LocalModeTest
class StaffApiTest {

    private static final String PASSWORD = "initiativ-demo";
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() { };

    @Autowired
    TestRestTemplate http;

    @Autowired
    Clock clock;

    @Test
    void anonymousCallersAreAskedToLogIn() {
        assertThat(status(http, "/api/teams")).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(status(http, "/api/staff")).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void citizensAreRefused() {
        assertThat(status(as("citizen"), "/api/teams")).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(status(as("citizen"), "/api/staff")).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void managersSeeTheTeams() {
        ResponseEntity<List<Map<String, Object>>> response = get(as("manager"), "/api/teams", "da");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).filteredOn(team -> !String.valueOf(team.get("code")).startsWith("t-"))
                .extracting(team -> team.get("code"), team -> team.get("name"), team -> team.get("managers"),
                        team -> team.get("managerGroup")).containsExactly(
                        tuple("natur-kultur", "Natur, kultur og fritid", List.of("manager"), "manager"),
                        tuple("social-sundhed", "Social og sundhed", List.of("mads"), "manager"));
    }

    @Test
    void managersSeeProfilesWithTeamCompetencesCapacityAndAbsence() {
        ResponseEntity<List<Map<String, Object>>> response = get(as("manager"), "/api/staff", "da");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).hasSize(6);
        Map<String, Object> dorte = byUser(response.getBody(), "dorte");
        assertThat(dorte).containsEntry("displayName", "Dorte Friis").containsEntry("capacity", 18)
                .containsEntry("team", Map.of("code", "social-sundhed", "name", "Social og sundhed"))
                .containsEntry("absentToday", true)
                .containsEntry("competences", List.of(Map.of("code", "boern-unge", "name", "Børn og unge"),
                        Map.of("code", "social-faellesskab", "name", "Socialt fællesskab")));
        LocalDate firstOfThisMonth = LocalDate.now(clock.withZone(ZoneId.of("Europe/Copenhagen"))).withDayOfMonth(1);
        assertThat(dorte.get("absentFrom")).isEqualTo(firstOfThisMonth.toString());
        assertThat(dorte.get("absentUntil")).isEqualTo(firstOfThisMonth.plusMonths(2).minusDays(1).toString());
        assertThat(dorte.get("absences")).isEqualTo(List.of(
                Map.of("from", firstOfThisMonth.toString(),
                        "until", firstOfThisMonth.plusMonths(2).minusDays(1).toString()),
                Map.of("from", firstOfThisMonth.plusMonths(4).toString(),
                        "until", firstOfThisMonth.plusMonths(5).minusDays(1).toString())));
        Map<String, Object> karl = byUser(response.getBody(), "contact");
        assertThat(karl).containsEntry("absentToday", false).containsEntry("absentFrom", null)
                .containsEntry("absences", List.of());
    }

    @Test
    void competencesAreNamedInTheCallersLanguageAndOneTeamCanBeAskedFor() {
        ResponseEntity<List<Map<String, Object>>> response = get(as("mads"), "/api/staff?team=social-sundhed", "en");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).extracting(member -> member.get("userId"))
                .containsExactly("cecilie", "dorte", "emil");
        assertThat(byUser(response.getBody(), "dorte").get("competences"))
                .isEqualTo(List.of(Map.of("code", "boern-unge", "name", "Children and young people"),
                        Map.of("code", "social-faellesskab", "name", "Social community")));
    }

    @Test
    void theNewDemoContactPersonsCanLogIn() {
        for (String user : List.of("anna", "bjarne", "cecilie", "dorte", "emil")) {
            assertThat(status(as(user), "/api/teams")).as(user).isEqualTo(HttpStatus.OK);
        }
    }

    private TestRestTemplate as(String user) {
        return http.withBasicAuth(user, PASSWORD);
    }

    private static Map<String, Object> byUser(List<Map<String, Object>> staff, String userId) {
        return staff.stream().filter(member -> userId.equals(member.get("userId"))).findFirst().orElseThrow();
    }

    private static HttpStatusCode status(TestRestTemplate client, String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.APPLICATION_JSON));
        return client.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class).getStatusCode();
    }

    private static ResponseEntity<List<Map<String, Object>>> get(TestRestTemplate client, String path, String language) {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.APPLICATION_JSON));
        headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
        return client.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), LIST);
    }
}
