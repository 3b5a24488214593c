package dk.initiativ.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dk.initiativ.support.LocalModeTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/** Who reaches what, through real HTTP against the running application (local identity mode). */
@LocalModeTest
class AccessRulesTest {

    private static final String PASSWORD = "initiativ-demo";
    private static final Set<String> PUBLIC_API = Set.of("POST /api/initiatives", "GET /api/catalog/topics",
            "GET /api/catalog/districts");

    /** The citizen's API: open, but every call needs the private tracking token (tested in citizen/). */
    private static final String TOKEN_PROTECTED = "/api/citizen/{token}";

    @Autowired
    TestRestTemplate http;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyStaffEndpointUnderApiRefusesAnonymousCallers() {
        List<String> staffEndpoints = new ArrayList<>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().stream()
                .filter(pattern -> pattern.startsWith("/api/"))
                .forEach(pattern -> methods(info.getMethodsCondition().getMethods()).forEach(method -> {
                    String endpoint = method + " " + pattern;
                    if (!PUBLIC_API.contains(endpoint) && !pattern.startsWith(TOKEN_PROTECTED)) {
                        staffEndpoints.add(endpoint);
                    }
                })));
        staffEndpoints.add("GET /api/initiatives/INI-2026-00001");

        for (String endpoint : staffEndpoints) {
            String[] parts = endpoint.split(" ");
            String path = parts[1].replaceAll("\\{[^}]+}", "1");
            ResponseEntity<String> response = anonymous(HttpMethod.valueOf(parts[0]), path);
            assertThat(response.getStatusCode()).as(endpoint).isEqualTo(HttpStatus.UNAUTHORIZED);
        }
    }

    @Test
    void engineRestAndCamundaApiRefuseAnonymousCallers() {
        for (String path : List.of("/engine-rest/process-definition", "/engine-rest/task", "/engine-rest/user",
                "/camunda/api/engine/engine/default/process-definition", "/camunda/api/cockpit/plugin/base/default/process-definition/statistics",
                "/actuator/prometheus")) {
            assertThat(anonymous(HttpMethod.GET, path).getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
        }
    }

    @Test
    void aBrowserWithoutLoginIsSentToTheLoginPage() {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.TEXT_HTML));
        ResponseEntity<String> response = http.exchange("/camunda/app/cockpit/default/", HttpMethod.GET,
                new HttpEntity<>(headers), String.class);
        // the test client follows the redirect
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).contains("id=\"username\"", "action=\"/login\"");
    }

    @Test
    void thePublicPagesAndTheSubmissionEndpointAreOpen() {
        assertThat(anonymous(HttpMethod.GET, "/").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(anonymous(HttpMethod.GET, "/login").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(anonymous(HttpMethod.GET, "/actuator/health").getStatusCode()).isEqualTo(HttpStatus.OK);
        // the citizen form's choices
        assertThat(anonymous(HttpMethod.GET, "/api/catalog/topics").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(anonymous(HttpMethod.GET, "/api/catalog/districts").getStatusCode()).isEqualTo(HttpStatus.OK);
        // open, but an empty body is bad input: 400, not 401
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        assertThat(http.postForEntity("/api/initiatives", new HttpEntity<>("{}", headers), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void engineRestAppliesCamundaAuthorizationsOfTheUsersRole() {
        assertThat(as("manager").getForEntity("/engine-rest/process-definition/key/initiative", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        // contact staff may use the API, but Camunda only shows them what their role may read
        assertThat(as("contact").getForEntity("/engine-rest/deployment", String.class).getBody()).isEqualTo("[]");
        assertThat(as("manager").getForEntity("/engine-rest/deployment", String.class).getBody()).contains("SpringAutoDeployment");
    }

    @Test
    void citizensGetNoCamundaWebappAndNoEngineApi() {
        TestRestTemplate citizen = as("citizen");
        for (String path : List.of("/engine-rest/process-definition", "/camunda/app/tasklist/default/",
                "/camunda/app/cockpit/default/", "/api/initiatives/INI-2026-00001")) {
            assertThat(citizen.getForEntity(path, String.class).getStatusCode()).as(path).isEqualTo(HttpStatus.FORBIDDEN);
        }
    }

    @Test
    void onlyAdminsReachCamundaAdminAndOnlyManagersAndAdminsReachCockpit() {
        assertThat(as("contact").getForEntity("/camunda/app/admin/default/", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("manager").getForEntity("/camunda/app/admin/default/", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("contact").getForEntity("/camunda/app/cockpit/default/", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("contact").getForEntity("/camunda/app/tasklist/default/", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(as("manager").getForEntity("/camunda/app/cockpit/default/", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(as("admin").getForEntity("/camunda/app/admin/default/", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        // Cockpit's own API (its statistics of every process) too, not only its pages
        String statistics = "/camunda/api/cockpit/plugin/base/default/process-definition/statistics";
        for (String user : List.of("contact", "intake", "fund", "vibeke")) {
            assertThat(as(user).getForEntity(statistics, String.class).getStatusCode()).as(user)
                    .isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(as("manager").getForEntity(statistics, String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void onlyManagersAndAdminsOpenTheDashboardAndItsDownloads() {
        for (String path : List.of("/overblik", "/overblik/flow-open.csv")) {
            for (String user : List.of("contact", "intake", "fund", "vibeke", "citizen")) {
                assertThat(as(user).getForEntity(path, String.class).getStatusCode()).as(user + " " + path)
                        .isEqualTo(HttpStatus.FORBIDDEN);
            }
            for (String user : List.of("manager", "mads", "admin")) {
                assertThat(as(user).getForEntity(path, String.class).getStatusCode()).as(user + " " + path)
                        .isEqualTo(HttpStatus.OK);
            }
        }
        // a browser without login is sent to the login page
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.TEXT_HTML));
        ResponseEntity<String> response = http.exchange("/overblik", HttpMethod.GET, new HttpEntity<>(headers),
                String.class);
        assertThat(response.getBody()).contains("id=\"username\"", "action=\"/login\"");
    }

    @Test
    void theCamundaAdminSetupPageIsClosedBecauseTheAdminIsACamundaAdmin() {
        assertThat(as("admin").getForEntity("/camunda/app/admin/default/", String.class).getBody())
                .doesNotContain("setup");
        assertThat(as("contact").postForEntity("/camunda/api/admin/setup/default/user/create", "{}", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void aWrongPasswordIsRefused() {
        try {
            assertThat(http.withBasicAuth("fund", "wrong").getForEntity("/engine-rest/process-definition",
                    String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        } finally {
            // the engine locks a user for some seconds after a failed login: the other tests log in as fund too
            identities.unlockUser("fund");
        }
    }

    @Test
    void onlyAdminsReadTheStaffAccessLog() {
        for (String user : List.of("intake", "contact", "fund", "manager", "citizen")) {
            for (String path : List.of("/adgangslog", "/adgangslog.csv")) {
                assertThat(as(user).getForEntity(path, String.class).getStatusCode()).as(user + " " + path)
                        .isEqualTo(HttpStatus.FORBIDDEN);
            }
        }
        assertThat(as("admin").getForEntity("/adgangslog", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(as("admin").getForEntity("/adgangslog.csv", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Autowired
    org.camunda.bpm.engine.IdentityService identities;

    private TestRestTemplate as(String user) {
        return http.withBasicAuth(user, PASSWORD);
    }

    private ResponseEntity<String> anonymous(HttpMethod method, String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.APPLICATION_JSON));
        return http.exchange(path, method, new HttpEntity<>(headers), String.class);
    }

    private static Set<RequestMethod> methods(Set<RequestMethod> declared) {
        return declared.isEmpty() ? Set.of(RequestMethod.GET) : declared;
    }
}
