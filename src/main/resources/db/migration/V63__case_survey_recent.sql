-- Section 60's newest survey comments (ADR 0057): ORDER BY answered_at DESC, id DESC LIMIT 50 sorted every answer of
-- the period (ix_case_survey_answered holds the case between the time and the row id), about 50 ms for a year of
-- all teams at 1,100,000 cases. This index is (answered_at, id): read backwards, it stops at the 50th comment (about
-- 2 ms). A narrowed scope (team, topic, district) keeps the sort of the period's answers: a team with few comments
-- would otherwise walk back through the whole period row by row.
CREATE INDEX ix_case_survey_recent ON case_survey (answered_at);
