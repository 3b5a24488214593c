package dk.initiativ.privacy;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import dk.initiativ.process.InitiativeProcess;
import dk.initiativ.support.ApiClient;
import dk.initiativ.support.LocalModeTest;
import dk.initiativ.support.SessionClient;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import static dk.initiativ.process.InitiativeProcess.TASK_CLOSE_CASE;
import static dk.initiativ.process.InitiativeProcess.TASK_FOLLOW_UP;
import static dk.initiativ.process.InitiativeProcess.TASK_PLAN_SUPPORT;
import static dk.initiativ.support.ApiClient.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Erasure on request (admins, page and API) and the citizen's withdrawal of the showcase consent (ADR 0032).
 */
@LocalModeTest
class ErasureAndConsentTest {

    @Autowired TestRestTemplate http;
    @Autowired JdbcTemplate jdbc;
    @Autowired RuntimeService runtimeService;
    @Autowired HistoryService historyService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @LocalServerPort int port;

    @Test
    void anAdminErasesAnOpenCaseThroughTheApiItsProcessEndsAndTheErasureIsRecorded() {
        ApiClient api = new ApiClient(http);
        ApiClient.Submitted open = api.submit("Sletning: åben sag", "natur-miljoe", "jyderup", List.of());
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(open.caseNumber()).count())
                .isEqualTo(1);
        // refused: no reason (the field named), another role, an unknown case
        assertThat(ApiClient.fieldError(api.post("admin", "/api/initiatives/" + open.caseNumber() + "/erasure",
                Map.of("reason", "  "))).get("field")).isEqualTo("reason");
        assertThat(api.post("intake", "/api/initiatives/" + open.caseNumber() + "/erasure",
                Map.of("reason", "Borgeren bad om det")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.post("manager", "/api/initiatives/" + open.caseNumber() + "/erasure",
                Map.of("reason", "Borgeren bad om det")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.post("admin", "/api/initiatives/INI-1999-999999/erasure",
                Map.of("reason", "Borgeren bad om det")).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM case_erasure WHERE case_number = ?", Integer.class,
                open.caseNumber())).isZero();

        ResponseEntity<Map> erased = api.post("admin", "/api/initiatives/" + open.caseNumber() + "/erasure",
                Map.of("reason", "Borgeren bad om det i et brev 🙏"));
        assertThat(erased.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(erased.getBody()).containsEntry("caseNumber", open.caseNumber()).containsEntry("wasOpen", true);

        // the process is gone, with its tasks and its history; the case is closed as withdrawn by the admin
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(open.caseNumber()).count())
                .isZero();
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(open.caseNumber()).count()).isZero();
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(open.caseNumber())
                .count()).isZero();
        assertThat(jdbc.queryForMap("SELECT stage, outcome, contact_name, contact_email, description"
                + " FROM initiative WHERE case_number = ?", open.caseNumber()))
                .containsEntry("stage", "CLOSED").containsEntry("outcome", "WITHDRAWN")
                .containsEntry("contact_name", "").containsEntry("contact_email", null)
                .containsEntry("description", "");
        assertThat(jdbc.queryForObject("SELECT anonymised_at IS NOT NULL FROM initiative WHERE case_number = ?",
                Boolean.class, open.caseNumber())).isTrue();
        assertThat(jdbc.queryForObject("SELECT e.actor FROM case_event e JOIN initiative i ON i.id = e.initiative_id"
                + " WHERE i.case_number = ? AND e.type = 'WITHDRAWN'", String.class, open.caseNumber()))
                .isEqualTo("admin");
        // no mail about it, and the case's earlier mails (the receipt) are gone
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mail_outbox WHERE case_number = ?", Integer.class,
                open.caseNumber())).isZero();
        assertThat(jdbc.queryForMap("SELECT erased_by, reason, was_open FROM case_erasure WHERE case_number = ?",
                open.caseNumber())).containsEntry("erased_by", "admin")
                .containsEntry("reason", "Borgeren bad om det i et brev 🙏").containsEntry("was_open", true);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM staff_access_log WHERE case_number = ? AND user_id = 'admin'"
                + " AND kind = 'CHANGE' AND purpose = 'erasure'", Integer.class, open.caseNumber())).isEqualTo(1);
        // the citizen's link says the case is anonymised
        assertThat(http.getForEntity("/track/" + open.token(), String.class).getStatusCode())
                .isEqualTo(HttpStatus.GONE);
        // once is enough
        assertThat(api.post("admin", "/api/initiatives/" + open.caseNumber() + "/erasure",
                Map.of("reason", "Igen")).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void theErasurePageIsForAdminsAsksForAReasonAndAConfirmationAndNeedsTheCsrfToken() {
        ApiClient api = new ApiClient(http);
        ApiClient.Submitted open = api.submit("Sletning: via siden", "natur-miljoe", "jyderup", List.of());
        SessionClient admin = new SessionClient(port).logIn("admin");
        SessionClient manager = new SessionClient(port).logIn("manager");
        assertThat(manager.get("/sletning").statusCode()).isEqualTo(403);

        HttpResponse<String> found = admin.get("/sletning?sag=" + open.caseNumber());
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(found.body()).contains("id=\"erasure-form\"", "Modtaget, venter på visitation")
                .doesNotContain("Else Borger", "Sletning: via siden");
        assertThat(admin.get("/sletning?sag=INI-1999-999999").body()).contains("Der findes ingen sag med det nummer.");
        String csrf = admin.csrfTokenOf("/sletning?sag=" + open.caseNumber());

        // without the confirmation: the form again with the message at the box, nothing erased
        HttpResponse<String> unconfirmed = admin.postForm("/sletning", Map.of("_csrf", csrf, "sag", open.caseNumber(),
                "begrundelse", "Borgeren ringede"));
        assertThat(unconfirmed.statusCode()).isEqualTo(400);
        assertThat(unconfirmed.body()).contains("id=\"bekraeft-error\"", "Borgeren ringede");
        HttpResponse<String> noReason = admin.postForm("/sletning", Map.of("_csrf", csrf, "sag", open.caseNumber(),
                "begrundelse", "", "bekraeft", "true"));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("id=\"begrundelse-error\"", "Skriv en begrundelse for sletningen.");
        // without the CSRF token: refused
        assertThat(admin.postForm("/sletning", Map.of("sag", open.caseNumber(), "begrundelse", "Borgeren ringede",
                "bekraeft", "true")).statusCode()).isEqualTo(403);
        assertThat(jdbc.queryForObject("SELECT anonymised_at IS NULL FROM initiative WHERE case_number = ?",
                Boolean.class, open.caseNumber())).isTrue();

        HttpResponse<String> done = admin.postForm("/sletning", Map.of("_csrf", csrf, "sag", open.caseNumber(),
                "begrundelse", "Borgeren ringede", "bekraeft", "true"));
        assertThat(done.statusCode()).isEqualTo(302);
        HttpResponse<String> after = admin.get(done.headers().firstValue("Location").orElseThrow()
                .replaceFirst("^https?://[^/]+", ""));
        assertThat(after.body()).contains("Sagens personoplysninger er slettet.", "id=\"erasure-done\"",
                "Borgeren ringede").doesNotContain("id=\"erasure-form\"");
        assertThat(jdbc.queryForObject("SELECT was_open FROM case_erasure WHERE case_number = ?", Boolean.class,
                open.caseNumber())).isTrue();
    }

    @Test
    void theCitizenWithdrawsTheShowcaseConsentAndTheShowcaseDropsTheCaseAtOnce() {
        ApiClient api = new ApiClient(http);
        String title = "Samtykke: fælleshave ved skolen";
        ApiClient.Submitted shown = submitPublished(title);
        String contact = api.toSupportPlan(shown.caseNumber());
        closeRealised(api, contact, shown.caseNumber());
        assertThat(http.getForObject("/showcase?district=tuse-naes", String.class)).contains(title);

        SessionClient citizen = new SessionClient(port);
        String page = citizen.get("/track/" + shown.token()).body();
        assertThat(page).contains("id=\"consent-link\"");
        HttpResponse<String> confirm = citizen.get("/track/" + shown.token() + "/consent");
        assertThat(confirm.body()).contains("id=\"consent-confirm\"", "Vil du trække dit samtykke til visning tilbage?");
        String csrf = citizen.csrfTokenOf("/track/" + shown.token() + "/consent");
        // without the CSRF token nothing changes
        assertThat(citizen.postForm("/track/" + shown.token() + "/consent", Map.of()).statusCode()).isEqualTo(403);
        assertThat(http.getForObject("/showcase?district=tuse-naes", String.class)).contains(title);

        HttpResponse<String> withdrawn = citizen.postForm("/track/" + shown.token() + "/consent", Map.of("_csrf", csrf));
        assertThat(withdrawn.statusCode()).isEqualTo(302);
        assertThat(http.getForObject("/showcase?district=tuse-naes", String.class)).doesNotContain(title);
        String after = citizen.get("/track/" + shown.token()).body();
        assertThat(after).contains("Du har trukket dit samtykke tilbage.").doesNotContain("id=\"consent-link\"");
        // the confirmation page is gone with the consent, in English too
        assertThat(citizen.get("/track/" + shown.token() + "/consent").statusCode()).isEqualTo(302);
        assertThat(citizen.get("/track/" + shown.token() + "?lang=en").body()).doesNotContain("id=\"consent-link\"");
    }

    private ApiClient.Submitted submitPublished(String title) {
        ResponseEntity<Map> response = http.postForEntity("/api/initiatives", new HttpEntity<>(Map.of("title", title,
                "description", "Køkkenhave for skolens elever og naboerne.", "topic", "natur-miljoe",
                "district", "tuse-naes", "contactName", "Else Borger", "contactEmail", "else.borger@example.org",
                "consent", true, "publicationConsent", true, "helpWanted", List.of("FUNDING")), ApiClient.json()),
                Map.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return new ApiClient.Submitted((String) response.getBody().get("caseNumber"),
                (String) response.getBody().get("trackingToken"));
    }

    private void closeRealised(ApiClient api, String contact, String caseNumber) {
        ok(api.post(contact, "/api/tasks/" + api.task(contact, caseNumber, TASK_PLAN_SUPPORT) + "/support-plan",
                Map.of("funding", false, "permits", false, "partners", false, "political", false)));
        String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .singleResult().getId();
        Job timer = managementService.createJobQuery().processInstanceId(instance)
                .activityId(InitiativeProcess.TIMER_FOLLOW_UP_DUE).singleResult();
        managementService.executeJob(timer.getId());
        ok(api.post(contact, "/api/tasks/" + api.task(contact, caseNumber, TASK_FOLLOW_UP) + "/follow-up",
                Map.of("progressPercent", 100, "milestone", "Haven er plantet", "done", true)));
        ok(api.post(contact, "/api/tasks/" + api.task(contact, caseNumber, TASK_CLOSE_CASE) + "/closure",
                Map.of("outcome", "REALISED", "message", "Tak for haven")));
    }
}
