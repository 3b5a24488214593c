package dk.initiativ.identity;

import java.util.List;

import dk.initiativ.support.ApiClient;
import dk.initiativ.support.LocalModeTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/** Every page of ours sends a Content-Security-Policy without inline script, and a Referrer-Policy. */
@LocalModeTest
class PageSecurityHeadersTest {

    @Autowired TestRestTemplate http;

    @Test
    void everyPageOfOursSendsAContentSecurityPolicyAndAReferrerPolicy() {
        ApiClient.Submitted submitted = new ApiClient(http).submit("Bænk ved søen", "natur-miljoe", "holbaek-by",
                List.of("FUNDING"));
        ApiClient api = new ApiClient(http);
        for (ResponseEntity<String> page : List.of(http.getForEntity("/", String.class),
                http.getForEntity("/login", String.class), http.getForEntity("/showcase", String.class),
                http.getForEntity("/privacy", String.class), http.getForEntity("/track/" + submitted.token(), String.class),
                http.getForEntity("/track/made-up-token", String.class),
                api.as("admin").getForEntity("/cases/" + submitted.caseNumber(), String.class))) {
            List<String> csp = page.getHeaders().get("Content-Security-Policy");
            assertThat(csp).as(page.getBody()).containsExactly(PageSecurityHeaders.CONTENT_SECURITY_POLICY);
            assertThat(csp.get(0)).contains("script-src 'self';", "object-src 'none'", "frame-ancestors 'none'");
            assertThat(page.getHeaders().get("Referrer-Policy")).hasSize(1);
        }
        assertThat(http.getForEntity("/", String.class).getHeaders().getFirst("Referrer-Policy")).isEqualTo("same-origin");
        // the tracking page keeps its stricter policy
        assertThat(http.getForEntity("/track/" + submitted.token(), String.class).getHeaders().get("Referrer-Policy"))
                .containsExactly("no-referrer");
    }

    @Test
    void camundasWebappsKeepTheirOwnPolicy() {
        HttpHeaders headers = new ApiClient(http).as("manager").getForEntity("/camunda/app/cockpit/default/", String.class)
                .getHeaders();
        assertThat(headers.get("Content-Security-Policy")).hasSize(1)
                .doesNotContain(PageSecurityHeaders.CONTENT_SECURITY_POLICY);
    }
}
