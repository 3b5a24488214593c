-- A citizen's submission no longer writes the dashboard's rows in its own transaction (issue 14, ADR 0059): it
-- leaves one row here with what its first event and its case row say, and SubmissionProjector writes the case's stay,
-- deadline and flow record and adds its per-day counts a moment later, many submissions in one transaction. A row
-- here is a case whose dashboard rows are not written yet; a later event of the case projects it at once and deletes
-- this row in the same transaction, so that every case is projected once (the row's lock orders the two).
CREATE TABLE dashboard_pending_submission (
    initiative_id    BIGINT      NOT NULL PRIMARY KEY,
    occurred_at      DATETIME(6) NOT NULL,
    submitted_at     DATETIME(6) NOT NULL,
    profile_age_band VARCHAR(20) NULL,
    profile_district VARCHAR(60) NULL,
    CONSTRAINT fk_dashboard_pending_submission_initiative FOREIGN KEY (initiative_id) REFERENCES initiative (id)
        ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
