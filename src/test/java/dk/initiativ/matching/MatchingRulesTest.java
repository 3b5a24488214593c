package dk.initiativ.matching;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dk.initiativ.support.ApiClient;
import dk.initiativ.support.LocalModeTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static dk.initiativ.process.InitiativeProcess.TASK_SCREEN_INITIATIVE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The matching rules (issue 13, ADR 0041) against the embedded MariaDB and the real engine, through the admin's
 * JSON API: a table that does not parse or names an unknown team is refused with the parser's reason or the rule
 * row named, and nothing is deployed; the dry run lists exactly the fixture cases whose team the change moves; the
 * deployment is the DMN alone, a case reaching the rule task afterwards (new, or waiting at screening during the
 * deployment) is matched by it, an older case keeps its team, bpmn/choose-team.dmn stays version 1; a change made
 * on a version that is no longer the latest is 409; the engine REST API still refuses deployments.
 */
@LocalModeTest
class MatchingRulesTest {

    private static final String FIXTURE = "T-DMN-";
    private static final Path SHIPPED = Path.of("bpmn", "choose-team.dmn");

    @Autowired TestRestTemplate http;
    @Autowired JdbcTemplate jdbc;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;

    ApiClient api;
    String shipped;

    @BeforeEach
    void setUp() throws IOException {
        api = new ApiClient(http);
        shipped = Files.readString(SHIPPED, StandardCharsets.UTF_8);
    }

    @AfterEach
    void cleanUp() throws IOException {
        jdbc.update("DELETE h FROM initiative_help_wanted h JOIN initiative i ON i.id = h.initiative_id"
                + " WHERE i.case_number LIKE ?", FIXTURE + "%");
        jdbc.update("DELETE FROM initiative WHERE case_number LIKE ?", FIXTURE + "%");
        for (Deployment deployment : repository.createDeploymentQuery().deploymentName(MatchingRules.DEPLOYMENT_NAME)
                .list()) {
            repository.deleteDeployment(deployment.getId(), true);
        }
        jdbc.update("DELETE FROM matching_rule_version");
        assertThat(Files.readString(SHIPPED, StandardCharsets.UTF_8)).isEqualTo(shipped);
    }

    /** The shipped table with the villages' rule also catching Mørkøv. */
    private String withMoerkoevAsVillage() {
        String changed = shipped.replace("<text>\"tuse-naes\",\"jyderup\",\"svinninge\"</text>",
                "<text>\"tuse-naes\",\"jyderup\",\"svinninge\",\"moerkoev\"</text>");
        assertThat(changed).isNotEqualTo(shipped);
        return changed;
    }

    private int latestVersion() {
        return repository.createDecisionDefinitionQuery().decisionDefinitionKey(MatchingRules.DECISION)
                .latestVersion().singleResult().getVersion();
    }

    private long decisionVersions() {
        return repository.createDecisionDefinitionQuery().decisionDefinitionKey(MatchingRules.DECISION).count();
    }

    private ResponseEntity<Map> dryRun(String xml) {
        return api.post("admin", "/api/admin/matching-rules/dry-run", Map.of("xml", xml));
    }

    private ResponseEntity<Map> deploy(String xml, int expectedVersion) {
        return api.post("admin", "/api/admin/matching-rules", Map.of("xml", xml, "expectedVersion", expectedVersion));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> errors(ResponseEntity<Map> response) {
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        return (List<Map<String, Object>>) response.getBody().get("errors");
    }

    private String teamOf(String caseNumber) {
        return jdbc.queryForObject("SELECT team_code FROM initiative WHERE case_number = ?", String.class, caseNumber);
    }

    private void acceptScreening(String caseNumber) {
        ApiClient.ok(api.post("intake", "/api/tasks/" + api.task("intake", caseNumber, TASK_SCREEN_INITIATIVE)
                + "/screening", Map.of("decision", "accept")));
    }

    @Test
    void theStartUpDeploymentRedeploysOnlyChangedFilesSoTheShippedTableDoesNotReturnOverAnAdminsVersion(
            @Autowired ProcessEngine engine) {
        // with Spring's default (false), a change to any file in bpmn/ redeploys every file, choose-team.dmn included
        assertThat(((SpringProcessEngineConfiguration) engine.getProcessEngineConfiguration()).isDeployChangedOnly())
                .isTrue();
    }

    @Test
    void theCurrentTableIsTheShippedFileAsVersionOne() {
        ResponseEntity<Map> current = api.get("admin", "/api/admin/matching-rules");

        assertThat(current.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(current.getBody().get("version")).isEqualTo(1);
        assertThat(current.getBody().get("deployedBy")).isNull();
        assertThat(((String) current.getBody().get("xml")).strip()).isEqualTo(shipped.strip());
    }

    @Test
    void aTableThatDoesNotParseIsRefusedWithTheParsersReasonAndNothingIsDeployed() {
        long versions = decisionVersions();
        String broken = shipped.replace("</decisionTable>", "</decisionTabel>");

        for (ResponseEntity<Map> response : List.of(dryRun(broken), deploy(broken, latestVersion()))) {
            List<Map<String, Object>> errors = errors(response);
            assertThat(errors).hasSize(1);
            assertThat(errors.get(0)).containsEntry("field", "xml");
            assertThat((String) errors.get(0).get("message")).startsWith("Motoren kan ikke læse tabellen: ")
                    .contains("Line=62").contains("\"decisionTable\" must be terminated");
        }
        assertThat(decisionVersions()).isEqualTo(versions);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM matching_rule_version", Long.class)).isZero();
    }

    @Test
    void aTableNamingAnUnknownTeamOrTopicIsRefusedWithTheRuleRowNamedAndNothingIsDeployed() {
        long versions = decisionVersions();
        long records = jdbc.queryForObject("SELECT COUNT(*) FROM reference_change", Long.class);
        String unknown = shipped
                .replace("<outputEntry id=\"Rule_Otherwise_Team\"><text>\"social-sundhed\"</text>",
                        "<outputEntry id=\"Rule_Otherwise_Team\"><text>\"ukendt-team\"</text>")
                .replace("<text>\"social-faellesskab\",\"aeldre\",\"boern-unge\"</text>",
                        "<text>\"social-faellesskab\",\"aeldre\",\"boern-unge\",\"skak\"</text>")
                .replace("<inputEntry id=\"Rule_PremisesInTown_Premises\"><text>true</text>",
                        "<inputEntry id=\"Rule_PremisesInTown_Premises\"><text>ja</text>");

        for (ResponseEntity<Map> response : List.of(dryRun(unknown), deploy(unknown, latestVersion()))) {
            assertThat(errors(response)).extracting(error -> error.get("message")).containsExactly(
                    "Række 1, kolonne Emne: emnet »skak« findes ikke.",
                    "Række 3, kolonne Ønsker lokaler: skriv true, false eller - (alle), ikke »ja«.",
                    "Række 5, kolonne Team: teamet »ukendt-team« findes ikke.");
            assertThat(errors(response).get(2)).containsEntry("row", 5).containsEntry("column", "Team");
        }
        assertThat(decisionVersions()).isEqualTo(versions);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM reference_change", Long.class)).isEqualTo(records);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDryRunListsExactlyTheCasesWhoseTeamTheChangeMoves() {
        // 50 fixture cases, newer than any other: 3 that the change moves, 47 that keep their team
        Instant base = Instant.now().plus(1, ChronoUnit.DAYS);
        List<String> moved = new ArrayList<>();
        for (int i = 1; i <= 50; i++) {
            String caseNumber = FIXTURE + String.format("%03d", i);
            String topic;
            String district;
            String team;
            if (i <= 3) {
                topic = "trafik-byrum";
                district = "moerkoev";
                team = "social-sundhed";
                moved.add(caseNumber);
            } else if (i == 4) {
                topic = "aeldre";
                district = "moerkoev";
                team = "social-sundhed";
            } else if (i == 5) {
                topic = "trafik-byrum";
                district = "toelloese";
                team = "social-sundhed";
            } else {
                topic = "natur-miljoe";
                district = "holbaek-by";
                team = "natur-kultur";
            }
            jdbc.update("INSERT INTO initiative (case_number, title, description, topic, district, contact_name,"
                    + " contact_email, language, stage, submitted_at, team_code) VALUES (?, 'Prøve', 'Prøve', ?, ?,"
                    + " 'Else Borger', 'else@example.org', 'da', 'MATCHED', ?, ?)", caseNumber, topic, district,
                    Timestamp.from(base.plusSeconds(i)), team);
            jdbc.update("INSERT INTO initiative_help_wanted (initiative_id, kind) SELECT id, 'FUNDING' FROM initiative"
                    + " WHERE case_number = ?", caseNumber);
        }

        ResponseEntity<Map> response = dryRun(withMoerkoevAsVillage());

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).containsEntry("tried", 50).containsEntry("basedOnVersion", 1);
        List<Map<String, Object>> changes = (List<Map<String, Object>>) response.getBody().get("moved");
        assertThat(changes).extracting(change -> change.get("caseNumber"))
                .containsExactlyInAnyOrderElementsOf(moved);
        assertThat(changes).allSatisfy(change -> assertThat(change)
                .containsEntry("fromTeam", "social-sundhed").containsEntry("toTeam", "natur-kultur"));
        // the unchanged table moves none of them
        assertThat((List<?>) dryRun(shipped).getBody().get("moved")).isEmpty();
        assertThat(decisionVersions()).isEqualTo(1);
    }

    @Test
    void aDeployedTableMatchesCasesReachingTheRuleTaskAndOlderCasesKeepTheirTeam() {
        // the process asks for the latest version when a case reaches the rule task: that is what makes this so
        ProcessDefinition process = repository.createProcessDefinitionQuery().processDefinitionKey("initiative")
                .latestVersion().singleResult();
        BusinessRuleTask ruleTask = repository.getBpmnModelInstance(process.getId())
                .getModelElementById("BusinessRuleTask_ChooseTeam");
        assertThat(ruleTask.getCamundaDecisionRefBinding()).isEqualTo("latest");
        long processVersions = repository.createProcessDefinitionQuery().processDefinitionKey("initiative").count();

        ApiClient.Submitted older = api.submit("Sikker skolevej i Mørkøv", "trafik-byrum", "moerkoev",
                List.of("FUNDING"));
        acceptScreening(older.caseNumber());
        assertThat(teamOf(older.caseNumber())).isEqualTo("social-sundhed");
        ApiClient.Submitted waiting = api.submit("Bænke ved stationen i Mørkøv", "trafik-byrum", "moerkoev",
                List.of("FUNDING"));

        ResponseEntity<Map> deployed = deploy(withMoerkoevAsVillage(), 1);

        assertThat(deployed.getStatusCode()).as(String.valueOf(deployed.getBody())).isEqualTo(HttpStatus.CREATED);
        assertThat(deployed.getBody()).containsEntry("version", 2);
        assertThat(latestVersion()).isEqualTo(2);
        Deployment deployment = repository.createDeploymentQuery()
                .deploymentId((String) deployed.getBody().get("deploymentId")).singleResult();
        assertThat(repository.getDeploymentResourceNames(deployment.getId())).containsExactly("choose-team.dmn");
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("initiative").count())
                .isEqualTo(processVersions);
        // version 1 is still the shipped file
        String versionOne = repository.createDecisionDefinitionQuery().decisionDefinitionKey(MatchingRules.DECISION)
                .decisionDefinitionVersion(1).singleResult().getId();
        try (var in = repository.getDecisionModel(versionOne)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8).strip()).isEqualTo(shipped.strip());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }

        acceptScreening(waiting.caseNumber());
        ApiClient.Submitted newer = api.submit("Cykelparkering i Mørkøv", "trafik-byrum", "moerkoev",
                List.of("FUNDING"));
        acceptScreening(newer.caseNumber());

        assertThat(teamOf(waiting.caseNumber())).isEqualTo("natur-kultur");
        assertThat(teamOf(newer.caseNumber())).isEqualTo("natur-kultur");
        assertThat(teamOf(older.caseNumber())).isEqualTo("social-sundhed");
        assertThat(runtime.createVariableInstanceQuery().variableName("teamCode")
                .processInstanceIdIn(runtime.createProcessInstanceQuery()
                        .processInstanceBusinessKey(older.caseNumber()).singleResult().getId())
                .singleResult().getValue()).isEqualTo("social-sundhed");

        ResponseEntity<Map> current = api.get("admin", "/api/admin/matching-rules");
        assertThat(current.getBody()).containsEntry("version", 2).containsEntry("deployedBy", "admin");
        Map<String, Object> record = jdbc.queryForMap("SELECT changed_by, entity_id, reason,"
                + " JSON_VALUE(before_json, '$.version') AS b, JSON_VALUE(after_json, '$.version') AS a"
                + " FROM reference_change WHERE entity_kind = 'matching-rule' ORDER BY id DESC LIMIT 1");
        assertThat(record).containsEntry("changed_by", "admin").containsEntry("entity_id", "choose-team")
                .containsEntry("b", "1").containsEntry("a", "2");
        assertThat((String) record.get("reason")).isEqualTo("choose-team version 1 -> 2: rules [4] changed");
    }

    @Test
    void aChangeMadeOnAVersionThatIsNoLongerTheLatestIsAConflict() {
        assertThat(deploy(withMoerkoevAsVillage(), 1).getStatusCode()).isEqualTo(HttpStatus.CREATED);

        ResponseEntity<Map> stale = deploy(shipped, 1);

        assertThat(stale.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat((String) stale.getBody().get("detail")).startsWith("En anden har udrullet en nyere version");
        assertThat(latestVersion()).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM matching_rule_version", Long.class)).isEqualTo(1);
        assertThat(deploy(shipped, 2).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(latestVersion()).isEqualTo(3);
    }

    @Test
    void theEngineRestApiStillRefusesDeploymentsAfterAnAdminDeployedRules() {
        assertThat(deploy(withMoerkoevAsVillage(), 1).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long deployments = repository.createDeploymentQuery().count();

        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("deployment-name", "sneaky");
        body.add("data", new ByteArrayResource(shipped.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "choose-team.dmn";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        ResponseEntity<String> response = http.withBasicAuth("admin", ApiClient.PASSWORD)
                .postForEntity("/engine-rest/deployment/create", new HttpEntity<>(body, headers), String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
    }
}
