package dk.initiativ.submission;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import dk.initiativ.support.LocalModeTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The token buckets in MariaDB: per client, IPv6 per /64, exemptions, when to try again, and one budget for two
 * nodes. Each test uses a limit name of its own, so its buckets are fresh in the shared test database.
 */
@LocalModeTest
class SubmissionRateLimiterTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aClientGetsItsCapacityThenWaitsWhileOthersGoOn() {
        SubmissionRateLimiter limiter = limiter(new RateLimitProperties(true, 3, Duration.ofHours(1), List.of()));

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
        SubmissionRateLimiter limiter = limiter(new RateLimitProperties(true, 1, Duration.ofHours(1), List.of()));

        assertThat(limiter.tryConsume(from("2001:db8:1:2:aaaa::1")).allowed()).isTrue();
        assertThat(limiter.tryConsume(from("2001:db8:1:2:bbbb::2")).allowed()).as("same /64").isFalse();
        assertThat(limiter.tryConsume(from("2001:db8:1:3::1")).allowed()).as("another /64").isTrue();
        assertThat(SubmissionRateLimiter.clientKey("2001:0db8:0001:0002:0000:0000:0000:0001")).isEqualTo("2001:db8:1:2::/64");
    }

    @Test
    void exemptAddressesAndADisabledLimitAreNeverRefused() {
        SubmissionRateLimiter exempting = limiter(
                new RateLimitProperties(true, 1, Duration.ofHours(1), List.of("192.0.2.10", "::1")));
        SubmissionRateLimiter disabled = limiter(new RateLimitProperties(false, 1, Duration.ofHours(1), List.of()));

        for (int i = 0; i < 5; i++) {
            assertThat(exempting.tryConsume(from("192.0.2.10")).allowed()).isTrue();
            assertThat(exempting.tryConsume(from("0:0:0:0:0:0:0:1")).allowed()).isTrue();
            assertThat(disabled.tryConsume(from("192.0.2.11")).allowed()).isTrue();
        }
        assertThat(exempting.tryConsume(from("192.0.2.11")).allowed()).isTrue();
        assertThat(exempting.tryConsume(from("192.0.2.11")).allowed()).isFalse();
    }

    /**
     * Two limiters with stores of their own on one database, as two nodes behind a balancer: a client hammering
     * both at once gets the capacity once in all, not once per node.
     */
    @Test
    void twoNodesShareOneBudget() throws Exception {
        RateLimitProperties properties = new RateLimitProperties(true, 10, Duration.ofHours(1), List.of());
        String limit = "test-" + UUID.randomUUID();
        SubmissionRateLimiter nodeA = new SubmissionRateLimiter(properties, RateLimitBuckets.sharedBuckets(dataSource), limit);
        SubmissionRateLimiter nodeB = new SubmissionRateLimiter(properties, RateLimitBuckets.sharedBuckets(dataSource), limit);

        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> answers = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                SubmissionRateLimiter node = i % 2 == 0 ? nodeA : nodeB;
                Callable<Boolean> post = () -> node.tryConsume(from("198.51.100.7")).allowed();
                answers.add(clients.submit(post));
            }
            int allowed = 0;
            for (Future<Boolean> answer : answers) {
                allowed += answer.get() ? 1 : 0;
            }
            assertThat(allowed).as("submissions let through by both nodes together").isEqualTo(10);
        } finally {
            clients.shutdownNow();
        }
        assertThat(nodeB.tryConsume(from("198.51.100.8")).allowed()).as("another client").isTrue();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bucket4j_buckets WHERE id LIKE ?", Integer.class,
                limit + ":%")).as("one row per client, shared").isEqualTo(2);
    }

    @Test
    void aBucketFullAgainIsDeleted() {
        String limit = "test-" + UUID.randomUUID();
        MariaDbBucketStore store = RateLimitBuckets.sharedBuckets(dataSource);
        SubmissionRateLimiter limiter = new SubmissionRateLimiter(
                new RateLimitProperties(true, 5, Duration.ofHours(1), List.of()), store, limit);
        limiter.tryConsume(from("198.51.100.9"));
        jdbc.update("UPDATE bucket4j_buckets SET expires_at = 0 WHERE id LIKE ?", limit + ":%");

        int deleted = new RateLimitBucketCleanup(store).deleteExpired();

        assertThat(deleted).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bucket4j_buckets WHERE id LIKE ?", Integer.class,
                limit + ":%")).isZero();
    }

    private SubmissionRateLimiter limiter(RateLimitProperties properties) {
        return new SubmissionRateLimiter(properties, RateLimitBuckets.sharedBuckets(dataSource),
                "test-" + UUID.randomUUID());
    }

    private static MockHttpServletRequest from(String address) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/");
        request.setRemoteAddr(address);
        return request;
    }
}
