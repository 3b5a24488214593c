-- Section 40 (workload) with all teams grouped every open case by its contact person per request (about 150 ms at
-- 100,000 open cases, ADR 0055). Now the open cases and the proposals not yet accepted per contact person are counts
-- kept by CaseTimelineProjection in the event's transaction, as the per-day counts are (every change of a case's
-- stage or contact person comes with an event of the case, Cases).

-- What a case adds to dashboard_workload: its contact person while it is open (initiative.open_contact_person) and
-- whether it is only proposed to them (stage ACCEPTED), so that it can be taken back when the case changes.
ALTER TABLE dashboard_flow_case
    ADD COLUMN workload_person   VARCHAR(64) NULL,
    ADD COLUMN workload_proposal BOOLEAN     NOT NULL DEFAULT FALSE;

-- Per contact person (staff_profile.user_id): the open cases that name them, proposals included, and the proposals.
CREATE TABLE dashboard_workload (
    user_id    VARCHAR(64) NOT NULL PRIMARY KEY,
    open_cases BIGINT      NOT NULL DEFAULT 0,
    proposals  BIGINT      NOT NULL DEFAULT 0
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Filled from the case rows through the flow records (every case has one since V22/V49), so that the counts are the
-- sum of what the flow records say they added (DeadlineDays.rebuildWorkload does the same for the benchmark's data).
UPDATE dashboard_flow_case f JOIN initiative i ON i.id = f.initiative_id
   SET f.workload_person = i.open_contact_person,
       f.workload_proposal = (i.open_contact_person IS NOT NULL AND i.stage = 'ACCEPTED');

INSERT INTO dashboard_workload (user_id, open_cases, proposals)
SELECT workload_person, COUNT(*), SUM(workload_proposal)
FROM dashboard_flow_case WHERE workload_person IS NOT NULL
GROUP BY workload_person;
