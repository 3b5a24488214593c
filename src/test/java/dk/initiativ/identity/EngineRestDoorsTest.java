package dk.initiativ.identity;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dk.initiativ.support.ApiClient;
import dk.initiativ.support.LocalModeTest;
import dk.initiativ.support.SessionClient;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The engine REST API is a door into the same rules as our own API (ADR 0006): only the team's manager
 * chooses a contact person, nobody deploys at run time, expressions reach only the models' beans, the
 * login session never opens it (so a page on another site cannot use a staff member's cookie), and bad
 * input is the caller's error, not the server's.
 */
@LocalModeTest
class EngineRestDoorsTest {

    private static final String EVIL = "https://evil.example";

    @Autowired TestRestTemplate http;
    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired IdentityService identityService;
    @Autowired AuthorizationService authorizationService;
    @Autowired org.camunda.bpm.engine.HistoryService historyService;
    @LocalServerPort int port;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(http);
    }

    @Test
    void onlyTheManagerOfTheCasesTeamChoosesItsContactPersonThroughTheEngineRestApi() {
        // natur-miljoe in Tuse Næs: team natur-kultur, led by Mette (user "manager"), not by Mads
        ApiClient.Submitted submitted = api.submit("Fuglekasser i Tuse", "natur-miljoe", "tuse-naes", List.of("PREMISES"));
        String caseNumber = submitted.caseNumber();
        ApiClient.ok(api.post("intake", "/api/tasks/" + api.task("intake", caseNumber, "Task_ScreenInitiative")
                + "/screening", Map.of("decision", "accept")));
        String proposed = (String) api.initiative(caseNumber).get("contactPerson");
        ApiClient.ok(api.post(proposed, "/api/tasks/" + api.task(proposed, caseNumber, "Task_AcceptCase") + "/acceptance",
                Map.of("accepted", false, "reason", "Jeg har ikke tid")));
        String reassign = api.task("manager", caseNumber, "Task_ReassignCase");
        Map<?, ?> before = api.initiative(caseNumber);

        // Mads leads another team: the engine refuses him, and the case stays where it was
        assertThat(completeThroughEngineRest("mads", reassign, "emil").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.initiative(caseNumber)).isEqualTo(before);
        assertThat(engine("manager").getForEntity("/engine-rest/task/" + reassign, String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);

        // even holding the task (an admin put it on him), the choice is refused where it is applied
        assertThat(engine("admin").postForEntity("/engine-rest/task/" + reassign + "/assignee",
                new HttpEntity<>(Map.of("userId", "mads"), ApiClient.json()), String.class).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        ResponseEntity<String> refused = completeThroughEngineRest("mads", reassign, "emil");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refused.getBody()).contains("AuthorizationException");
        assertThat(api.post("mads", "/api/tasks/" + reassign + "/reassignment", Map.of("contactPerson", "emil"))
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.initiative(caseNumber)).isEqualTo(before);

        // the team's manager chooses through the same door
        assertThat(engine("admin").postForEntity("/engine-rest/task/" + reassign + "/assignee",
                new HttpEntity<>(Map.of("userId", "manager"), ApiClient.json()), String.class).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        String chosen = proposed.equals("anna") ? "bjarne" : "anna";
        assertThat(completeThroughEngineRest("manager", reassign, chosen).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(api.initiative(caseNumber).get("contactPerson")).isEqualTo(chosen);
    }

    @Test
    void nobodyDeploysThroughTheEngineRestApiNotEvenAnAdmin() {
        String deployments = engine("admin").getForEntity("/engine-rest/deployment/count", String.class).getBody();
        for (String path : List.of("/engine-rest/deployment/create", "/engine-rest/engine/default/deployment/create")) {
            assertThat(deploy("admin", path).statusCode()).as(path).isEqualTo(403);
            assertThat(deploy("citizen", path).statusCode()).as(path).isEqualTo(403);
            assertThat(deploy(null, path).statusCode()).as(path).isEqualTo(401);
        }
        String packaged = repositoryService.createDeploymentQuery().list().get(0).getId();
        assertThat(engine("admin").exchange("/engine-rest/deployment/" + packaged, org.springframework.http.HttpMethod.DELETE,
                null, String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(engine("admin").postForEntity("/engine-rest/deployment/" + packaged + "/redeploy",
                new HttpEntity<>("{}", ApiClient.json()), String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(engine("admin").getForEntity("/engine-rest/deployment/count", String.class).getBody())
                .isEqualTo(deployments);
    }

    @Test
    void nobodyDeletesAProcessDefinitionNotEvenAnAdmin() {
        // a probe deployed by the application itself: were the refusal to fail, only the probe would go
        String deployment = repositoryService.createDeployment().name("definition probe")
                .addModelInstance("probe.bpmn", probe("${true}")).deploy().getId();
        try {
            String definition = repositoryService.createProcessDefinitionQuery().deploymentId(deployment).singleResult()
                    .getId();
            assertThat(engine("admin").exchange("/engine-rest/process-definition/" + definition + "?cascade=true",
                    org.springframework.http.HttpMethod.DELETE, null, String.class).getStatusCode())
                    .isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(engine("admin").exchange("/engine-rest/process-definition/key/probe/delete?cascade=true",
                    org.springframework.http.HttpMethod.DELETE, null, String.class).getStatusCode())
                    .isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionId(definition).count())
                    .isEqualTo(1);
        } finally {
            repositoryService.deleteDeployment(deployment, true);
        }
    }

    @Test
    void theEngineRefusesDeploymentsByAnyPersonWhateverTheDoor() {
        // the webapps' engine API and Cockpit call the same engine: a Camunda admin is refused there too
        identityService.setAuthentication("admin", List.of("admin", "camunda-admin"));
        try {
            assertThatThrownBy(() -> repositoryService.createDeployment().addModelInstance("probe.bpmn", probe("${true}"))
                    .deploy()).isInstanceOf(AuthorizationException.class);
            String packaged = repositoryService.createDeploymentQuery().list().get(0).getId();
            assertThatThrownBy(() -> repositoryService.deleteDeployment(packaged))
                    .isInstanceOf(AuthorizationException.class);
        } finally {
            identityService.clearAuthentication();
        }
        // and no role holds the permissions any more
        for (String group : List.of("admin", "manager", "intake", "contact-staff", "fund-officer")) {
            assertThat(authorizationService.isUserAuthorized("someone", List.of(group), Permissions.CREATE,
                    Resources.DEPLOYMENT)).as(group).isFalse();
            assertThat(authorizationService.isUserAuthorized("someone", List.of(group), Permissions.DELETE,
                    Resources.DEPLOYMENT, "any-deployment")).as(group).isFalse();
        }
    }

    @Test
    void expressionsReachOnlyTheBeansTheModelsName() {
        // deployed by the application itself (no person authenticated), as the packaged models are
        String deployment = repositoryService.createDeployment().name("expression probe")
                .addModelInstance("probe.bpmn", probe("${jdbcTemplate.queryForList('SELECT 1')}")).deploy().getId();
        try {
            assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("probe"))
                    .isInstanceOf(ProcessEngineException.class).hasMessageContaining("jdbcTemplate");
        } finally {
            repositoryService.deleteDeployment(deployment, true);
        }
    }

    @Test
    void theLoginSessionDoesNotOpenTheEngineRestApiAndTheJsonApiWantsItsCsrfToken() {
        SessionClient admin = new SessionClient(port).logIn("admin");
        // the session is good for our pages
        assertThat(admin.get("/camunda/app/admin/default/").statusCode()).isEqualTo(200);

        // a page on another site posting with the admin's cookie
        String boundary = "probe" + UUID.randomUUID();
        HttpResponse<String> deployment = admin.send(admin.request("/engine-rest/deployment/create")
                .header("Origin", EVIL).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(SessionClient.deploymentBody(boundary, probeXml())).build());
        assertThat(deployment.statusCode()).isEqualTo(401);
        assertThat(admin.send(admin.request("/engine-rest/task").header("Origin", EVIL).GET().build()).statusCode())
                .isEqualTo(401);

        HttpResponse<String> claim = admin.send(admin.request("/api/tasks/x/claim").header("Origin", EVIL)
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("x")).build());
        assertThat(claim.statusCode()).isEqualTo(403);
        assertThat(claim.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(claim.body()).contains("CSRF");

        // with the session's token the same call is processed (there is no such task)
        String token = admin.csrfTokenOf("/");
        HttpResponse<String> withToken = admin.send(admin.request("/api/tasks/x/claim").header("X-CSRF-TOKEN", token)
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(withToken.statusCode()).isEqualTo(404);
    }

    @Test
    void anInvalidUserIdIsTheCallersError() {
        Map<String, Object> user = Map.of("profile", Map.of("id", "bad id!", "firstName", "Ny", "lastName", "Bruger",
                "email", "ny@example.org"), "credentials", Map.of("password", "et-langt-kodeord-123"));
        ResponseEntity<String> response = engine("admin").postForEntity("/engine-rest/user/create",
                new HttpEntity<>(user, ApiClient.json()), String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody()).contains("invalid id");
    }

    @Test
    void aTaskIsCompletedThroughTheEngineWithItsFormsFieldsOnlyAndOnlyByWhoMayWorkIt() {
        ApiClient.Submitted submitted = api.submit("Bænke ved åen", "natur-miljoe", "tuse-naes", List.of("PREMISES"));
        String caseNumber = submitted.caseNumber();
        String screening = api.task("intake", caseNumber, "Task_ScreenInitiative");

        // a task held by someone else is not completed by a member of its candidate group (intake)
        assertThat(engine("admin").postForEntity("/engine-rest/task/" + screening + "/assignee",
                new HttpEntity<>(Map.of("userId", "anna"), ApiClient.json()), String.class).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(complete("intake", screening, Map.of("screeningDecision", "accept")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(engine("admin").postForEntity("/engine-rest/task/" + screening + "/unclaim", null, String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        ApiClient.ok(api.post("intake", "/api/tasks/" + screening + "/screening", Map.of("decision", "accept")));

        String proposed = (String) api.initiative(caseNumber).get("contactPerson");
        String accept = api.task(proposed, caseNumber, "Task_AcceptCase");
        Map<?, ?> before = api.initiative(caseNumber);
        // a field the form does not have (the case's contact person), or a read-only one with another value
        ResponseEntity<String> extra = complete(proposed, accept, Map.of("caseAccepted", true, "contactPerson", "vibeke"));
        assertThat(extra.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(extra.getBody()).contains("contactPerson");
        ResponseEntity<String> otherCase = complete(proposed, accept, Map.of("caseAccepted", true,
                "caseNumber", "INI-2020-00001"));
        assertThat(otherCase.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(otherCase.getBody()).contains("caseNumber");
        // nor the variables on their own, outside a completion
        assertThat(engine(proposed).exchange("/engine-rest/task/" + accept + "/variables/contactPerson",
                org.springframework.http.HttpMethod.PUT, new HttpEntity<>(Map.of("value", "vibeke", "type", "String"),
                        ApiClient.json()), String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(engine(proposed).postForEntity("/engine-rest/task/" + accept + "/variables",
                new HttpEntity<>(Map.of("deletions", List.of("contactPerson")), ApiClient.json()), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.initiative(caseNumber)).isEqualTo(before);
        assertThat(runtimeService.getVariable(runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(caseNumber).singleResult().getId(), "contactPerson")).isEqualTo(proposed);

        // the task moved to another person: the former assignee can neither read nor complete it any more
        String other = proposed.equals("anna") ? "bjarne" : "anna";
        assertThat(engine("admin").postForEntity("/engine-rest/task/" + accept + "/assignee",
                new HttpEntity<>(Map.of("userId", other), ApiClient.json()), String.class).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(engine(proposed).getForEntity("/engine-rest/task/" + accept, String.class).getStatusCode())
                .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
        assertThat(engine(proposed).getForEntity("/engine-rest/task/" + accept + "/variables", String.class)
                .getStatusCode()).isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
        assertThat(complete(proposed, accept, Map.of("caseAccepted", true)).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);

        // the task shows its form's variables, not the rest of the case (who holds it, the screening note)
        for (String path : List.of("/variables", "/form-variables")) {
            Map<String, Object> shown = engine(other).getForObject("/engine-rest/task/" + accept + path, Map.class);
            assertThat(shown).as(path).containsKey("caseNumber").doesNotContainKeys("contactPerson", "teamManager",
                    "screeningDecision");
        }
        assertThat(engine(other).getForEntity("/engine-rest/task/" + accept + "/variables/contactPerson", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(engine(other).getForEntity("/engine-rest/task/" + accept + "/variables/caseNumber", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);

        // the assignee completes with the form's fields, the read-only case number as it is
        assertThat(complete(other, accept, Map.of("caseAccepted", true, "caseNumber", caseNumber)).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
    }

    @Test
    void onlyAnAdminRunsOrChangesJobsThroughTheEngine() {
        List<org.camunda.bpm.engine.runtime.Job> cleanup = historyService.findHistoryCleanupJobs();
        assertThat(cleanup).isNotEmpty();
        String job = cleanup.get(0).getId();
        for (String user : List.of("contact", "manager", "vibeke")) {
            assertThat(engine(user).postForEntity("/engine-rest/job/" + job + "/execute", null, String.class)
                    .getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(engine(user).exchange("/engine-rest/job/" + job + "/retries", org.springframework.http.HttpMethod.PUT,
                    new HttpEntity<>(Map.of("retries", 0), ApiClient.json()), String.class).getStatusCode())
                    .as(user).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(engine(user).exchange("/engine-rest/job/" + job + "/suspended", org.springframework.http.HttpMethod.PUT,
                    new HttpEntity<>(Map.of("suspended", true), ApiClient.json()), String.class).getStatusCode())
                    .as(user).isEqualTo(HttpStatus.FORBIDDEN);
        }
        org.camunda.bpm.engine.runtime.Job after = historyService.findHistoryCleanupJobs().stream()
                .filter(found -> found.getId().equals(job)).findFirst().orElseThrow();
        assertThat(after.getRetries()).isEqualTo(cleanup.get(0).getRetries());
        assertThat(after.isSuspended()).isFalse();
    }

    @Test
    void aPersonChangesOnlyTheirOwnPasswordAndChecksNoOtherAccountsPassword() {
        String probe = "probe" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        org.camunda.bpm.engine.identity.User user = identityService.newUser(probe);
        user.setFirstName("Prøve");
        user.setLastName("Person");
        user.setEmail(probe + "@example.org");
        user.setPassword(ApiClient.PASSWORD);
        identityService.saveUser(user);
        identityService.createMembership(probe, "contact-staff");
        try {
            TestRestTemplate self = engine(probe);
            // name and e-mail are what the timeline and the mails show: not the person's to change, nor to delete
            assertThat(self.exchange("/engine-rest/user/" + probe + "/profile", org.springframework.http.HttpMethod.PUT,
                    new HttpEntity<>(Map.of("id", probe, "firstName", "Mette", "lastName", "Leder",
                            "email", "mette@example.org"), ApiClient.json()), String.class).getStatusCode())
                    .isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(self.exchange("/engine-rest/user/" + probe + "/profile", org.springframework.http.HttpMethod.PUT,
                    new HttpEntity<>(Map.of(), ApiClient.json()), String.class).getStatusCode())
                    .isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(self.exchange("/engine-rest/user/" + probe, org.springframework.http.HttpMethod.DELETE, null,
                    String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(identityService.createUserQuery().userId(probe).singleResult().getFirstName()).isEqualTo("Prøve");

            // another account's password is not theirs to test; their own is
            ResponseEntity<String> other = self.postForEntity("/engine-rest/identity/verify",
                    new HttpEntity<>(Map.of("username", "admin", "password", "gæt"), ApiClient.json()), String.class);
            assertThat(other.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            ResponseEntity<String> own = self.postForEntity("/engine-rest/identity/verify",
                    new HttpEntity<>(Map.of("username", probe, "password", ApiClient.PASSWORD), ApiClient.json()),
                    String.class);
            assertThat(own.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(own.getBody()).contains("\"authenticated\":true");

            // their own password, with the current one (Tasklist's profile page)
            String changed = "et-nyt-langt-kodeord-" + UUID.randomUUID().toString().substring(0, 6);
            assertThat(self.exchange("/engine-rest/user/" + probe + "/credentials", org.springframework.http.HttpMethod.PUT,
                    new HttpEntity<>(Map.of("password", changed, "authenticatedUserPassword", ApiClient.PASSWORD),
                            ApiClient.json()), String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
            assertThat(identityService.checkPassword(probe, changed)).isTrue();
        } finally {
            identityService.deleteUser(probe);
        }
    }

    private ResponseEntity<String> complete(String user, String taskId, Map<String, Object> values) {
        Map<String, Object> variables = new java.util.LinkedHashMap<>();
        values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
        return engine(user).postForEntity("/engine-rest/task/" + taskId + "/complete",
                new HttpEntity<>(Map.of("variables", variables), ApiClient.json()), String.class);
    }

    private ResponseEntity<String> completeThroughEngineRest(String user, String taskId, String newContactPerson) {
        Map<String, Object> body = Map.of("variables",
                Map.of("newContactPerson", Map.of("value", newContactPerson, "type", "String")));
        return engine(user).postForEntity("/engine-rest/task/" + taskId + "/complete",
                new HttpEntity<>(body, ApiClient.json()), String.class);
    }

    private HttpResponse<String> deploy(String user, String path) {
        SessionClient client = new SessionClient(port);
        String boundary = "probe" + UUID.randomUUID();
        HttpRequest.Builder request = client.request(path).header("Accept", MediaType.APPLICATION_JSON_VALUE)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(SessionClient.deploymentBody(boundary, probeXml()));
        if (user != null) {
            request.header(HttpHeaders.AUTHORIZATION, "Basic " + java.util.Base64.getEncoder()
                    .encodeToString((user + ":" + ApiClient.PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        return client.send(request.build());
    }

    private TestRestTemplate engine(String user) {
        return http.withBasicAuth(user, ApiClient.PASSWORD);
    }

    private static BpmnModelInstance probe(String expression) {
        return Bpmn.createExecutableProcess("probe").camundaHistoryTimeToLive(1).startEvent().serviceTask("Probe_Task").camundaExpression(expression)
                .endEvent().done();
    }

    private static String probeXml() {
        return Bpmn.convertToString(probe("${jdbcTemplate.queryForList('SELECT 1')}"));
    }
}
