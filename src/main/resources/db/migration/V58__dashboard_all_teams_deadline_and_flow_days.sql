-- The all-teams view of the deadlines (section 30) and the flow (section 10) read one row per key and day instead of
-- summing every team's (ADR 0052): each deadline and each case's entry and exit is also counted under team key '*',
-- as the stays, lead times, outcomes and engagement already are. The projection writes both rows from now on
-- (DeadlineDays.Delta); here the '*' rows are the sums of the rows there are, per day, key and slot.
DELETE FROM dashboard_deadline_day WHERE team_key = '*';
INSERT INTO dashboard_deadline_day (due_day, kind, team_key, slot, met, breached, open_count)
SELECT due_day, kind, '*', slot, SUM(met), SUM(breached), SUM(open_count)
FROM dashboard_deadline_day WHERE team_key <> '*'
GROUP BY due_day, kind, slot;

DELETE FROM dashboard_flow_day WHERE team_key = '*';
INSERT INTO dashboard_flow_day (day, team_key, slot, entered, left_count)
SELECT day, '*', slot, SUM(entered), SUM(left_count)
FROM dashboard_flow_day WHERE team_key <> '*'
GROUP BY day, slot;
