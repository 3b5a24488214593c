-- The rate limits' token buckets (Bucket4j's JDBC backend for the MySQL family, ADR 0034), shared by every node:
-- one row per limit and client address (e.g. "submission:203.0.113.5"), its state serialised by Bucket4j and
-- locked with SELECT ... FOR UPDATE while a request takes a token. expires_at (epoch milliseconds) is when the
-- bucket would be full again; RateLimitBucketCleanup deletes such rows on one node at a time.
CREATE TABLE bucket4j_buckets (
    id         VARCHAR(100) NOT NULL,
    state      BLOB         NULL,
    expires_at BIGINT       NULL,
    PRIMARY KEY (id),
    INDEX ix_bucket4j_buckets_expires_at (expires_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
