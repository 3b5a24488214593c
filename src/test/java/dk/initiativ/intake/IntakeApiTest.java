package dk.initiativ.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dk.initiativ.support.ApiClient;
import dk.initiativ.support.ApiClient.Submitted;
import dk.initiativ.support.LocalModeTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;

import static dk.initiativ.process.InitiativeProcess.TASK_SCREEN_INITIATIVE;
import static dk.initiativ.support.ApiClient.fieldError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The intake stage driven only through the HTTP API, as the demo users would: citizen, intake,
 * manager. Real MariaDB, real engine, real security.
 */
@LocalModeTest
class IntakeApiTest {

    @Autowired
    TestRestTemplate http;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(http);
    }

    @Test
    void aCitizenAnswersIntakesQuestionAndTheInitiativeIsAccepted() {
        Submitted submitted = submit("Fællesspisning i Svinninge");

        String taskId = screeningTaskOf(submitted.caseNumber());
        assertThat(screen("intake", taskId, Map.of("decision", "request-information",
                "note", "Hvor mange forventer I at blive?")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        Map<?, ?> status = citizen(submitted.token());
        assertThat(status.get("stage")).isEqualTo("AWAITING_INFORMATION");
        assertThat(status.get("openQuestion")).isEqualTo("Hvor mange forventer I at blive?");

        assertThat(answer(submitted.token(), "Omkring 40 fra byen.").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(citizen(submitted.token()).get("stage")).isEqualTo("SUBMITTED");

        String again = screeningTaskOf(submitted.caseNumber());
        assertThat(screen("intake", again, Map.of("decision", "accept")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        ResponseEntity<Map> dossier = as("intake").getForEntity("/api/initiatives/" + submitted.caseNumber(), Map.class);
        assertThat(dossier.getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<?, ?> initiative = (Map<?, ?>) dossier.getBody().get("initiative");
        assertThat(initiative.get("stage")).isEqualTo("ACCEPTED");
        assertThat(timelineTypes(initiative)).containsExactly("SUBMITTED", "INFORMATION_REQUESTED",
                "INFORMATION_PROVIDED", "ACCEPTED", "CONTACT_PROPOSED");
        assertThat(timelineTypes(citizen(submitted.token()))).containsExactly("SUBMITTED", "INFORMATION_REQUESTED",
                "INFORMATION_PROVIDED", "ACCEPTED");
    }

    @Test
    void aRedirectGivesTheCitizenTheReason() {
        Submitted submitted = submit("Skrald på legepladsen");
        screen("intake", screeningTaskOf(submitted.caseNumber()),
                Map.of("decision", "redirect", "note", "Meld det til Vej og Park på holbaek.dk/fejl."));

        Map<?, ?> status = citizen(submitted.token());
        assertThat(status.get("stage")).isEqualTo("CLOSED");
        assertThat(status.get("outcome")).isEqualTo("REDIRECTED");
        assertThat(((List<Map<String, Object>>) status.get("timeline")).get(1).get("detail"))
                .isEqualTo("Meld det til Vej og Park på holbaek.dk/fejl.");
    }

    @Test
    void screeningInputIsCheckedAndNamesTheField() {
        Submitted submitted = submit("Kunst i byrummet");
        String taskId = screeningTaskOf(submitted.caseNumber());

        assertThat(fieldError(screen("intake", taskId, Map.of("decision", "request-information"))))
                .containsEntry("field", "note").containsEntry("message", "Skriv spørgsmålet til borgeren.");
        assertThat(fieldError(screen("intake", taskId, Map.of("decision", "duplicate", "duplicateOfCaseNumber", "INI-1999-00001"))))
                .containsEntry("field", "duplicateOfCaseNumber");
        assertThat(fieldError(screen("intake", taskId, Map.of("decision", "duplicate", "duplicateOfCaseNumber", submitted.caseNumber()))))
                .containsEntry("message", "En sag kan ikke være en dublet af sig selv.");
        assertThat(fieldError(screen("intake", taskId, Map.of("decision", "maybe")))).containsEntry("field", "decision");
        // nothing happened to the case
        assertThat(screeningTaskOf(submitted.caseNumber())).isEqualTo(taskId);
    }

    @Test
    void onlyIntakeAndAdminsMayScreenAndOthersGet403() {
        Submitted submitted = submit("Byttecentral");
        String taskId = screeningTaskOf(submitted.caseNumber());

        ResponseEntity<Map> byContactStaff = screen("contact", taskId, Map.of("decision", "accept"));
        assertThat(byContactStaff.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(byContactStaff.getBody().get("title")).isEqualTo("Ingen adgang");
        assertThat(screen("citizen", taskId, Map.of("decision", "accept")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("contact").getForEntity("/api/initiatives/" + submitted.caseNumber(), Map.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);

        // once intake has claimed it, even another intake-like role (admin aside) cannot take it over
        assertThat(as("intake").postForEntity("/api/tasks/" + taskId + "/claim", null, Void.class).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(as("admin").postForEntity("/api/tasks/" + taskId + "/claim", null, Map.class).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        assertThat(screen("intake", taskId, Map.of("decision", "accept")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    @Test
    void twoStaffCompletingTheSameTaskAtOnceGetOneSuccessAndOneClearConflict() throws Exception {
        Submitted submitted = submit("Shelter ved stranden");
        String taskId = screeningTaskOf(submitted.caseNumber());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<ResponseEntity<Map>>> results = new ArrayList<>();
            for (String user : List.of("intake", "admin")) {
                Callable<ResponseEntity<Map>> call = () -> {
                    start.await();
                    return screen(user, taskId, Map.of("decision", "accept"));
                };
                results.add(pool.submit(call));
            }
            start.countDown();
            List<HttpStatusCode> statuses = new ArrayList<>();
            String conflictDetail = null;
            for (Future<ResponseEntity<Map>> result : results) {
                ResponseEntity<Map> response = result.get();
                statuses.add(response.getStatusCode());
                if (response.getStatusCode() == HttpStatus.CONFLICT) {
                    conflictDetail = (String) response.getBody().get("detail");
                }
            }
            assertThat(statuses).containsExactlyInAnyOrder(HttpStatus.NO_CONTENT, HttpStatus.CONFLICT);
            assertThat(conflictDetail).isIn("Opgaven er allerede løst af en anden.",
                    "En anden har netop ændret det samme. Hent siden igen, og prøv igen.");
        } finally {
            pool.shutdownNow();
        }
        Map<?, ?> dossier = (Map<?, ?>) as("intake").getForEntity("/api/initiatives/" + submitted.caseNumber(), Map.class)
                .getBody().get("initiative");
        assertThat(timelineTypes(dossier)).containsExactly("SUBMITTED", "ACCEPTED", "CONTACT_PROPOSED");
    }

    @Test
    void theCitizenCanWithdrawOnceAndAMadeUpTokenFindsNothing() {
        Submitted submitted = submit("Høstmarked");

        assertThat(http.postForEntity("/api/citizen/" + submitted.token() + "/withdrawal", null, Void.class)
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(citizen(submitted.token()).get("outcome")).isEqualTo("WITHDRAWN");
        assertThat(http.postForEntity("/api/citizen/" + submitted.token() + "/withdrawal", null, Map.class)
                .getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(answer(submitted.token(), "svar").getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

        assertThat(http.getForEntity("/api/citizen/made-up-token", Map.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.getForEntity("/api/citizen/" + submitted.caseNumber(), Map.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(screeningTaskOrNull(submitted.caseNumber())).isNull();
    }

    @Test
    void theWorkListComesAPageAtATimeMostUrgentFirst() {
        submit("Side et");
        submit("Side to");
        List<Map<String, Object>> all = as("intake").exchange("/api/tasks", HttpMethod.GET, null, List.class).getBody();
        List<Map<String, Object>> second = as("intake").exchange("/api/tasks?first=1&max=1", HttpMethod.GET, null,
                List.class).getBody();

        assertThat(all).hasSizeGreaterThanOrEqualTo(2);
        assertThat(second).hasSize(1);
        assertThat(second.get(0).get("taskId")).isEqualTo(all.get(1).get("taskId"));
    }

    @Test
    void anAnswerWithoutAnOpenQuestionIsAConflictNotAnError() {
        Submitted submitted = submit("Motionsrute");
        ResponseEntity<Map> response = answer(submitted.token(), "Her er mere");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(response.getBody().get("detail")).isEqualTo("Der er ikke noget åbent spørgsmål at svare på i denne sag.");
    }

    private Submitted submit(String title) {
        return api.submit(title, "social-faellesskab", "svinninge", List.of());
    }

    private String screeningTaskOf(String caseNumber) {
        return api.task("intake", caseNumber, TASK_SCREEN_INITIATIVE);
    }

    private String screeningTaskOrNull(String caseNumber) {
        return api.taskOrNull("intake", caseNumber, TASK_SCREEN_INITIATIVE);
    }

    private ResponseEntity<Map> screen(String user, String taskId, Map<String, Object> input) {
        return api.post(user, "/api/tasks/" + taskId + "/screening", input);
    }

    private Map<?, ?> citizen(String token) {
        return api.citizen(token);
    }

    private ResponseEntity<Map> answer(String token, String answer) {
        return http.postForEntity("/api/citizen/" + token + "/answer",
                new HttpEntity<>(Map.of("answer", answer), ApiClient.json()), Map.class);
    }

    private TestRestTemplate as(String user) {
        return api.as(user);
    }

    private static List<Object> timelineTypes(Map<?, ?> view) {
        return ((List<Map<String, Object>>) view.get("timeline")).stream().map(entry -> entry.get("type")).toList();
    }
}
