package dk.initiativ.submission;

import java.time.Duration;

import javax.sql.DataSource;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The rate limits' buckets in MariaDB, shared by every node (ADR 0034): Bucket4j's JDBC (select-for-update)
 * backend on the application's data source and the table {@code bucket4j_buckets} (Flyway V35,
 * {@link MariaDbBucketStore}). Each take of a token locks the client's row ({@code SELECT ... FOR UPDATE}) in a
 * short transaction of its own, outside the request's transaction. A row expires a minute after its bucket would be full again
 * ({@link RateLimitBucketCleanup} deletes it then), so the table holds only clients seen lately.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitBuckets {

    /** The submissions' limit on {@code POST /} and {@code POST /api/initiatives}. */
    static final String SUBMISSIONS = "submission";
    /** The attempts at {@code /kode}, buckets of their own with the submissions' settings. */
    static final String TRACKING_CODES = "tracking-code";

    @Bean
    MariaDbBucketStore rateLimitBucketStore(DataSource dataSource) {
        return sharedBuckets(dataSource);
    }

    @Bean
    SubmissionRateLimiter submissionRateLimiter(RateLimitProperties properties, MariaDbBucketStore buckets) {
        return new SubmissionRateLimiter(properties, buckets, SUBMISSIONS);
    }

    /** The store as every node builds it; a test builds two of them on one database, as two nodes. */
    static MariaDbBucketStore sharedBuckets(DataSource dataSource) {
        return new MariaDbBucketStore(dataSource, ClientSideConfig.getDefault().withExpirationAfterWriteStrategy(
                ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1))));
    }
}
