-- The dashboard's sections 50-70 (issue 11, ADR 0027) read period slices of the case rows: submissions of a
-- period by the submitters' voluntary answers, closures of a period by outcome, and the survey answers of a
-- period. These covering indexes let each grouped query read one index range instead of the whole table (which
-- holds every case ever closed).
ALTER TABLE initiative
    ADD INDEX ix_initiative_engagement (submitted_at, topic, district, team_code, profile_age_band, profile_district),
    ADD INDEX ix_initiative_closed (closed_at, outcome, topic, district, team_code);

CREATE INDEX ix_case_survey_answered ON case_survey (answered_at, initiative_id, rating);

-- funding decisions of a period per pool
CREATE INDEX ix_funding_application_decided ON funding_application (decided_at, pool_id, status);
