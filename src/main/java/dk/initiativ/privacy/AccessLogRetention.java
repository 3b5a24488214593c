package dk.initiativ.privacy;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import dk.initiativ.process.DeadlineProperties;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes access records older than the configured retention (ADR 0028), counted in the municipality's calendar
 * from the application's one clock (ADR 0009). Each statement deletes at most one batch of expired rows in its own
 * short transaction, so two runs at once would only share the work and a second run finds nothing; the scheduled run
 * still takes a ShedLock lock (ADR 0029) so that, with several nodes, one of them does the work each hour.
 */
@Component
class AccessLogRetention {

    private static final Logger log = LoggerFactory.getLogger(AccessLogRetention.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final AccessLogProperties properties;
    private final DeadlineProperties deadlines;

    AccessLogRetention(JdbcTemplate jdbc, Clock clock, AccessLogProperties properties, DeadlineProperties deadlines) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
        this.deadlines = deadlines;
    }

    @Scheduled(fixedDelayString = "${initiativ.privacy.access-log.cleanup-interval:PT1H}",
            initialDelayString = "${initiativ.privacy.access-log.cleanup-interval:PT1H}")
    @SchedulerLock(name = "access-log-retention", lockAtMostFor = "PT30M")
    public void scheduled() {
        int deleted = deleteExpired();
        if (deleted > 0) {
            log.info("Deleted {} staff access records older than {}", deleted, properties.retention());
        }
    }

    /** The oldest moment a record may carry and be kept: now minus the retention, in the municipality's zone. */
    Instant cutoff() {
        return clock.instant().atZone(deadlines.zone()).minus(properties.retention()).toInstant();
    }

    /** Deletes every expired record, one bounded statement at a time; returns how many this run deleted. */
    int deleteExpired() {
        Timestamp cutoff = Timestamp.from(cutoff());
        int total = 0;
        int deleted;
        do {
            deleted = jdbc.update("DELETE FROM staff_access_log WHERE accessed_at < ? ORDER BY accessed_at LIMIT ?",
                    cutoff, properties.cleanupBatch());
            total += deleted;
        } while (deleted == properties.cleanupBatch());
        return total;
    }
}
