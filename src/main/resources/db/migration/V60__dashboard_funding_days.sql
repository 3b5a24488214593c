-- The dashboard at a municipality's size (issue 11, ADR 0056): section 50's funding applications of the cases in scope
-- (waiting now; decided in the period and their median decision time) from per-day counts, as sections 20, 60 and 70
-- (ADR 0049), instead of joining funding_application to initiative row by row in a team view. Filled by V61; kept by
-- CaseTimelineProjection in the transaction of the case event that comes with each change of an application
-- (FUNDING_PROPOSED, FUNDING_GRANTED, FUNDING_REJECTED) or of the case's team.

-- What each application has added to the counts, so that the case's next event can take it back: its pool, the case's
-- team key then ('' without a team), whether it waited (PROPOSED), and for a decided one the local day of the decision
-- (the municipality's zone) and the decision time in working days (WorkingTime.workingDaysBetween of the local days
-- of the proposal and the decision, as the section computes it).
CREATE TABLE dashboard_funding_case (
    application_id BIGINT      NOT NULL PRIMARY KEY,
    initiative_id  BIGINT      NOT NULL,
    pool_id        BIGINT      NOT NULL,
    team_key       VARCHAR(40) NOT NULL,
    waiting        BOOLEAN     NOT NULL,
    decided_day    DATE        NULL,
    decision_days  INT         NULL,
    INDEX ix_dashboard_funding_case_initiative (initiative_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- How many applications each case has counted (0: none), so that an event of a case without applications reads none.
ALTER TABLE dashboard_flow_case ADD COLUMN funding_applications INT NOT NULL DEFAULT 0;

-- Per local day of the decision, pool, team of the case ('' without one; '*' for every case, the all-teams view) and
-- decision time in whole working days, spread over the slots of V52: how many applications were decided.
CREATE TABLE dashboard_funding_day (
    decided_day   DATE        NOT NULL,
    pool_id       BIGINT      NOT NULL,
    team_key      VARCHAR(40) NOT NULL,
    decision_days INT         NOT NULL,
    slot          TINYINT     NOT NULL DEFAULT 0,
    applications  BIGINT      NOT NULL,
    PRIMARY KEY (decided_day, pool_id, team_key, decision_days, slot),
    INDEX ix_dashboard_funding_day_team (team_key, decided_day, pool_id, decision_days, applications)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Per pool and team of the case (as above), spread over the slots: how many applications wait for a decision now.
CREATE TABLE dashboard_funding_waiting (
    team_key     VARCHAR(40) NOT NULL,
    pool_id      BIGINT      NOT NULL,
    slot         TINYINT     NOT NULL DEFAULT 0,
    applications BIGINT      NOT NULL,
    PRIMARY KEY (team_key, pool_id, slot)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
