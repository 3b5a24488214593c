package dk.initiativ.initiative;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dk.initiativ.process.InitiativeProcess;
import dk.initiativ.support.LocalModeTest;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The public JSON submission endpoint against the embedded MariaDB and the real engine. */
@LocalModeTest
class SubmissionApiTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Autowired
    RepositoryService repositoryService;

    @Test
    void aValidSubmissionStoresTheInitiativeAndStartsItsProcessUnderTheCaseNumber() {
        ResponseEntity<Map> response = submit(validInitiative("Bænk ved søen"), "da");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String caseNumber = (String) response.getBody().get("caseNumber");
        assertThat(caseNumber).matches("INI-\\d{4}-\\d{5}");
        assertThat(response.getHeaders().getLocation()).hasPath("/api/initiatives/" + caseNumber);

        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM initiative WHERE case_number = ?", caseNumber);
        assertThat(row).containsEntry("title", "Bænk ved søen").containsEntry("stage", "SUBMITTED")
                .containsEntry("language", "da");
        ProcessInstance instance = runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(caseNumber).singleResult();
        assertThat(instance).isNotNull();
        assertThat(runtimeService.getVariable(instance.getId(), InitiativeProcess.VAR_INITIATIVE_ID))
                .isEqualTo(((Number) row.get("id")).longValue());
        Task screening = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(screening.getTaskDefinitionKey()).isEqualTo(InitiativeProcess.TASK_SCREEN_INITIATIVE);
    }

    @Test
    void caseNumbersAreUnique() {
        String first = (String) submit(validInitiative("Repair café"), "en").getBody().get("caseNumber");
        String second = (String) submit(validInitiative("Repair café"), "en").getBody().get("caseNumber");
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void badInputNamesEachFieldInDanishAndStoresNothing() {
        long before = initiativeCount();
        Map<String, Object> bad = Map.of("title", " ", "description", "x".repeat(5001), "topic", "natur-miljoe",
                "district", "holbaek-by", "contactName", "Anna", "contactEmail", "not-an-address", "consent", false);

        ResponseEntity<Map> response = submit(bad, "da");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody()).containsEntry("title", "Ugyldige oplysninger");
        assertThat(fieldErrors(response)).containsExactly(
                Map.of("field", "consent", "message", "Samtykke skal gives, før vi kan behandle dit initiativ."),
                Map.of("field", "contactEmail", "message", "E-mail skal være en gyldig e-mailadresse, fx navn@eksempel.dk."),
                Map.of("field", "description", "message", "Beskrivelse må højst være 5000 tegn."),
                Map.of("field", "title", "message", "Titel skal udfyldes."));
        assertThat(initiativeCount()).isEqualTo(before);
    }

    @Test
    void badInputIsExplainedInEnglishWhenAskedFor() {
        Map<String, Object> missingTopic = new HashMap<>(validInitiative("Festival"));
        missingTopic.remove("topic");

        ResponseEntity<Map> response = submit(missingTopic, "en-GB,en;q=0.9");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fieldErrors(response)).containsExactly(Map.of("field", "topic", "message", "Topic is required."));
    }

    @Test
    void anUnknownTopicOrDistrictNamesTheField() {
        Map<String, Object> unknownTopic = new HashMap<>(validInitiative("Ukendt emne"));
        unknownTopic.put("topic", "astrologi");
        assertThat(fieldErrors(submit(unknownTopic, "da")))
                .containsExactly(Map.of("field", "topic", "message", "Emnet findes ikke. Vælg et emne fra listen."));

        Map<String, Object> unknownDistrict = new HashMap<>(validInitiative("Ukendt område"));
        unknownDistrict.put("district", "atlantis");
        assertThat(fieldErrors(submit(unknownDistrict, "en")))
                .containsExactly(Map.of("field", "district", "message", "The local area does not exist. Choose one from the list."));
    }

    @Test
    void unreadableJsonIsAProblemNotAServerError() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<Map> response = http.postForEntity("/api/initiatives",
                new HttpEntity<>("{\"title\": ", headers), Map.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody()).containsEntry("title", "Ulæselig forespørgsel");
    }

    @Test
    void whenTheEngineFailsNoInitiativeRowIsLeftBehind() {
        long before = initiativeCount();
        repositoryService.suspendProcessDefinitionByKey(InitiativeProcess.KEY);
        try {
            ResponseEntity<Map> response = submit(validInitiative("Skal ikke gemmes"), "da");

            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(response.getBody()).containsEntry("title", "Kunne ikke registreres");
        } finally {
            repositoryService.activateProcessDefinitionByKey(InitiativeProcess.KEY);
        }
        assertThat(initiativeCount()).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM initiative WHERE title = ?", Long.class,
                "Skal ikke gemmes")).isZero();
    }

    private ResponseEntity<Map> submit(Map<String, Object> body, String language) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
        return http.postForEntity("/api/initiatives", new HttpEntity<>(body, headers), Map.class);
    }

    private long initiativeCount() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM initiative", Long.class);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, String>> fieldErrors(ResponseEntity<Map> response) {
        return (List<Map<String, String>>) response.getBody().get("errors");
    }

    static Map<String, Object> validInitiative(String title) {
        return Map.of("title", title, "description", "En bænk, så ældre kan hvile sig på turen rundt om søen.",
                "topic", "natur-miljoe", "district", "holbaek-by", "contactName", "Anna Andersen",
                "contactEmail", "anna@example.org", "consent", true);
    }
}
