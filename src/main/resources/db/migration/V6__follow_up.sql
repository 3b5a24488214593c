-- Progress in percent from the follow-up check-ins; the milestones are on the case timeline.
ALTER TABLE initiative
    ADD COLUMN progress_percent INT NULL AFTER contact_person,
    ADD CONSTRAINT ck_initiative_progress CHECK (progress_percent IS NULL OR progress_percent BETWEEN 0 AND 100);
