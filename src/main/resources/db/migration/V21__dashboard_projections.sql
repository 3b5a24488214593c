-- The manager dashboard's projections of the case timeline (issue 11, ADR 0024). Both are kept by
-- dashboard.CaseTimelineProjection from the case events, in the transaction that writes each event (a case's rows are
-- rebuilt from its whole timeline), and filled for the cases that existed before by the Java migration V22.
-- Times are UTC wall-clock time, like our other tables.

-- Each stay of a case in a stage: entered and left (NULL while the case is in it), with the working days between
-- (the BPMN timers' calendar) once it left.
CREATE TABLE case_stage_visit (
    initiative_id BIGINT       NOT NULL,
    seq           INT          NOT NULL,
    stage         VARCHAR(30)  NOT NULL,
    entered_at    DATETIME(6)  NOT NULL,
    left_at       DATETIME(6)  NULL,
    working_days  DECIMAL(9,3) NULL,
    PRIMARY KEY (initiative_id, seq),
    CONSTRAINT fk_case_stage_visit_initiative FOREIGN KEY (initiative_id) REFERENCES initiative (id),
    INDEX ix_case_stage_visit_left (left_at, stage)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Each promised deadline of a case (screening, acceptance, first contact, follow-up; permits are read from
-- permit_requirement): when it started, when it is due, when it ended and how.
-- status: OPEN (not answered yet), MET (answered by the due moment), BREACHED (answered or ended after it),
-- CANCELLED (the case closed before the due moment without the answer: not counted).
CREATE TABLE case_deadline (
    initiative_id BIGINT       NOT NULL,
    seq           INT          NOT NULL,
    kind          VARCHAR(20)  NOT NULL,
    started_at    DATETIME(6)  NOT NULL,
    due_at        DATETIME(6)  NOT NULL,
    ended_at      DATETIME(6)  NULL,
    status        VARCHAR(10)  NOT NULL,
    open_flag     TINYINT      AS (CASE WHEN status = 'OPEN' THEN 1 END) PERSISTENT,
    PRIMARY KEY (initiative_id, seq),
    CONSTRAINT fk_case_deadline_initiative FOREIGN KEY (initiative_id) REFERENCES initiative (id),
    CONSTRAINT ck_case_deadline_status CHECK (status IN ('OPEN', 'MET', 'BREACHED', 'CANCELLED')),
    INDEX ix_case_deadline_due (due_at, kind),
    INDEX ix_case_deadline_open (open_flag, due_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- closures per week and the lead time from submission to closure
CREATE INDEX ix_initiative_closed_at ON initiative (closed_at);
