package dk.initiativ.matching;

import java.util.List;
import java.util.Map;

import dk.initiativ.support.ApiClient;
import dk.initiativ.support.LocalModeTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpStatus;

import static dk.initiativ.process.InitiativeProcess.TASK_ACCEPT_CASE;
import static dk.initiativ.process.InitiativeProcess.TASK_FIRST_CONTACT;
import static dk.initiativ.process.InitiativeProcess.TASK_REASSIGN_CASE;
import static dk.initiativ.process.InitiativeProcess.TASK_SCREEN_INITIATIVE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Matching and first contact through the HTTP API only, as the demo users: proposal, decline, the team
 * manager's choice, acceptance, a manager's override (the open task follows), and the agreement.
 */
@LocalModeTest
class MatchingApiTest {

        @Autowired
    TestRestTemplate http;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(http);
    }

    @Test
    void fromProposalThroughDeclineReassignmentOverrideToTheAgreement() {
        Map<?, ?> receipt = submit("Seniordans i Holbæk", "aeldre", "holbaek-by");
        String caseNumber = (String) receipt.get("caseNumber");
        String token = (String) receipt.get("trackingToken");
        assertThat(api.post("intake", "/api/tasks/" + api.task("intake", caseNumber, TASK_SCREEN_INITIATIVE) + "/screening",
                Map.of("decision", "accept")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        // social-sundhed: Cecilie and Emil know "aeldre"; Dorte is away
        String proposed = (String) initiative("mads", caseNumber).get("contactPerson");
        assertThat(proposed).isIn("cecilie", "emil");
        String acceptTask = api.task(proposed, caseNumber, TASK_ACCEPT_CASE);
        String other = proposed.equals("cecilie") ? "emil" : "cecilie";

        assertThat(api.post(other, "/api/tasks/" + acceptTask + "/acceptance", Map.of("accepted", true)).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(ApiClient.fieldError(api.post(proposed, "/api/tasks/" + acceptTask + "/acceptance", Map.of("accepted", false))))
                .containsEntry("field", "reason");
        assertThat(api.post(proposed, "/api/tasks/" + acceptTask + "/acceptance",
                Map.of("accepted", false, "reason", "Jeg er på kursus hele måneden")).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);

        // the team manager of social-sundhed chooses; another manager may not take over the task
        String reassign = api.task("mads", caseNumber, TASK_REASSIGN_CASE);
        assertThat(api.post("manager", "/api/tasks/" + reassign + "/reassignment", Map.of("contactPerson", other))
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(ApiClient.fieldError(api.post("mads", "/api/tasks/" + reassign + "/reassignment", Map.of("contactPerson", "nobody"))))
                .containsEntry("field", "contactPerson")
                .containsEntry("message", "Der findes ingen medarbejder med det brugernavn.");
        assertThat(api.post("mads", "/api/tasks/" + reassign + "/reassignment", Map.of("contactPerson", other))
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        assertThat(api.post(other, "/api/tasks/" + api.task(other, caseNumber, TASK_ACCEPT_CASE) + "/acceptance",
                Map.of("accepted", true)).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        Map<?, ?> status = api.citizen(token);
        assertThat(status.get("stage")).isEqualTo("MATCHED");
        assertThat(((Map<?, ?>) status.get("contactPerson")).get("email"))
                .isEqualTo(other.equals("emil") ? "emil.lund@example.org" : "cecilie.dahl@example.org");
        assertThat(api.get(other, "/api/initiatives/" + caseNumber).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(api.get("anna", "/api/initiatives/" + caseNumber).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        // managers steer the cases of the team they lead: Mette leads natur-kultur, not social-sundhed
        assertThat(api.get("manager", "/api/initiatives/" + caseNumber).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.post("manager", "/api/initiatives/" + caseNumber + "/contact-person", Map.of("contactPerson", "anna", "reason", "Fravær"))
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        // a manager puts the case on Anna (another team): the open first-contact task follows her
        assertThat(api.post(other, "/api/initiatives/" + caseNumber + "/contact-person", Map.of("contactPerson", "anna", "reason", "Fravær"))
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.post("mads", "/api/initiatives/" + caseNumber + "/contact-person", Map.of("contactPerson", "anna", "reason", "Fravær"))
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        String firstContact = api.task("anna", caseNumber, TASK_FIRST_CONTACT);
        assertThat(api.get(other, "/api/initiatives/" + caseNumber).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        assertThat(ApiClient.fieldError(api.post("anna", "/api/tasks/" + firstContact + "/agreement",
                Map.of("willDo", "Hjælp med lokaler", "willNotDo", "Betale instruktøren", "whoDoesWhat", " ",
                        "nextSteps", "Besøg på Kulturværftet"))))
                .containsEntry("field", "whoDoesWhat");
        assertThat(api.post("anna", "/api/tasks/" + firstContact + "/agreement",
                Map.of("willDo", "Hjælp med lokaler", "willNotDo", "Betale instruktøren",
                        "whoDoesWhat", "Foreningen står for dansen, kommunen for lokalet",
                        "nextSteps", "Besøg på Kulturværftet")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        status = api.citizen(token);
        assertThat(status.get("stage")).isEqualTo("AGREED");
        assertThat(((Map<?, ?>) status.get("contactPerson")).get("name")).isEqualTo("Anna Holm");
        assertThat(((Map<?, ?>) status.get("agreement")).get("willNotDo")).isEqualTo("Betale instruktøren");
        assertThat(((List<Map<String, Object>>) status.get("timeline")).stream().map(e -> e.get("type")).toList())
                .containsExactly("SUBMITTED", "ACCEPTED", "CONTACT_ASSIGNED", "CONTACT_REASSIGNED", "AGREEMENT_RECORDED");
    }

    private Map<?, ?> submit(String title, String topic, String district) {
        Map<String, Object> body = Map.of("title", title, "description", "Beskrivelse af " + title, "topic", topic,
                "district", district, "contactName", "Else Borger", "contactEmail", "else@example.org",
                "consent", true, "helpWanted", List.of("PREMISES"));
        return http.postForEntity("/api/initiatives", new HttpEntity<>(body, ApiClient.json()), Map.class).getBody();
    }


    private Map<?, ?> initiative(String user, String caseNumber) {
        return (Map<?, ?>) api.get(user, "/api/initiatives/" + caseNumber).getBody().get("initiative");
    }






}
