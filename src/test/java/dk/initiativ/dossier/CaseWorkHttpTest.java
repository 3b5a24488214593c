package dk.initiativ.dossier;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import dk.initiativ.support.ApiClient;
import dk.initiativ.support.LocalModeTest;
import dk.initiativ.support.SessionClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

import static dk.initiativ.process.InitiativeProcess.TASK_PLAN_SUPPORT;
import static dk.initiativ.process.InitiativeProcess.TASK_SCREEN_INITIATIVE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The case page's posts over plain HTTP with a login session: the task form goes through the API's rules
 * (same field errors, 400 and nothing stored), 303 back to the inbox (only ever the inbox), 409 for a task
 * completed meanwhile, CSRF on every form, the reply box under the API's rules.
 */
@LocalModeTest
class CaseWorkHttpTest {

    @LocalServerPort int port;
    @Autowired TestRestTemplate http;

    @Test
    void theTaskFormFollowsTheApisRulesAndGoesBackToTheInbox() {
        ApiClient api = new ApiClient(http);
        String caseNumber = api.submit("Bænke i Jyderup", "natur-miljoe", "jyderup", List.of()).caseNumber();
        String taskId = api.task("intake", caseNumber, TASK_SCREEN_INITIATIVE);
        SessionClient intake = new SessionClient(port).logIn("intake");
        String page = intake.get("/cases/" + caseNumber).body();
        assertThat(page).contains("data-task=\"" + TASK_SCREEN_INITIATIVE + "\"", "name=\"screeningDecision\"",
                "value=\"request-information\"", "Tilbage til indbakken");
        String csrf = intake.csrfTokenOf("/cases/" + caseNumber);

        // a question without its text: the API's rule (IntakeService.check), shown next to the field, nothing stored
        HttpResponse<String> refused = post(intake, "/cases/" + caseNumber + "/tasks/" + taskId, Map.of("_csrf", csrf,
                "screeningDecision", "request-information", "screeningNote", " "));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("task-" + taskId + "-screeningNote-error",
                "Skriv spørgsmålet til borgeren", "aria-invalid=\"true\"");
        assertThat(api.task("intake", caseNumber, TASK_SCREEN_INITIATIVE)).isEqualTo(taskId);
        assertThat(api.initiative(caseNumber).get("stage")).isEqualTo("SUBMITTED");
        assertThat(ApiClient.fieldError(api.post("intake", "/api/tasks/" + taskId + "/screening",
                Map.of("decision", "request-information", "note", " ")))).containsEntry("field", "note");

        // the same in English
        HttpResponse<String> english = post(intake, "/cases/" + caseNumber + "/tasks/" + taskId + "?lang=en",
                Map.of("_csrf", csrf, "screeningDecision", "duplicate", "duplicateOfCaseNumber", "INI-1999-99999"));
        assertThat(english.statusCode()).isEqualTo(400);
        assertThat(english.body()).contains("Case number of the original case", "The case number of the original case does not exist.");

        // no CSRF token: refused, nothing stored
        assertThat(post(intake, "/cases/" + caseNumber + "/tasks/" + taskId, Map.of("screeningDecision", "accept"))
                .statusCode()).isEqualTo(403);

        // accepted: 303 to the inbox view the case was opened from; an address elsewhere is never followed
        HttpResponse<String> done = post(intake, "/cases/" + caseNumber + "/tasks/" + taskId + "?lang=da",
                Map.of("_csrf", csrf, "screeningDecision", "accept", "fra", "/indbakke?visning=gruppens-opgaver&side=2"));
        assertThat(done.statusCode()).isEqualTo(303);
        assertThat(done.headers().firstValue("Location").orElseThrow()).endsWith("/indbakke?visning=gruppens-opgaver&side=2");

        // the same task again (a second tab): 409 with a clear message and the way back to the case
        HttpResponse<String> again = post(intake, "/cases/" + caseNumber + "/tasks/" + taskId,
                Map.of("_csrf", csrf, "screeningDecision", "accept"));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("Opgaven er allerede løst af en anden.", "/cases/" + caseNumber, "Tilbage til sagen")
                .doesNotContain("Exception");
    }

    @Test
    void theWayBackIsOnlyEverTheInbox() {
        assertThat(CasePageController.inboxUrl("/indbakke?visning=mine-sager&q=b%C3%A6nk")).isEqualTo(
                "/indbakke?visning=mine-sager&q=b%C3%A6nk");
        assertThat(CasePageController.inboxUrl("/indbakke")).isEqualTo("/indbakke");
        for (String foreign : new String[] {"https://evil.example/indbakke", "//evil.example/indbakke",
                "/indbakkeevil", "/\\evil.example", "/indbakke\\..\\x", null, "", "/cases/INI-2026-00001"}) {
            assertThat(CasePageController.inboxUrl(foreign)).as(String.valueOf(foreign)).isEqualTo("/indbakke");
        }
    }

    @Test
    void theReplyBoxFollowsTheApisRulesAndKeepsEmoji() {
        ApiClient api = new ApiClient(http);
        String caseNumber = api.submit("Fællesspisning i Svinninge", "natur-miljoe", "svinninge", List.of())
                .caseNumber();
        String contact = api.toSupportPlan(caseNumber);
        SessionClient session = new SessionClient(port).logIn(contact);
        String csrf = session.csrfTokenOf("/cases/" + caseNumber);

        HttpResponse<String> empty = post(session, "/cases/" + caseNumber + "/messages", Map.of("_csrf", csrf, "body", " "));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("reply-body-error", "Skriv en besked.");
        assertThat(session.get("/cases/" + caseNumber).body()).contains("Ingen beskeder endnu.");

        HttpResponse<String> sent = post(session, "/cases/" + caseNumber + "/messages",
                Map.of("_csrf", csrf, "body", "Vi ses på torsdag 🍲"));
        assertThat(sent.statusCode()).isEqualTo(303);
        assertThat(session.get("/cases/" + caseNumber).body()).contains("Vi ses på torsdag 🍲");

        // intake reads the case but does not answer the citizen: no box, and a post is refused
        SessionClient intake = new SessionClient(port).logIn("intake");
        assertThat(intake.get("/cases/" + caseNumber).body()).doesNotContain("reply-form");
        assertThat(post(intake, "/cases/" + caseNumber + "/messages", Map.of("_csrf",
                intake.csrfTokenOf("/cases/" + caseNumber), "body", "Hej")).statusCode()).isEqualTo(403);
    }

    @Test
    void aTamperedCheckBoxIsAFieldErrorNotANo() {
        ApiClient api = new ApiClient(http);
        String caseNumber = api.submit("Bytteskab i Tølløse", "natur-miljoe", "toelloese", List.of()).caseNumber();
        String contact = api.toSupportPlan(caseNumber);
        String taskId = api.task(contact, caseNumber, TASK_PLAN_SUPPORT);
        SessionClient session = new SessionClient(port).logIn(contact);
        String csrf = session.csrfTokenOf("/cases/" + caseNumber);

        HttpResponse<String> refused = post(session, "/cases/" + caseNumber + "/tasks/" + taskId,
                Map.of("_csrf", csrf, "needsFunding", "maybe"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("task-" + taskId + "-needsFunding-error", "Sæt eller fjern fluebenet.");
        assertThat(api.task(contact, caseNumber, TASK_PLAN_SUPPORT)).isEqualTo(taskId);
    }

    private static HttpResponse<String> post(SessionClient session, String path, Map<String, String> form) {
        return session.postForm(path, form);
    }
}
