package dk.initiativ.citizen;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dk.initiativ.process.InitiativeProcess;
import dk.initiativ.support.ApiClient;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static dk.initiativ.process.InitiativeProcess.TASK_CLOSE_CASE;
import static dk.initiativ.process.InitiativeProcess.TASK_DECIDE_FUNDING;
import static dk.initiativ.process.InitiativeProcess.TASK_FOLLOW_UP;
import static dk.initiativ.process.InitiativeProcess.TASK_PLAN_SUPPORT;
import static dk.initiativ.process.InitiativeProcess.TASK_SCREEN_INITIATIVE;
import static dk.initiativ.support.ApiClient.ok;
import static org.assertj.core.api.Assertions.assertThat;

/** Cases for the portal tests, driven through the real HTTP API as the demo staff would. */
final class PortalCases {

    private final TestRestTemplate http;
    private final ApiClient api;
    private final RuntimeService runtimeService;
    private final ManagementService managementService;

    PortalCases(TestRestTemplate http, RuntimeService runtimeService, ManagementService managementService) {
        this.http = http;
        this.api = new ApiClient(http);
        this.runtimeService = runtimeService;
        this.managementService = managementService;
    }

    ApiClient api() {
        return api;
    }

    /** A new case through POST /api/initiatives; {@code publish} is the showcase consent. */
    ApiClient.Submitted submit(String title, String district, boolean publish) {
        Map<String, Object> body = new HashMap<>(Map.of("title", title, "description",
                "Vi vil samle naboerne om " + title + ". Alle kan være med, og vi sørger selv for kaffen.",
                "topic", "natur-miljoe", "district", district, "contactName", "Else Borger",
                "contactEmail", "else.borger@example.org", "consent", true, "helpWanted", List.of("FUNDING", "PERMITS")));
        body.put("publicationConsent", publish);
        body.put("contactPhone", "12 34 56 78");
        ResponseEntity<Map> response = http.postForEntity("/api/initiatives", new HttpEntity<>(body, ApiClient.json()),
                Map.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return new ApiClient.Submitted((String) response.getBody().get("caseNumber"),
                (String) response.getBody().get("trackingToken"));
    }

    void askCitizen(String caseNumber, String question) {
        ok(api.post("intake", "/api/tasks/" + api.task("intake", caseNumber, TASK_SCREEN_INITIATIVE) + "/screening",
                Map.of("decision", "request-information", "note", question)));
    }

    /** Accepted, taken by the contact person and the agreement recorded; returns the contact person. */
    String agreed(String caseNumber) {
        return api.toSupportPlan(caseNumber);
    }

    void messageFromStaff(String contact, String caseNumber, String body) {
        ok(api.post(contact, "/api/initiatives/" + caseNumber + "/messages", Map.of("body", body)));
    }

    /** Support plan with a funding application (granted 35,000 kr. of 40,000) and a permit waiting. */
    void fundedWithPermitWaiting(String contact, String caseNumber) {
        ok(api.post(contact, "/api/tasks/" + api.task(contact, caseNumber, TASK_PLAN_SUPPORT) + "/support-plan",
                Map.of("funding", true, "fundingPool", "groen-pulje", "fundingAmount", 40000,
                        "fundingPurpose", "Materialer og værktøj", "permits", true,
                        "permitTypes", List.of("brug-af-offentligt-areal"),
                        "partners", false, "political", false)));
        ok(api.post("admin", "/api/tasks/" + api.task("admin", caseNumber, TASK_DECIDE_FUNDING) + "/funding-decision",
                Map.of("granted", true, "amount", 35000)));
    }

    /** From the agreement to the outcome: no support tracks, one follow-up at 100 %, closed. */
    void close(String contact, String caseNumber, String outcome, String message) {
        ok(api.post(contact, "/api/tasks/" + api.task(contact, caseNumber, TASK_PLAN_SUPPORT) + "/support-plan",
                Map.of("funding", false, "permits", false, "partners", false, "political", false)));
        String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .singleResult().getId();
        Job timer = managementService.createJobQuery().processInstanceId(instance)
                .activityId(InitiativeProcess.TIMER_FOLLOW_UP_DUE).singleResult();
        managementService.executeJob(timer.getId());
        ok(api.post(contact, "/api/tasks/" + api.task(contact, caseNumber, TASK_FOLLOW_UP) + "/follow-up",
                Map.of("progressPercent", 100, "milestone", "Alt er på plads", "done", true)));
        ok(api.post(contact, "/api/tasks/" + api.task(contact, caseNumber, TASK_CLOSE_CASE) + "/closure",
                Map.of("outcome", outcome, "message", message)));
    }
}
