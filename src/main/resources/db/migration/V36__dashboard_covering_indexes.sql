-- The manager dashboard at a municipality's size (issue 11, ADR 0036): every query of a section reads one index
-- range and nothing else. Measured with the dashboard benchmark (docs/benchmarks.md): before this, lead times,
-- deadlines, open cases per stage and workload looked up every row of their range in the table itself.

-- Lead times (section 20): the stays that ended in the period, with their working days (written with the
-- projection), without a visit to the rows.
ALTER TABLE case_stage_visit
    DROP INDEX ix_case_stage_visit_left,
    ADD INDEX ix_case_stage_visit_left (left_at, stage, working_days);

-- Deadlines (section 30): the deadlines due in the period by kind and how they ended.
ALTER TABLE case_deadline
    DROP INDEX ix_case_deadline_due,
    ADD INDEX ix_case_deadline_due (due_at, kind, status);

-- Closures of a period (sections 10, 20, 60): ix_initiative_closed_at (V21) was the first column of
-- ix_initiative_closed (V24), a duplicate; the one left also carries the stage and the submission (the lead time
-- from submission to closure).
ALTER TABLE initiative
    DROP INDEX ix_initiative_closed_at,
    DROP INDEX ix_initiative_closed,
    ADD INDEX ix_initiative_closed (closed_at, stage, outcome, topic, district, team_code, submitted_at),
    -- open cases per stage now (section 10, and the operators' gauge)
    ADD INDEX ix_initiative_open_stage (open_case, stage, team_code, topic, district),
    -- each contact person's open cases and proposals (section 40)
    ADD INDEX ix_initiative_open_contact_stage (open_contact_person, stage);

-- applications waiting for a decision per pool (section 50)
CREATE INDEX ix_funding_application_status ON funding_application (status, pool_id);

-- funding decisions of a period per pool, with the proposal (the median decision time)
ALTER TABLE funding_application
    DROP INDEX ix_funding_application_decided,
    ADD INDEX ix_funding_application_decided (decided_at, pool_id, status, proposed_at);
