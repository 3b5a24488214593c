-- Section 20's lead times per stage (ADR 0044) find the bucket that holds the median and the 90th percentile from the
-- per-day counts and then read that bucket's stays of the period. With whole working days as buckets, the short
-- stages put most of their stays in a few buckets (a year of all teams at 1,100,000 cases: 40,000-60,000 stays in
-- one bucket of ACCEPTED or SUBMITTED), so a year's section read about 190,000 stays to find ten values. The buckets
-- are now finer where stays are many and coarser where they are few (ADR 0057): quarter working days below 10 days
-- (buckets 0-39), whole working days from 10 to 30 (40-59), five working days from 30 up (60 and on). The scale only
-- grows with the working days, so the buckets in order are the stays in order, which the two-level reading needs.
-- V65 counts the stays anew in the new buckets.
ALTER TABLE case_stage_visit
    DROP INDEX ix_case_stage_visit_bucket,
    DROP COLUMN whole_days,
    ADD COLUMN bucket INT AS (CASE
        WHEN working_days < 10 THEN FLOOR(working_days * 4)
        WHEN working_days < 30 THEN 30 + FLOOR(working_days)
        ELSE 54 + FLOOR(working_days / 5) END) PERSISTENT,
    ADD INDEX ix_case_stage_visit_bucket (stage, bucket, left_at, working_days, team_code);

DELETE FROM dashboard_stay_day;

ALTER TABLE dashboard_stay_day
    RENAME COLUMN whole_days TO bucket;
