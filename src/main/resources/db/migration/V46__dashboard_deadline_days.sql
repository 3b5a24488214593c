-- The dashboard at a municipality's size, step 2 (issue 11, ADR 0043): the shares of deadlines met (section 30) from
-- per-day counts instead of a scan of every deadline of the period.

-- Each deadline carries the team of its case (copied by the projection with every rebuild, after the case row's
-- change is flushed), so that its counts can be taken back from the team they were added to when the case moves.
ALTER TABLE case_deadline
    ADD COLUMN team_code VARCHAR(40) NULL,
    DROP INDEX ix_case_deadline_due,
    ADD INDEX ix_case_deadline_due (due_at, kind, status, team_code);

UPDATE case_deadline d JOIN initiative i ON i.id = d.initiative_id
    SET d.team_code = i.team_code
    WHERE i.team_code IS NOT NULL;

-- Per local day (the municipality's zone) on which deadlines fell due, per kind and per team of the case ('' for a
-- case without a team yet): how many were met, breached, and are still open (CANCELLED ones are not counted).
-- Kept by CaseTimelineProjection in the event's transaction (the net change of the case's rows); filled by V47.
CREATE TABLE dashboard_deadline_day (
    due_day    DATE        NOT NULL,
    kind       VARCHAR(20) NOT NULL,
    team_key   VARCHAR(40) NOT NULL,
    met        BIGINT      NOT NULL,
    breached   BIGINT      NOT NULL,
    open_count BIGINT      NOT NULL,
    PRIMARY KEY (due_day, kind, team_key),
    INDEX ix_dashboard_deadline_day_team (team_key, due_day, kind, met, breached, open_count)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
