package dk.initiativ.identity;

import java.util.List;

import dk.initiativ.support.KeycloakModeTest;
import dk.initiativ.support.KeycloakTestServer;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;

/** Keycloak mode against a real Keycloak 26 server: Camunda sees Keycloak's users and groups. */
@KeycloakModeTest
class KeycloakIdentityTest {

    @Autowired
    IdentityService identityService;

    @Autowired
    TestRestTemplate http;

    @Test
    void camundaReadsTheRealmsUsersByUserName() {
        User manager = identityService.createUserQuery().userId("manager").singleResult();

        assertThat(manager).isNotNull();
        assertThat(manager.getFirstName()).isEqualTo("Mette");
        assertThat(manager.getEmail()).isEqualTo("mette.leder@example.org");
        assertThat(identityService.createUserQuery().list()).extracting(User::getId)
                .contains("citizen", "intake", "contact", "fund", "manager", "admin");
    }

    @Test
    void camundaReadsTheRoleGroupsByPath() {
        assertThat(identityService.createGroupQuery().list()).extracting(Group::getId)
                .contains("citizen", "intake", "contact-staff", "fund-officer", "manager", "admin");
        List<String> contactGroups = identityService.createGroupQuery().groupMember("contact").list().stream()
                .map(Group::getId).toList();
        assertThat(contactGroups).containsExactly("contact-staff");
    }

    @Test
    void passwordsAreCheckedByKeycloak() {
        assertThat(identityService.checkPassword("intake", KeycloakTestServer.DEMO_PASSWORD)).isTrue();
        assertThat(identityService.checkPassword("intake", "wrong-password")).isFalse();
    }

    @Test
    void theEngineRestApiTakesKeycloakUsersWithTheirRoles() {
        assertThat(http.withBasicAuth("manager", KeycloakTestServer.DEMO_PASSWORD)
                .getForEntity("/engine-rest/process-definition/key/initiative", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(http.withBasicAuth("citizen", KeycloakTestServer.DEMO_PASSWORD)
                .getForEntity("/engine-rest/process-definition", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.getForEntity("/engine-rest/process-definition", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aDepartmentsMemberHasTheDepartmentRoleOnly() {
        assertThat(identityService.createGroupQuery().groupMember("vibeke").list()).extracting(Group::getId)
                .containsExactly("vej-park");
        assertThat(identityService.createUserQuery().userId("bent").singleResult().getEmail())
                .isEqualTo("bent.bygholm@example.org");
        assertThat(http.withBasicAuth("vibeke", KeycloakTestServer.DEMO_PASSWORD)
                .getForEntity("/api/tasks", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http.withBasicAuth("bent", KeycloakTestServer.DEMO_PASSWORD)
                .getForEntity("/api/teams", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }
}
