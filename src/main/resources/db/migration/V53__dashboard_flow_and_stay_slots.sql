-- The per-day counts of the flow and the stays (V48, ADR 0044) spread over slots as the deadlines' counts are (V52,
-- ADR 0047): every submission of one day adds one to the same flow row (that day, no team yet), and every stay that
-- ends adds one to its all-teams row ('*'), so concurrent submissions would wait for one another's commit there again.
-- A case's changes go to the slot of its id (DeadlineDays.slot); the readers already sum over the rows of a key. The
-- rows there are become slot 0.
ALTER TABLE dashboard_flow_day
    ADD COLUMN slot TINYINT NOT NULL DEFAULT 0 AFTER team_key,
    DROP PRIMARY KEY,
    ADD PRIMARY KEY (day, team_key, slot);

ALTER TABLE dashboard_stay_day
    ADD COLUMN slot TINYINT NOT NULL DEFAULT 0 AFTER team_key,
    DROP PRIMARY KEY,
    ADD PRIMARY KEY (left_day, stage, whole_days, team_key, slot);
