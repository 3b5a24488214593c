-- The dashboard at a municipality's size, steps 2 and 3 for the flow and the lead times (issue 11, ADR 0044): the
-- weekly flow (section 10) from per-day counts of cases entered and left, and the lead-time percentiles (section 20)
-- from per-day counts of stays per whole working day, both kept by CaseTimelineProjection in the event's transaction
-- as the deadlines' counts of V46 (ADR 0043). Filled by V49.

-- What a case has added to dashboard_flow_day (its submission and closure moments, UTC, and its team then), so that
-- it can be taken back when the case closes, reopens or moves to another team.
CREATE TABLE dashboard_flow_case (
    initiative_id BIGINT      NOT NULL PRIMARY KEY,
    submitted_at  DATETIME(6) NULL,
    closed_at     DATETIME(6) NULL,
    team_key      VARCHAR(40) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Per local day (the municipality's zone) and team of the case ('' before a team is set): the cases submitted
-- (entered) and closed (left) that day.
CREATE TABLE dashboard_flow_day (
    day        DATE        NOT NULL,
    team_key   VARCHAR(40) NOT NULL,
    entered    BIGINT      NOT NULL,
    left_count BIGINT      NOT NULL,
    PRIMARY KEY (day, team_key),
    INDEX ix_dashboard_flow_day_team (team_key, day, entered, left_count)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Each stay carries the team of its case (copied by the projection with every rebuild, as case_deadline.team_code)
-- and its whole working days (the bucket of the two-level percentiles), so that one bucket's stays of the period
-- are one index range.
ALTER TABLE case_stage_visit
    ADD COLUMN team_code VARCHAR(40) NULL,
    ADD COLUMN whole_days INT AS (FLOOR(working_days)) PERSISTENT,
    ADD INDEX ix_case_stage_visit_bucket (stage, whole_days, left_at, working_days, team_code);

UPDATE case_stage_visit v JOIN initiative i ON i.id = v.initiative_id
    SET v.team_code = i.team_code
    WHERE i.team_code IS NOT NULL;

-- Per local day the stays ended, stage, whole working days and team of the case ('' before a team is set; '*' for
-- every case whatever its team, so that the all-teams view reads one row per day, stage and whole day): how many.
CREATE TABLE dashboard_stay_day (
    left_day   DATE        NOT NULL,
    stage      VARCHAR(30) NOT NULL,
    whole_days INT         NOT NULL,
    team_key   VARCHAR(40) NOT NULL,
    stays      BIGINT      NOT NULL,
    PRIMARY KEY (left_day, stage, whole_days, team_key),
    INDEX ix_dashboard_stay_day_team (team_key, left_day, stage, whole_days, stays)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
