-- Submission throughput (issue 14, ADR 0047): every submission of one day adds its screening deadline to one count row
-- (its due day, SCREENING, no team yet), and InnoDB holds that row's lock from the upsert until the commit is on disk,
-- so concurrent submissions waited for one another's commit there. Each key's counts are now spread over 8 slots (the
-- case's id modulo 8, DeadlineDays.SLOTS); a reader sums over the slots, as it sums over the days. The rows there are
-- become slot 0; a later change of such a case goes to its own slot, so one slot's row may go below zero while the sum
-- over the slots stays exact.
ALTER TABLE dashboard_deadline_day
    ADD COLUMN slot TINYINT NOT NULL DEFAULT 0 AFTER team_key,
    DROP PRIMARY KEY,
    ADD PRIMARY KEY (due_day, kind, team_key, slot);
