package dk.initiativ.privacy;

import java.time.Duration;
import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The staff access log's retention (ADR 0028).
 *
 * @param retention       how long a record is kept; older ones are deleted (Datatilsynet's custom: 6 months)
 * @param cleanupInterval how often the deletion job runs (on every node; a run after another deletes nothing)
 * @param cleanupBatch    rows deleted per statement, so that no run holds many locks for long
 */
@ConfigurationProperties("initiativ.privacy.access-log")
public record AccessLogProperties(
        @DefaultValue("P6M") Period retention,
        @DefaultValue("PT1H") Duration cleanupInterval,
        @DefaultValue("5000") int cleanupBatch) {

    public AccessLogProperties {
        if (retention == null || retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("initiativ.privacy.access-log.retention must be positive");
        }
        if (cleanupInterval == null || cleanupInterval.isNegative() || cleanupInterval.isZero()) {
            throw new IllegalArgumentException("initiativ.privacy.access-log.cleanup-interval must be positive");
        }
        if (cleanupBatch < 1) {
            throw new IllegalArgumentException("initiativ.privacy.access-log.cleanup-batch must be positive");
        }
    }
}
