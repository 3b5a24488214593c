-- Issue 15: staff register an initiative for a citizen met in person, by phone, by letter, by e-mail or at a
-- meeting. Such a citizen may have no e-mail address (then a phone number or a postal address instead), the case
-- keeps how it came in and who registered it, and the channel statistics count cases per channel, district and
-- age band in one index range scan.
ALTER TABLE initiative
    MODIFY COLUMN contact_email VARCHAR(254) NULL,
    ADD COLUMN contact_address VARCHAR(300) NULL,
    -- WEB for every case sent through the public form or the API, including all cases stored before this change
    ADD COLUMN channel VARCHAR(20) NOT NULL DEFAULT 'WEB',
    -- the staff user id of the employee who registered the case for the citizen; null for the citizen's own
    ADD COLUMN registered_by VARCHAR(100) NULL,
    ADD INDEX ix_initiative_channel_statistics (submitted_at, channel, district, profile_age_band);
