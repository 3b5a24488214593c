package dk.initiativ.submission;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes the rate limits' buckets that are full again (their {@code expires_at} passed), in batches, on one node at
 * a time (ShedLock, ADR 0034): a bucket that is full is the same as no bucket, so the table keeps only clients seen
 * within the last period.
 */
@Component
class RateLimitBucketCleanup {

    private static final Logger log = LoggerFactory.getLogger(RateLimitBucketCleanup.class);
    private static final int BATCH = 1000;

    private final MariaDbBucketStore buckets;

    RateLimitBucketCleanup(MariaDbBucketStore buckets) {
        this.buckets = buckets;
    }

    @Scheduled(fixedDelayString = "${initiativ.submissions.rate-limit.cleanup-interval:PT10M}",
            initialDelayString = "${initiativ.submissions.rate-limit.cleanup-interval:PT10M}")
    @SchedulerLock(name = "rate-limit-bucket-cleanup", lockAtMostFor = "PT10M")
    void scheduled() {
        int deleted = deleteExpired();
        if (deleted > 0) {
            log.info("Deleted {} expired rate-limit buckets", deleted);
        }
    }

    /** Deletes every expired bucket, one bounded batch at a time; returns how many. */
    int deleteExpired() {
        int total = 0;
        int deleted;
        do {
            deleted = buckets.removeExpired(BATCH);
            total += deleted;
        } while (deleted == BATCH);
        return total;
    }
}
