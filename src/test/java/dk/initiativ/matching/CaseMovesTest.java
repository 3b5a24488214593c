package dk.initiativ.matching;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dk.initiativ.initiative.Cases;
import dk.initiativ.support.ApiClient;
import dk.initiativ.support.LocalModeTest;
import dk.initiativ.support.SessionClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A manager moves every open case of one person over the rest of the team in one step (issue 10): spread by
 * workload and capacity like a new case's pick, one reason kept as a note on every case, a timeline event and
 * the usual e-mails each; a contact person or another team's manager is refused (403) on the page and in the API.
 */
@LocalModeTest
class CaseMovesTest {

    @LocalServerPort int port;
    @Autowired TestRestTemplate http;
    @Autowired Cases cases;
    @Autowired StaffDirectory staff;
    @Autowired Clock clock;

    @Test
    void allOpenCasesOfAPersonAreSpreadOverTheTeamByWorkloadInOneStep() {
        ApiClient api = new ApiClient(http);
        List<String> annas = new ArrayList<>();
        for (String title : new String[] {"Frøbank ved åen", "Koncert i parken", "Cykelværksted"}) {
            String caseNumber = api.submit(title, "kultur-fritid", "toelloese", List.of()).caseNumber();
            api.toSupportPlan(caseNumber);
            if (!"anna".equals(api.initiative(caseNumber).get("contactPerson"))) {
                ApiClient.ok(api.post("manager", "/api/initiatives/" + caseNumber + "/contact-person",
                        Map.of("contactPerson", "anna", "reason", "Anna kender området")));
            }
            annas.add(caseNumber);
        }

        // refused: a contact person, and the manager of another team, on the page and in the API
        assertThat(api.post("contact", "/api/staff/anna/move-cases", Map.of("reason", "Ferie")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.post("mads", "/api/staff/anna/move-cases", Map.of("reason", "Ferie")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(new SessionClient(port).logIn("contact").get("/medarbejdere/anna/flyt-sager").statusCode())
                .isEqualTo(403);
        SessionClient mads = new SessionClient(port).logIn("mads");
        assertThat(mads.get("/medarbejdere/anna/flyt-sager").statusCode()).isEqualTo(403);
        assertThat(annas.stream().map(caseNumber -> (Object) api.initiative(caseNumber).get("contactPerson")).toList())
                .containsOnly((Object) "anna");

        // the manager: the page shows the plan; no reason is refused with nothing moved
        SessionClient manager = new SessionClient(port).logIn("manager");
        String page = manager.get("/medarbejdere/anna/flyt-sager").body();
        assertThat(page).contains("Flyt alle sager fra Anna Holm", annas.get(0), "move-all-plan");
        String csrf = manager.csrfTokenOf("/medarbejdere/anna/flyt-sager");
        assertThat(manager.postForm("/medarbejdere/anna/flyt-sager", Map.of("_csrf", csrf,
                "reason", " ")).statusCode()).isEqualTo(400);
        assertThat(cases.openCasesOf("anna")).containsAll(annas);

        // what the picker's rules give for the workload now
        List<String> all = cases.openCasesOf("anna");
        Map<String, String> topics = new LinkedHashMap<>();
        all.forEach(caseNumber -> topics.put(caseNumber, cases.matchingFacts(caseNumber).topic()));
        List<StaffMember> rest = staff.byTeam("natur-kultur").stream().filter(m -> !m.userId().equals("anna")).toList();
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Europe/Copenhagen")));
        Map<String, String> expected = CaseSpread.spread(topics, rest, cases.openCasesByContactPerson(), today)
                .orElseThrow();

        var moved = manager.postForm("/medarbejdere/anna/flyt-sager", Map.of("_csrf", csrf,
                "reason", "Anna er på barsel 👶"));
        assertThat(moved.statusCode()).isEqualTo(303);
        assertThat(manager.get("/medarbejdere/anna/flyt-sager").body()).contains(all.size() + " sager er flyttet.");

        assertThat(cases.openCasesOf("anna")).isEmpty();
        Map<String, Long> load = cases.openCasesByContactPerson();
        for (StaffMember member : rest) {
            assertThat(load.getOrDefault(member.userId(), 0L)).as(member.userId()).isLessThanOrEqualTo(member.capacity());
        }
        for (String caseNumber : annas) {
            assertThat(cases.view(caseNumber).contactPerson()).isEqualTo(expected.get(caseNumber));
            assertThat(cases.view(caseNumber).timeline()).anyMatch(entry -> entry.type().name().equals("CONTACT_REASSIGNED")
                    && entry.actor().equals("manager"));
            List<Map<String, Object>> notes = api.as("admin").getForObject("/api/initiatives/" + caseNumber + "/notes",
                    List.class);
            assertThat(notes).anyMatch(note -> String.valueOf(note.get("body")).contains("Anna er på barsel 👶")
                    && String.valueOf(note.get("body")).contains("fra Anna Holm"));
        }
    }
}
