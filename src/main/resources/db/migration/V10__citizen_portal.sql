-- What the public form asks beyond the first version, and what the citizen portal needs.
ALTER TABLE initiative
    -- the tracking token is derived from this salt with the server's secret (ADR 0005); only its hash is looked up
    ADD COLUMN tracking_salt        VARCHAR(32)   NULL,
    ADD COLUMN estimated_budget     BIGINT        NULL,
    ADD COLUMN expected_timeline    VARCHAR(300)  NULL,
    ADD COLUMN applicant_kind       VARCHAR(20)   NOT NULL DEFAULT 'INDIVIDUAL',
    ADD COLUMN group_name           VARCHAR(120)  NULL,
    ADD COLUMN contact_phone        VARCHAR(30)   NULL,
    ADD COLUMN publication_consent  BOOLEAN       NOT NULL DEFAULT FALSE,
    -- the voluntary profile questions, used only for the representativeness statistics
    ADD COLUMN profile_age_band     VARCHAR(20)   NULL,
    ADD COLUMN profile_district     VARCHAR(60)   NULL,
    -- set when a logged-in citizen submits ("my initiatives")
    ADD COLUMN citizen_user_id      VARCHAR(100)  NULL,
    -- the form's one-time key: a second post of the same form (double click, refresh) finds this case
    ADD COLUMN submission_key       VARCHAR(64)   NULL,
    ADD CONSTRAINT uk_initiative_submission_key UNIQUE (submission_key),
    ADD INDEX ix_initiative_citizen_user (citizen_user_id);
