-- The dashboard at a municipality's size (issue 11, ADR 0049): the lead time from submission to closure (section 20's
-- last row) from two-level counts as the stages' stays (V48, ADR 0044), instead of computing it per request for every
-- case closed in the period. Filled by V55; kept by CaseTimelineProjection in the event's transaction.

-- Each case's lead time in working days (WorkingTime.between, the same double the section computed per request; NULL
-- while the case is not closed) and its whole working days (the bucket), written with its flow record, so that one
-- bucket's closures of the period are one index range (ix_dashboard_flow_case_lead) and the counts can be taken back.
ALTER TABLE dashboard_flow_case
    ADD COLUMN lead_days DOUBLE NULL,
    ADD COLUMN lead_whole INT NULL,
    ADD INDEX ix_dashboard_flow_case_lead (lead_whole, closed_at, lead_days, team_key),
    ADD INDEX ix_dashboard_flow_case_closed (closed_at, lead_whole, team_key);

-- Per local day of the closure (the municipality's zone), whole working days of the lead time and team of the case
-- ('' without one; '*' for every case, the all-teams view), spread over the slots of V52/V53: how many closed cases.
CREATE TABLE dashboard_lead_day (
    closed_day DATE        NOT NULL,
    whole_days INT         NOT NULL,
    team_key   VARCHAR(40) NOT NULL,
    slot       TINYINT     NOT NULL DEFAULT 0,
    cases      BIGINT      NOT NULL,
    PRIMARY KEY (closed_day, whole_days, team_key, slot),
    INDEX ix_dashboard_lead_day_team (team_key, closed_day, whole_days, cases)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
