package dk.initiativ.funding;

import java.util.List;
import java.util.Map;

import dk.initiativ.support.LocalModeTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/** The staff-only funding pool endpoint through real HTTP (local identity mode, basic auth). */
@LocalModeTest
class FundingPoolApiTest {

    private static final String PASSWORD = "initiativ-demo";

    @Autowired
    TestRestTemplate http;

    @Test
    void onlyStaffSeeThePools() {
        assertThat(exchange(http, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(exchange(http.withBasicAuth("citizen", PASSWORD), String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(exchange(http.withBasicAuth("manager", PASSWORD), String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void managersSeeEachPoolsBudgetLeft() {
        ResponseEntity<List<Map<String, Object>>> response = exchange(http.withBasicAuth("manager", PASSWORD),
                new ParameterizedTypeReference<List<Map<String, Object>>>() { });

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<String, Object> local = response.getBody().stream()
                .filter(pool -> "lokalpuljen".equals(pool.get("code"))).findFirst().orElseThrow();
        assertThat(local).containsEntry("name", "Lokalpuljen").containsEntry("fundOfficerGroup", "fund-officer")
                .containsEntry("applicationDeadline", null);
        assertThat(((Number) local.get("totalBudget")).doubleValue()).isEqualTo(250000.0);
        // other tests in the shared database grant from the demo pools and add pools of their own
        assertThat(((Number) local.get("budgetLeft")).doubleValue()).isPositive().isLessThanOrEqualTo(250000.0);
        assertThat(response.getBody()).extracting(pool -> pool.get("code"))
                .contains("lokalpuljen", "groen-pulje", "faellesskabspuljen");
    }

    private <T> ResponseEntity<T> exchange(TestRestTemplate client, Class<T> type) {
        return client.exchange("/api/funding-pools", HttpMethod.GET, new HttpEntity<>(headers()), type);
    }

    private <T> ResponseEntity<T> exchange(TestRestTemplate client, ParameterizedTypeReference<T> type) {
        return client.exchange("/api/funding-pools", HttpMethod.GET, new HttpEntity<>(headers()), type);
    }

    private static HttpHeaders headers() {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.APPLICATION_JSON));
        return headers;
    }
}
