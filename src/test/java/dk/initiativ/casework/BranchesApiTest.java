package dk.initiativ.casework;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dk.initiativ.process.InitiativeProcess;
import dk.initiativ.support.ApiClient;
import dk.initiativ.support.ApiClient.Submitted;
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
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import static dk.initiativ.process.InitiativeProcess.TASK_DECIDE_FUNDING;
import static dk.initiativ.process.InitiativeProcess.TASK_PLAN_SUPPORT;
import static dk.initiativ.process.InitiativeProcess.TASK_SCREEN_INITIATIVE;
import static dk.initiativ.support.ApiClient.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The branches of the journey through the HTTP API, each to its end state: duplicate, inactive, the
 * message thread, and two grants that together exceed a pool's budget.
 */
@LocalModeTest
class BranchesApiTest {

    @Autowired TestRestTemplate http;
    @Autowired ManagementService managementService;
    @Autowired RuntimeService runtimeService;
    @Autowired JdbcTemplate jdbc;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(http);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aDuplicateIsClosedAndLinkedToTheOriginal() {
        Submitted original = api.submit("Skøjtebane på torvet", "idraet-bevaegelse", "holbaek-by", List.of("PERMITS"));
        Submitted duplicate = api.submit("Skøjtebane om vinteren", "idraet-bevaegelse", "holbaek-by", List.of("PERMITS"));

        ok(api.post("intake", "/api/tasks/" + api.task("intake", duplicate.caseNumber(), TASK_SCREEN_INITIATIVE)
                + "/screening", Map.of("decision", "duplicate", "duplicateOfCaseNumber", original.caseNumber())));

        Map<?, ?> status = api.citizen(duplicate.token());
        assertThat(status.get("outcome")).isEqualTo("DUPLICATE");
        assertThat(((List<Map<String, Object>>) status.get("timeline")).get(1))
                .containsEntry("type", "MARKED_DUPLICATE").containsEntry("relatedCaseNumber", original.caseNumber());
        assertThat(api.initiative(duplicate.caseNumber()).get("duplicateOfCaseNumber")).isEqualTo(original.caseNumber());
    }

    @Test
    void noAnswerWithinThirtyWorkingDaysClosesTheCaseAsInactive() {
        Submitted submitted = api.submit("Bålhytte", "natur-miljoe", "tuse-naes", List.of("FUNDING"));
        ok(api.post("intake", "/api/tasks/" + api.task("intake", submitted.caseNumber(), TASK_SCREEN_INITIATIVE)
                + "/screening", Map.of("decision", "request-information", "note", "Hvor skal hytten stå?")));

        fire(submitted.caseNumber(), InitiativeProcess.TIMER_INFORMATION_TIMEOUT);

        Map<?, ?> status = api.citizen(submitted.token());
        assertThat(status.get("outcome")).isEqualTo("INACTIVE");
        assertThat(status.get("openQuestion")).isNull();
        assertThat(api.post("citizen", "/api/citizen/" + submitted.token() + "/answer", Map.of("answer", "For sent"))
                .getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void theCitizenAndTheContactPersonWriteToEachOther() {
        Submitted submitted = api.submit("Byttehylde ved stationen", "social-faellesskab", "jyderup", List.of("PARTNERS"));
        ok(http.postForEntity("/api/citizen/" + submitted.token() + "/messages",
                new HttpEntity<>(Map.of("body", "Kan vi få hylden op før jul?"), ApiClient.json()),
                Map.class));
        String contact = api.toSupportPlan(submitted.caseNumber());
        String other = contact.equals("cecilie") ? "emil" : "cecilie";

        assertThat(api.post(other, "/api/initiatives/" + submitted.caseNumber() + "/messages",
                Map.of("body", "Hej"))).extracting(ResponseEntity::getStatusCode).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.post(contact, "/api/initiatives/" + submitted.caseNumber() + "/messages", Map.of("body", " "))
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        ok(api.post(contact, "/api/initiatives/" + submitted.caseNumber() + "/messages",
                Map.of("body", "Ja, vi sætter den op i uge 50.")));

        List<Map<String, Object>> thread = (List<Map<String, Object>>) api.citizen(submitted.token()).get("messages");
        assertThat(thread).extracting(message -> message.get("body"))
                .containsExactly("Kan vi få hylden op før jul?", "Ja, vi sætter den op i uge 50.");
        assertThat(thread.get(0)).containsEntry("fromCitizen", true).containsEntry("authorName", null);
        assertThat(thread.get(1)).containsEntry("fromCitizen", false);
        assertThat(api.as(contact).exchange("/api/initiatives/" + submitted.caseNumber() + "/messages",
                HttpMethod.GET, null, List.class).getBody()).hasSize(2);

        ok(http.postForEntity("/api/citizen/" + submitted.token() + "/withdrawal", null, Map.class));
        assertThat(http.postForEntity("/api/citizen/" + submitted.token() + "/messages",
                new HttpEntity<>(Map.of("body", "Glem det"), ApiClient.json()), Map.class)
                .getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void twoGrantsThatTogetherExceedThePoolsBudgetOneIsRefused() throws Exception {
        jdbc.update("INSERT INTO funding_pool (code, name, criteria, total_budget, budget_left, fund_officer_group)"
                + " VALUES ('t-rest-race', 'Testpulje', 'Til testen', 50000, 50000, 'fund-officer')");
        List<String> decisions = new ArrayList<>();
        for (String title : List.of("Vinterbadning A", "Vinterbadning B")) {
            Submitted submitted = api.submit(title, "idraet-bevaegelse", "holbaek-by", List.of("FUNDING"));
            String contact = api.toSupportPlan(submitted.caseNumber());
            ok(api.post(contact, "/api/tasks/" + api.task(contact, submitted.caseNumber(), TASK_PLAN_SUPPORT)
                    + "/support-plan", Map.of("funding", true, "fundingPool", "t-rest-race", "fundingAmount", 30000,
                    "fundingPurpose", "Sauna", "permits", false, "partners", false, "political", false)));
            decisions.add(api.task("admin", submitted.caseNumber(), TASK_DECIDE_FUNDING));
        }

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<HttpStatusCode> statuses = new ArrayList<>();
        try {
            List<Future<ResponseEntity<Map>>> results = new ArrayList<>();
            for (String taskId : decisions) {
                results.add(pool.submit(() -> {
                    start.await();
                    return api.post("admin", "/api/tasks/" + taskId + "/funding-decision",
                            Map.of("granted", true, "amount", 30000));
                }));
            }
            start.countDown();
            for (Future<ResponseEntity<Map>> result : results) {
                statuses.add(result.get().getStatusCode());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(statuses).containsExactlyInAnyOrder(HttpStatus.NO_CONTENT, HttpStatus.CONFLICT);
        assertThat(jdbc.queryForObject("SELECT budget_left FROM funding_pool WHERE code = 't-rest-race'",
                BigDecimal.class)).isEqualByComparingTo("20000");
    }

    private void fire(String caseNumber, String timerId) {
        String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .singleResult().getId();
        Job job = managementService.createJobQuery().processInstanceId(instance).activityId(timerId).singleResult();
        ClockUtil.setCurrentTime(new Date(job.getDuedate().getTime() + 1000));
        managementService.executeJob(job.getId());
    }
}
