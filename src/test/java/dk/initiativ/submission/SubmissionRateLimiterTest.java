package dk.initiativ.submission;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** The token buckets on their own: per client, IPv6 per /64, exemptions, and when to try again. */
class SubmissionRateLimiterTest {

    @Test
    void aClientGetsItsCapacityThenWaitsWhileOthersGoOn() {
        SubmissionRateLimiter limiter = new SubmissionRateLimiter(
                new RateLimitProperties(true, 3, Duration.ofHours(1), 100, List.of()));

        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryConsume(from("203.0.113.5")).allowed()).isTrue();
        }
        SubmissionRateLimiter.Decision refused = limiter.tryConsume(from("203.0.113.5"));

        assertThat(refused.allowed()).isFalse();
        // one token comes back every 20 minutes
        assertThat(refused.retryAfterSeconds()).isBetween(19 * 60L, 20 * 60L);
        assertThat(limiter.tryConsume(from("203.0.113.6")).allowed()).isTrue();
    }

    @Test
    void ipv6ClientsShareTheBucketOfTheirSlash64() {
        SubmissionRateLimiter limiter = new SubmissionRateLimiter(
                new RateLimitProperties(true, 1, Duration.ofHours(1), 100, List.of()));

        assertThat(limiter.tryConsume(from("2001:db8:1:2:aaaa::1")).allowed()).isTrue();
        assertThat(limiter.tryConsume(from("2001:db8:1:2:bbbb::2")).allowed()).as("same /64").isFalse();
        assertThat(limiter.tryConsume(from("2001:db8:1:3::1")).allowed()).as("another /64").isTrue();
        assertThat(SubmissionRateLimiter.clientKey("2001:0db8:0001:0002:0000:0000:0000:0001")).isEqualTo("2001:db8:1:2::/64");
    }

    @Test
    void exemptAddressesAndADisabledLimitAreNeverRefused() {
        SubmissionRateLimiter exempting = new SubmissionRateLimiter(
                new RateLimitProperties(true, 1, Duration.ofHours(1), 100, List.of("192.0.2.10", "::1")));
        SubmissionRateLimiter disabled = new SubmissionRateLimiter(
                new RateLimitProperties(false, 1, Duration.ofHours(1), 100, List.of()));

        for (int i = 0; i < 5; i++) {
            assertThat(exempting.tryConsume(from("192.0.2.10")).allowed()).isTrue();
            assertThat(exempting.tryConsume(from("0:0:0:0:0:0:0:1")).allowed()).isTrue();
            assertThat(disabled.tryConsume(from("192.0.2.11")).allowed()).isTrue();
        }
        assertThat(exempting.tryConsume(from("192.0.2.11")).allowed()).isTrue();
        assertThat(exempting.tryConsume(from("192.0.2.11")).allowed()).isFalse();
    }

    private static MockHttpServletRequest from(String address) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/");
        request.setRemoteAddr(address);
        return request;
    }
}
