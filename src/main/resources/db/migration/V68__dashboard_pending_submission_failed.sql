-- A pending submission whose projection failed (issue 14, ADR 0059 amended) is marked instead of failing every batch
-- after it: SubmissionProjector projects the others and leaves this one out until a later event of the case projects
-- the case with its whole timeline (which deletes the row). The dashboard's gauge
-- initiativ_dashboard_submissions_left_out counts them for operators; the log names each with its error.
ALTER TABLE dashboard_pending_submission
    ADD COLUMN failed_at DATETIME(6)  NULL,
    ADD COLUMN failure   VARCHAR(500) NULL;
