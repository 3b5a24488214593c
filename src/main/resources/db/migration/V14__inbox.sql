-- The staff inbox (ADR 0014).
-- When a staff member last opened a case's page: citizen messages sent after it are unread for them.
CREATE TABLE case_read (
    initiative_id BIGINT       NOT NULL,
    user_id       VARCHAR(64)  NOT NULL,
    read_at       DATETIME(6)  NOT NULL,
    PRIMARY KEY (initiative_id, user_id),
    CONSTRAINT fk_case_read_initiative FOREIGN KEY (initiative_id) REFERENCES initiative (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- read_at, like our other times, is UTC wall-clock time.
-- next_due_at: the soonest due date of the case's open tasks (casework.NextDeadlines keeps it, in the engine's
-- transaction; DATETIME like Camunda's DUE_DATE_, from which it is copied). The generated columns let the case
-- views of the inbox read the open cases of one contact person or team (or all, for admins) in deadline or submission order
-- straight from an index: closed cases (most rows, in time) are not in those index ranges at all.
ALTER TABLE initiative
    ADD COLUMN next_due_at         DATETIME    NULL,
    ADD COLUMN next_due_sort       DATETIME    AS (COALESCE(next_due_at, TIMESTAMP'9999-12-31 00:00:00')) PERSISTENT,
    ADD COLUMN open_contact_person VARCHAR(64) AS (CASE WHEN stage <> 'CLOSED' THEN contact_person END) PERSISTENT,
    ADD COLUMN open_team_code      VARCHAR(40) AS (CASE WHEN stage <> 'CLOSED' THEN team_code END) PERSISTENT,
    ADD COLUMN open_case           TINYINT     AS (CASE WHEN stage <> 'CLOSED' THEN 1 END) PERSISTENT,
    ADD INDEX ix_initiative_open_contact_due (open_contact_person, next_due_sort),
    ADD INDEX ix_initiative_open_contact_submitted (open_contact_person, submitted_at),
    ADD INDEX ix_initiative_open_team_due (open_team_code, next_due_sort),
    ADD INDEX ix_initiative_open_team_submitted (open_team_code, submitted_at),
    ADD INDEX ix_initiative_open_due (open_case, next_due_sort),
    ADD INDEX ix_initiative_open_submitted (open_case, submitted_at);

-- the latest citizen activity of a case on its timeline
CREATE INDEX ix_case_event_actor ON case_event (initiative_id, actor, occurred_at);
