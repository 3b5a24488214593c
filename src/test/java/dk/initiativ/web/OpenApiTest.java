package dk.initiativ.web;

import java.util.Map;

import dk.initiativ.support.LocalModeTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/** The app serves an OpenAPI description of every citizen and staff endpoint. */
@LocalModeTest
class OpenApiTest {

    @Autowired
    TestRestTemplate http;

    @Test
    void theDescriptionListsTheCitizenAndStaffEndpoints() {
        ResponseEntity<Map> response = http.getForEntity("/v3/api-docs", Map.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<String, Object> paths = (Map<String, Object>) response.getBody().get("paths");
        assertThat(paths).containsKeys("/api/initiatives", "/api/citizen/{token}", "/api/citizen/{token}/answer",
                "/api/citizen/{token}/withdrawal", "/api/tasks", "/api/tasks/{taskId}/claim",
                "/api/tasks/{taskId}/screening", "/api/tasks/{taskId}/acceptance", "/api/tasks/{taskId}/reassignment",
                "/api/tasks/{taskId}/agreement", "/api/initiatives/{caseNumber}",
                "/api/initiatives/{caseNumber}/contact-person", "/api/catalog/topics", "/api/staff",
                "/api/tasks/{taskId}/support-plan", "/api/tasks/{taskId}/funding-decision",
                "/api/tasks/{taskId}/permit-decision", "/api/tasks/{taskId}/political-decision",
                "/api/tasks/{taskId}/follow-up", "/api/tasks/{taskId}/closure", "/api/citizen/{token}/messages",
                "/api/initiatives/{caseNumber}/messages", "/api/initiatives/{caseNumber}/notes",
                "/api/initiatives/{caseNumber}/early-closure");
        assertThat(paths).noneSatisfy((path, item) -> assertThat(path).startsWith("/engine-rest"));
    }

    @Test
    void swaggerUiIsForStaff() {
        // anonymous: the login page (the test client follows the redirect)
        assertThat(http.getForEntity("/swagger-ui/index.html", String.class).getBody()).contains("id=\"username\"");
        assertThat(http.withBasicAuth("manager", "initiativ-demo").getForEntity("/swagger-ui/index.html", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
    }
}
