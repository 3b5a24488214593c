package dk.initiativ.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static dk.initiativ.process.InitiativeProcess.TASK_ACCEPT_CASE;
import static dk.initiativ.process.InitiativeProcess.TASK_FIRST_CONTACT;
import static dk.initiativ.process.InitiativeProcess.TASK_SCREEN_INITIATIVE;
import static org.assertj.core.api.Assertions.assertThat;

/** Drives the JSON API over real HTTP as the demo users (all with the demo password), in Danish. */
public final class ApiClient {

    public static final String PASSWORD = "initiativ-demo";

    private final TestRestTemplate http;

    public ApiClient(TestRestTemplate http) {
        this.http = http;
    }

    /** A case submitted by a citizen: its number and the private tracking token. */
    public record Submitted(String caseNumber, String token) {
    }

    public Submitted submit(String title, String topic, String district, List<String> helpWanted) {
        Map<String, Object> body = Map.of("title", title, "description", "Beskrivelse af " + title, "topic", topic,
                "district", district, "contactName", "Else Borger", "contactEmail", "else@example.org",
                "consent", true, "helpWanted", helpWanted);
        Map<?, ?> receipt = http.postForEntity("/api/initiatives", new HttpEntity<>(body, json()), Map.class).getBody();
        return new Submitted((String) receipt.get("caseNumber"), (String) receipt.get("trackingToken"));
    }

    /** The id of the case's task of that kind in the user's work list. */
    public String task(String user, String caseNumber, String taskKey) {
        String taskId = taskOrNull(user, caseNumber, taskKey);
        assertThat(taskId).as("%s of %s in %s's work list", taskKey, caseNumber, user).isNotNull();
        return taskId;
    }

    public ResponseEntity<Map> post(String user, String path, Map<String, Object> body) {
        return as(user).postForEntity(path, new HttpEntity<>(new HashMap<>(body), json()), Map.class);
    }

    public ResponseEntity<Map> get(String user, String path) {
        return as(user).getForEntity(path, Map.class);
    }

    /** The case as staff see it (read as admin). */
    public Map<?, ?> initiative(String caseNumber) {
        return (Map<?, ?>) get("admin", "/api/initiatives/" + caseNumber).getBody().get("initiative");
    }

    /** The case as the citizen sees it. */
    public Map<?, ?> citizen(String token) {
        ResponseEntity<Map> response = http.getForEntity("/api/citizen/" + token, Map.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    /** Screening accepted, the proposed contact person accepts, the agreement recorded; returns the contact person. */
    public String toSupportPlan(String caseNumber) {
        ok(post("intake", "/api/tasks/" + task("intake", caseNumber, TASK_SCREEN_INITIATIVE) + "/screening",
                Map.of("decision", "accept")));
        String contact = (String) initiative(caseNumber).get("contactPerson");
        ok(post(contact, "/api/tasks/" + task(contact, caseNumber, TASK_ACCEPT_CASE) + "/acceptance",
                Map.of("accepted", true)));
        ok(post(contact, "/api/tasks/" + task(contact, caseNumber, TASK_FIRST_CONTACT) + "/agreement", Map.of(
                "willDo", "Hjælpe med ansøgningen", "willNotDo", "Betale driften", "whoDoesWhat", "I står for idéen",
                "nextSteps", "Vi mødes igen")));
        return contact;
    }

    /** The one field error of a 400 answer. */
    public static Map<String, Object> fieldError(ResponseEntity<Map> response) {
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        List<Map<String, Object>> errors = (List<Map<String, Object>>) response.getBody().get("errors");
        assertThat(errors).hasSize(1);
        return errors.get(0);
    }

    /** The case's task of that kind in the user's work list, or null. */
    public String taskOrNull(String user, String caseNumber, String taskKey) {
        List<Map<String, Object>> tasks = as(user).exchange("/api/tasks", HttpMethod.GET, null, List.class).getBody();
        return tasks.stream().filter(t -> caseNumber.equals(t.get("caseNumber")) && taskKey.equals(t.get("taskKey")))
                .map(t -> (String) t.get("taskId")).findFirst().orElse(null);
    }

    public static void ok(ResponseEntity<Map> response) {
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.NO_CONTENT);
    }

    public TestRestTemplate as(String user) {
        return http.withBasicAuth(user, PASSWORD);
    }

    public static HttpHeaders json() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set(HttpHeaders.ACCEPT_LANGUAGE, "da");
        return headers;
    }
}
