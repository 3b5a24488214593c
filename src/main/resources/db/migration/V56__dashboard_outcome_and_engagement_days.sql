-- The dashboard at a municipality's size (issue 11, ADR 0049): the closed cases by outcome, by topic and by district
-- (section 60), and the submissions by the submitters' age band and home district (section 70), from per-day counts
-- kept by CaseTimelineProjection in the event's transaction (as the flow's, V48), instead of grouping every closure
-- and submission of the period per request. Filled by V57.

-- What a case has added to dashboard_outcome_day (counted: its stage was CLOSED with a closure moment; then its
-- outcome, topic and district), so that it can be taken back when the case reopens, changes or moves to another team.
ALTER TABLE dashboard_flow_case
    ADD COLUMN outcome_counted BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN outcome VARCHAR(30) NULL,
    ADD COLUMN topic VARCHAR(60) NULL,
    ADD COLUMN district VARCHAR(60) NULL;

-- Per local day of the closure (the municipality's zone), team of the case ('' without one; '*' for every case, the
-- all-teams view) and slot (V52): the closed cases per outcome (dimension 'O'; code '' for none), per topic ('T') and
-- per district ('D'). Each counted case has one row of each dimension, so a dimension's sum is the number of cases.
CREATE TABLE dashboard_outcome_day (
    closed_day DATE        NOT NULL,
    team_key   VARCHAR(40) NOT NULL,
    dimension  CHAR(1)     NOT NULL,
    code       VARCHAR(60) NOT NULL,
    slot       TINYINT     NOT NULL DEFAULT 0,
    cases      BIGINT      NOT NULL,
    PRIMARY KEY (closed_day, team_key, dimension, code, slot),
    INDEX ix_dashboard_outcome_day_team (team_key, closed_day, dimension, code, cases)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Who engages (section 70) the same way: what a case has added to dashboard_engagement_day (its submitter's voluntary
-- answers as the case row has them; the submission moment and team are the flow's columns above), so that it can be
-- taken back.
ALTER TABLE dashboard_flow_case
    ADD COLUMN profile_age_band VARCHAR(20) NULL,
    ADD COLUMN profile_district VARCHAR(60) NULL;

-- Per local day of the submission, team of the case ('' without one; '*' for every case) and slot: the submissions per
-- age band and home district of the submitter ('' where not answered: the case rows store a blank answer as NULL).
CREATE TABLE dashboard_engagement_day (
    day              DATE        NOT NULL,
    team_key         VARCHAR(40) NOT NULL,
    age_band         VARCHAR(20) NOT NULL,
    district         VARCHAR(60) NOT NULL,
    slot             TINYINT     NOT NULL DEFAULT 0,
    submissions      BIGINT      NOT NULL,
    PRIMARY KEY (day, team_key, age_band, district, slot),
    INDEX ix_dashboard_engagement_day_team (team_key, day, age_band, district, submissions)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
