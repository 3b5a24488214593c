package dk.initiativ.web;

import static org.assertj.core.api.Assertions.assertThat;

import dk.initiativ.support.LocalModeTest;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * Requests stay observed as requests ({@code http.server.requests}, for the operators' alerts), but Spring Security
 * does not time each of its filters in every request (issue 14: about 15 timers a request, measurable in a
 * submission's cost; {@code management.observations.enable.spring.security=false}).
 */
@LocalModeTest
class RequestObservationsTest {

    @Autowired TestRestTemplate http;
    @Autowired MeterRegistry registry;

    @Test
    void requestsAreTimedButNotEachSecurityFilter() {
        assertThat(http.getForEntity("/", String.class).getStatusCode().is2xxSuccessful()).isTrue();
        assertThat(registry.find("http.server.requests").timers()).isNotEmpty();
        assertThat(registry.getMeters()).noneMatch(meter -> meter.getId().getName().startsWith("spring.security"));
    }
}
