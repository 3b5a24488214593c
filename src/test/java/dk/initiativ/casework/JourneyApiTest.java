package dk.initiativ.casework;

import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dk.initiativ.process.InitiativeProcess;
import dk.initiativ.support.ApiClient;
import dk.initiativ.support.LocalModeTest;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import static dk.initiativ.process.InitiativeProcess.TASK_ACCEPT_CASE;
import static dk.initiativ.process.InitiativeProcess.TASK_CLOSE_CASE;
import static dk.initiativ.process.InitiativeProcess.TASK_DECIDE_FUNDING;
import static dk.initiativ.process.InitiativeProcess.TASK_FIRST_CONTACT;
import static dk.initiativ.process.InitiativeProcess.TASK_FOLLOW_UP;
import static dk.initiativ.process.InitiativeProcess.TASK_PLAN_SUPPORT;
import static dk.initiativ.process.InitiativeProcess.TASK_SCREEN_INITIATIVE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A complete journey from submission to "realised", every step through the HTTP API as the demo
 * users. Only time is the test's: the follow-up timer fires by moving Camunda's clock.
 */
@LocalModeTest
class JourneyApiTest {

        @Autowired TestRestTemplate http;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(http);
    }
    @Autowired ManagementService managementService;
    @Autowired RuntimeService runtimeService;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void fromSubmissionToRealised() {
        Map<?, ?> receipt = http.postForEntity("/api/initiatives", new HttpEntity<>(Map.of(
                "title", "Shelterplads ved Tuse Næs", "description", "Tre shelters og et bålsted til skoler og spejdere.",
                "topic", "natur-miljoe", "district", "tuse-naes", "contactName", "Sofie Spejder",
                "contactEmail", "sofie@example.org", "consent", true, "helpWanted", List.of("FUNDING", "PERMITS")),
                ApiClient.json()), Map.class).getBody();
        String caseNumber = (String) receipt.get("caseNumber");
        String token = (String) receipt.get("trackingToken");

        ApiClient.ok(api.post("intake", "/api/tasks/" + api.task("intake", caseNumber, TASK_SCREEN_INITIATIVE) + "/screening",
                Map.of("decision", "accept")));
        String contact = (String) ((Map<?, ?>) api.as("manager").getForEntity("/api/initiatives/" + caseNumber, Map.class)
                .getBody().get("initiative")).get("contactPerson");
        ApiClient.ok(api.post(contact, "/api/tasks/" + api.task(contact, caseNumber, TASK_ACCEPT_CASE) + "/acceptance",
                Map.of("accepted", true)));
        ApiClient.ok(api.post(contact, "/api/tasks/" + api.task(contact, caseNumber, TASK_FIRST_CONTACT) + "/agreement", Map.of(
                "willDo", "Søge Grøn pulje med jer, og hjælpe med tilladelsen", "willNotDo", "Bygge shelterne",
                "whoDoesWhat", "Spejderne bygger, kommunen søger tilladelsen", "nextSteps", "Ansøgning inden 1. marts")));

        // support plan: funding from the Grøn pulje; over the pool's total is refused with the field named
        String plan = api.task(contact, caseNumber, TASK_PLAN_SUPPORT);
        Map<String, Object> tooMuchFunding = new HashMap<>(Map.of("funding", true, "fundingPool", "groen-pulje",
                "fundingAmount", 9_999_999, "fundingPurpose", "Materialer", "permits", false, "partners", false,
                "political", false));
        assertThat(ApiClient.fieldError(api.post(contact, "/api/tasks/" + plan + "/support-plan", tooMuchFunding)))
                .containsEntry("field", "fundingAmount");
        ApiClient.ok(api.post(contact, "/api/tasks/" + plan + "/support-plan", Map.of("funding", true, "fundingPool", "groen-pulje",
                "fundingAmount", 40000, "fundingPurpose", "Materialer til tre shelters", "permits", false,
                "partners", false, "political", false)));
        String decision = api.task("admin", caseNumber, TASK_DECIDE_FUNDING);
        assertThat(api.post(contact, "/api/tasks/" + decision + "/funding-decision", Map.of("granted", true, "amount", 40000))
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ApiClient.ok(api.post("admin", "/api/tasks/" + decision + "/funding-decision", Map.of("granted", true, "amount", 35000)));

        fireFollowUpTimer(caseNumber);
        ResponseEntity<Map> tooMuch = api.post(contact, "/api/tasks/" + api.task(contact, caseNumber, TASK_FOLLOW_UP) + "/follow-up",
                Map.of("progressPercent", 120, "milestone", "x", "done", false));
        assertThat(tooMuch.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        ApiClient.ok(api.post(contact, "/api/tasks/" + api.task(contact, caseNumber, TASK_FOLLOW_UP) + "/follow-up",
                Map.of("progressPercent", 60, "milestone", "Tilladelsen er givet", "done", false)));
        assertThat(api.citizen(token).get("progressPercent")).isEqualTo(60);
        // percent and milestone are columns of the timeline entry; the citizen reads them as before
        assertThat(jdbc.queryForMap("SELECT e.progress_percent, e.milestone, e.detail FROM case_event e"
                + " JOIN initiative i ON i.id = e.initiative_id WHERE i.case_number = ? AND e.type = 'PROGRESS_RECORDED'",
                caseNumber)).containsEntry("progress_percent", 60).containsEntry("milestone", "Tilladelsen er givet")
                .containsEntry("detail", null);
        assertThat(http.getForObject("/track/" + token, String.class))
                .contains("<span id=\"milestone\" class=\"user-text\">Tilladelsen er givet</span>");

        fireFollowUpTimer(caseNumber);
        ApiClient.ok(api.post(contact, "/api/tasks/" + api.task(contact, caseNumber, TASK_FOLLOW_UP) + "/follow-up",
                Map.of("progressPercent", 100, "milestone", "Shelterne er indviet", "done", true)));

        String close = api.task(contact, caseNumber, TASK_CLOSE_CASE);
        assertThat(api.post(contact, "/api/tasks/" + close + "/closure", Map.of("outcome", "WITHDRAWN", "message", "x"))
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        ApiClient.ok(api.post(contact, "/api/tasks/" + close + "/closure",
                Map.of("outcome", "REALISED", "message", "Tak! Shelterne er åbne for alle.")));

        Map<?, ?> status = api.citizen(token);
        assertThat(status.get("stage")).isEqualTo("CLOSED");
        assertThat(status.get("outcome")).isEqualTo("REALISED");
        List<Map<String, Object>> timeline = (List<Map<String, Object>>) status.get("timeline");
        assertThat(timeline.stream().map(entry -> entry.get("type")).toList()).containsExactly("SUBMITTED",
                "ACCEPTED", "CONTACT_ASSIGNED", "AGREEMENT_RECORDED", "FUNDING_PROPOSED", "SUPPORT_PLANNED",
                "FUNDING_GRANTED", "SUPPORT_COMPLETED", "PROGRESS_RECORDED", "PROGRESS_RECORDED", "CLOSED");
        assertThat(timeline.get(6).get("detail")).isEqualTo("Grøn pulje: 35000.00 kr.");
        assertThat(timeline.get(8).get("detail")).isEqualTo("60 %: Tilladelsen er givet");
        assertThat(timeline.get(9).get("detail")).isEqualTo("100 %: Shelterne er indviet");
        assertThat(http.getForObject("/track/" + token + "/data.json", String.class))
                .contains("\"detail\":\"60 %: Tilladelsen er givet\"", "\"detail\":\"100 %: Shelterne er indviet\"");
        assertThat(http.getForObject("/track/" + token, String.class))
                .contains("<span id=\"milestone\" class=\"user-text\">Shelterne er indviet</span>");
        assertThat(timeline.get(timeline.size() - 1).get("detail")).isEqualTo("Tak! Shelterne er åbne for alle.");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).count()).isZero();
    }

    private void fireFollowUpTimer(String caseNumber) {
        String processInstanceId = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .singleResult().getId();
        Job timer = managementService.createJobQuery().processInstanceId(processInstanceId)
                .activityId(InitiativeProcess.TIMER_FOLLOW_UP_DUE).singleResult();
        ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 1000));
        managementService.executeJob(timer.getId());
    }






}
