package dk.initiativ.casework;

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
import org.springframework.http.ResponseEntity;

import static dk.initiativ.process.InitiativeProcess.TASK_CLOSE_CASE;
import static dk.initiativ.process.InitiativeProcess.TASK_PLAN_SUPPORT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Closing early (issue 10, finding 6): while the case waits for its next follow-up the contact person goes to
 * the closing at once, instead of waiting 30 working days; nobody else can, and not from any other stage.
 */
@LocalModeTest
class EarlyClosureApiTest {

    @Autowired TestRestTemplate http;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(http);
    }

    @Test
    void theContactPersonClosesACaseInFollowUpAtOnce() {
        ApiClient.Submitted submitted = api.submit("Bytteskab ved skolen", "natur-miljoe", "tuse-naes", List.of("FUNDING"));
        String caseNumber = submitted.caseNumber();
        String contact = api.toSupportPlan(caseNumber);
        String path = "/api/initiatives/" + caseNumber + "/early-closure";

        // not in follow-up yet: the support plan is open
        ResponseEntity<Map> tooSoon = api.post(contact, path, Map.of());
        assertThat(tooSoon.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat((String) tooSoon.getBody().get("detail")).startsWith("Sagen venter ikke på en opfølgning");

        ApiClient.ok(api.post(contact, "/api/tasks/" + api.task(contact, caseNumber, TASK_PLAN_SUPPORT) + "/support-plan",
                Map.of("funding", false, "permits", false, "partners", false, "political", false)));
        assertThat(api.taskOrNull(contact, caseNumber, TASK_CLOSE_CASE)).isNull();

        // only the contact person (or an admin)
        String other = contact.equals("emil") ? "anna" : "emil";
        assertThat(api.post(other, path, Map.of()).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.post("intake", path, Map.of()).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.post("citizen", path, Map.of()).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        // nor around the rule through the engine's API: Camunda lets no staff role correlate a message
        ResponseEntity<String> engine = api.as(other).postForEntity("/engine-rest/message", new HttpEntity<>(
                Map.of("messageName", "CloseEarly", "businessKey", caseNumber), ApiClient.json()), String.class);
        assertThat(engine.getStatusCode().is4xxClientError()).as(engine.getBody()).isTrue();
        assertThat(api.taskOrNull(contact, caseNumber, TASK_CLOSE_CASE)).isNull();

        ApiClient.ok(api.post(contact, path, Map.of()));
        String close = api.task(contact, caseNumber, TASK_CLOSE_CASE);
        assertThat(api.post(contact, path, Map.of()).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

        ApiClient.ok(api.post(contact, "/api/tasks/" + close + "/closure",
                Map.of("outcome", "REALISED", "message", "Bytteskabet står klar. Tak!")));
        assertThat(api.citizen(submitted.token()).get("stage")).isEqualTo("CLOSED");
        assertThat(api.post(contact, path, Map.of()).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }
}
