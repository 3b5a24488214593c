package dk.initiativ.casework;

import java.util.List;
import java.util.Map;

import dk.initiativ.support.ApiClient;
import dk.initiativ.support.ApiClient.Submitted;
import dk.initiativ.support.LocalModeTest;
import dk.initiativ.support.SessionClient;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import static dk.initiativ.process.InitiativeProcess.TASK_DECIDE_PERMIT;
import static dk.initiativ.process.InitiativeProcess.TASK_PLAN_SUPPORT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Departments decide their permits (issue 10, finding 3): a member of a configured department's group sees its
 * permit tasks, reads what the decision needs on the case page and decides, through our API and the engine's;
 * another department's permit, any other case and any other staff endpoint are refused. A department that is not
 * configured cannot be named in a support plan.
 */
@LocalModeTest
class DepartmentPermitsTest {

    @Autowired TestRestTemplate http;
    @Autowired JdbcTemplate jdbc;
    @Autowired TaskService taskService;
    @LocalServerPort int port;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(http);
    }

    @Test
    void aDepartmentEmployeeDecidesTheirDepartmentsPermitOnly() {
        Submitted submitted = api.submit("Loppemarked på havnen", "kultur-fritid", "holbaek-by", List.of("PERMITS"));
        String caseNumber = submitted.caseNumber();
        planPermits(caseNumber);

        // each department sees its own permit task in its work list, not the other's
        String roads = api.task("vibeke", caseNumber, TASK_DECIDE_PERMIT);
        String building = api.task("bent", caseNumber, TASK_DECIDE_PERMIT);
        assertThat(roads).isNotEqualTo(building);
        assertThat(workList("vibeke")).doesNotContain(building);

        // another department's permit: 403, through our API and through the engine's, and it stays open
        assertThat(api.post("vibeke", "/api/tasks/" + building + "/permit-decision", Map.of("approved", true))
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.post("vibeke", "/api/tasks/" + building + "/claim", Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        // claimed by its own department, it is still 403, not "taken by another employee" (409)
        assertThat(api.post("bent", "/api/tasks/" + building + "/claim", Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(api.post("vibeke", "/api/tasks/" + building + "/claim", Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> engine = http.withBasicAuth("vibeke", ApiClient.PASSWORD).postForEntity(
                "/engine-rest/task/" + building + "/complete",
                new HttpEntity<>(Map.of("variables", Map.of("permitApproved", Map.of("value", true))), ApiClient.json()),
                String.class);
        assertThat(engine.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(taskService.createTaskQuery().taskId(building).count()).isEqualTo(1);

        // their own: decided through the API
        ApiClient.ok(api.post("vibeke", "/api/tasks/" + roads + "/permit-decision", Map.of("approved", true)));
        assertThat(jdbc.queryForObject("SELECT p.status FROM permit_requirement p JOIN initiative i"
                + " ON i.id = p.initiative_id WHERE i.case_number = ? AND p.department_group = 'vej-park'",
                String.class, caseNumber)).isEqualTo("APPROVED");
        // and the other department through the engine's API, where Camunda's authorizations let it
        ResponseEntity<String> own = http.withBasicAuth("bent", ApiClient.PASSWORD).postForEntity(
                "/engine-rest/task/" + building + "/complete", new HttpEntity<>(Map.of("variables", Map.of(
                        "permitApproved", Map.of("value", false), "permitReason", Map.of("value", "Teltet står på en brandvej."))),
                        ApiClient.json()), String.class);
        assertThat(own.getStatusCode()).as(own.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(jdbc.queryForObject("SELECT p.status FROM permit_requirement p JOIN initiative i"
                + " ON i.id = p.initiative_id WHERE i.case_number = ? AND p.department_group = 'byg-miljoe'",
                String.class, caseNumber)).isEqualTo("REFUSED");
    }

    @Test
    void theCasePageShowsADepartmentOnlyWhatThePermitDecisionNeeds() {
        Submitted submitted = api.submit("Koncert i parken", "kultur-fritid", "jyderup", List.of("PERMITS"));
        String caseNumber = submitted.caseNumber();
        planPermits(caseNumber);
        Submitted other = api.submit("Strikkeklub i biblioteket", "kultur-fritid", "jyderup", List.of("PERMITS"));

        ResponseEntity<String> page = api.as("vibeke").getForEntity("/cases/" + caseNumber, String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody())
                .contains("Koncert i parken", "Beskrivelse af Koncert i parken", "Jyderup", "Brug af offentligt areal",
                        "Vej og Park", "Venter på svar")
                // not the citizen's contact data, the messages, the other department's permit or other tracks
                .doesNotContain("Else Borger", "else@example.org", "Opstilling af telt", "Byg og Miljø",
                        "Beskeder med borgeren", "Forventningsafstemning", "Forløb");
        assertThat(api.as("vibeke").getForEntity("/cases/" + caseNumber + "?lang=en", String.class).getBody())
                .contains("Roads and Parks", "Permits your department decides");

        // a case without a permit of theirs, and everything else staff read, is refused
        assertThat(api.as("vibeke").getForEntity("/cases/" + other.caseNumber(), String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.get("vibeke", "/api/initiatives/" + caseNumber).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.as("vibeke").getForEntity("/api/staff", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.as("vibeke").getForEntity("/api/initiatives/" + caseNumber + "/messages", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void aFreeTextPermitOrAnUnknownTypeIsAFieldErrorInBothLanguagesAndNothingIsStored() {
        String caseNumber = api.submit("Bålplads ved stranden", "natur-miljoe", "tuse-naes", List.of("PERMITS"))
                .caseNumber();
        String contact = api.toSupportPlan(caseNumber);
        String plan = api.task(contact, caseNumber, TASK_PLAN_SUPPORT);

        // a free-text permit (ADR 0045): refused on its field, even beside a valid type
        Map<String, Object> freeText = Map.of("funding", true, "fundingPool", "lokalpuljen", "fundingAmount", 5000,
                "fundingPurpose", "Brænde", "permits", true, "permitTypes", List.of("baal-og-afbraending"),
                "permitRequests", List.of(Map.of("kind", "Bål på stranden", "departmentGroup", "vej-park")),
                "partners", false, "political", false);
        ResponseEntity<Map> refused = api.post(contact, "/api/tasks/" + plan + "/support-plan", freeText);
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        Map<String, Object> error = ApiClient.fieldError(refused);
        assertThat(error.get("field")).isEqualTo("permitRequests");
        assertThat((String) error.get("message")).startsWith("Vælg tilladelsen blandt tilladelsestyperne");
        HttpHeaders english = ApiClient.json();
        english.set(HttpHeaders.ACCEPT_LANGUAGE, "en");
        ResponseEntity<Map> inEnglish = api.as(contact).exchange("/api/tasks/" + plan + "/support-plan",
                HttpMethod.POST, new HttpEntity<>(freeText, english), Map.class);
        assertThat(inEnglish.getStatusCode().value()).isEqualTo(400);
        assertThat(ApiClient.fieldError(inEnglish)).containsEntry("field", "permitRequests");
        assertThat((String) ApiClient.fieldError(inEnglish).get("message"))
                .startsWith("Choose the permit from the permit types");
        // a type that does not exist, and permits without any type: refused too
        refused = api.post(contact, "/api/tasks/" + plan + "/support-plan", Map.of("funding", false,
                "permits", true, "permitTypes", List.of("baal-og-afbraending", "vej-prak"), "partners", false,
                "political", false));
        assertThat(ApiClient.fieldError(refused).get("field")).isEqualTo("permitTypes");
        refused = api.post(contact, "/api/tasks/" + plan + "/support-plan", Map.of("funding", false,
                "permits", true, "permitTypes", List.of(), "partners", false, "political", false));
        assertThat(ApiClient.fieldError(refused).get("field")).isEqualTo("permitTypes");
        assertThat((String) ApiClient.fieldError(refused).get("message")).isEqualTo("Vælg mindst én tilladelsestype.");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM permit_requirement p JOIN initiative i"
                + " ON i.id = p.initiative_id WHERE i.case_number = ?", Integer.class, caseNumber)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM funding_application f JOIN initiative i"
                + " ON i.id = f.initiative_id WHERE i.case_number = ?", Integer.class, caseNumber)).isZero();
        assertThat(api.task(contact, caseNumber, TASK_PLAN_SUPPORT)).isEqualTo(plan);
    }

    @Test
    void theDemoDepartmentEmployeesLogInAndReachTheirWorkList() {
        for (String user : List.of("vibeke", "bent")) {
            SessionClient session = new SessionClient(port).logIn(user);
            assertThat(session.get("/api/tasks").statusCode()).as(user).isEqualTo(200);
            assertThat(session.get("/camunda/app/tasklist/default/").statusCode()).as(user).isEqualTo(200);
            assertThat(session.get("/camunda/app/cockpit/default/").statusCode()).as(user).isEqualTo(403);
        }
    }

    private void planPermits(String caseNumber) {
        String contact = api.toSupportPlan(caseNumber);
        ApiClient.ok(api.post(contact, "/api/tasks/" + api.task(contact, caseNumber, TASK_PLAN_SUPPORT) + "/support-plan",
                Map.of("funding", false, "permits", true, "permitTypes", List.of(
                        "brug-af-offentligt-areal", "midlertidig-opstilling-af-telt"),
                        "partners", false, "political", false)));
    }

    private List<String> workList(String user) {
        List<Map<String, Object>> tasks = api.as(user).getForObject("/api/tasks", List.class);
        return tasks.stream().map(task -> (String) task.get("taskId")).toList();
    }
}
