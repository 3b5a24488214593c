package dk.initiativ.intake;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dk.initiativ.support.LocalModeTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The intake stage driven only through the HTTP API, as the demo users would: citizen, intake,
 * manager. Real MariaDB, real engine, real security.
 */
@LocalModeTest
class IntakeApiTest {

    private static final String PASSWORD = "initiativ-demo";

    @Autowired
    TestRestTemplate http;

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

        assertThat(fieldOf(screen("intake", taskId, Map.of("decision", "request-information"))))
                .containsEntry("field", "note").containsEntry("message", "Skriv spørgsmålet til borgeren.");
        assertThat(fieldOf(screen("intake", taskId, Map.of("decision", "duplicate", "duplicateOfCaseNumber", "INI-1999-00001"))))
                .containsEntry("field", "duplicateOfCaseNumber");
        assertThat(fieldOf(screen("intake", taskId, Map.of("decision", "duplicate", "duplicateOfCaseNumber", submitted.caseNumber()))))
                .containsEntry("message", "En sag kan ikke være en dublet af sig selv.");
        assertThat(fieldOf(screen("intake", taskId, Map.of("decision", "maybe")))).containsEntry("field", "decision");
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
    void anAnswerWithoutAnOpenQuestionIsAConflictNotAnError() {
        Submitted submitted = submit("Motionsrute");
        ResponseEntity<Map> response = answer(submitted.token(), "Her er mere");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(response.getBody().get("detail")).isEqualTo("Der er ikke noget åbent spørgsmål at svare på i denne sag.");
    }

    record Submitted(String caseNumber, String token) {
    }

    private Submitted submit(String title) {
        HttpHeaders headers = json();
        Map<String, Object> body = Map.of("title", title, "description", "Beskrivelse af " + title,
                "topic", "social-faellesskab", "district", "svinninge", "contactName", "Bo Borger",
                "contactEmail", "bo@example.org", "consent", true);
        Map<?, ?> receipt = http.postForEntity("/api/initiatives", new HttpEntity<>(body, headers), Map.class).getBody();
        return new Submitted((String) receipt.get("caseNumber"), (String) receipt.get("trackingToken"));
    }

    private String screeningTaskOf(String caseNumber) {
        String taskId = screeningTaskOrNull(caseNumber);
        assertThat(taskId).as("screening task of %s", caseNumber).isNotNull();
        return taskId;
    }

    private String screeningTaskOrNull(String caseNumber) {
        List<Map<String, Object>> tasks = as("intake").exchange("/api/tasks", HttpMethod.GET, null, List.class).getBody();
        return tasks.stream().filter(task -> caseNumber.equals(task.get("caseNumber")))
                .filter(task -> "Task_ScreenInitiative".equals(task.get("taskKey")))
                .map(task -> (String) task.get("taskId")).findFirst().orElse(null);
    }

    private ResponseEntity<Map> screen(String user, String taskId, Map<String, Object> input) {
        return as(user).postForEntity("/api/tasks/" + taskId + "/screening", new HttpEntity<>(new HashMap<>(input), json()),
                Map.class);
    }

    private Map<?, ?> citizen(String token) {
        ResponseEntity<Map> response = http.getForEntity("/api/citizen/" + token, Map.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private ResponseEntity<Map> answer(String token, String answer) {
        return http.postForEntity("/api/citizen/" + token + "/answer", new HttpEntity<>(Map.of("answer", answer), json()),
                Map.class);
    }

    private TestRestTemplate as(String user) {
        return http.withBasicAuth(user, PASSWORD);
    }

    private static HttpHeaders json() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set(HttpHeaders.ACCEPT_LANGUAGE, "da");
        return headers;
    }

    private static Map<String, Object> fieldOf(ResponseEntity<Map> response) {
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        List<Map<String, Object>> errors = (List<Map<String, Object>>) response.getBody().get("errors");
        assertThat(errors).hasSize(1);
        return errors.get(0);
    }

    private static List<Object> timelineTypes(Map<?, ?> view) {
        return ((List<Map<String, Object>>) view.get("timeline")).stream().map(entry -> entry.get("type")).toList();
    }
}
