package dk.initiativ.submission;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The per-client limit on submissions (form and JSON API): each client address has a token bucket of
 * {@code capacity} submissions that refills evenly over {@code period}. The buckets live in MariaDB, shared by
 * every node ({@link RateLimitBuckets}).
 *
 * @param enabled          off only for special setups (a load test)
 * @param capacity         submissions a client may send in a burst
 * @param period           time in which an empty bucket fills up again
 * @param exemptAddresses  client addresses never limited (exact addresses as the server sees them after the
 *                         trusted proxies' X-Forwarded-For), e.g. a monitoring probe; empty in production
 */
@ConfigurationProperties("initiativ.submissions.rate-limit")
record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("10") int capacity,
        @DefaultValue("1h") Duration period,
        @DefaultValue({}) List<String> exemptAddresses) {

    public RateLimitProperties {
        if (capacity < 1) {
            throw new IllegalArgumentException("initiativ.submissions.rate-limit.capacity must be at least 1");
        }
        if (period == null || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("initiativ.submissions.rate-limit.period must be positive");
        }
        exemptAddresses = exemptAddresses == null ? List.of() : List.copyOf(exemptAddresses);
    }
}
