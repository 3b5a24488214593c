-- Several dated absence periods per staff member (issue 13, ADR 0038). Until now a profile held one planned absence
-- in two columns (V3); each period is now a row of its own, with an optional note. A period covers its first and
-- last day; a last day not yet known is NULL (matching then skips the person from the first day on). The existing
-- absences move over unchanged, and the two old columns go with their CHECK: every reader reads this table.
CREATE TABLE staff_absence (
    id                BIGINT        NOT NULL AUTO_INCREMENT,
    staff_profile_id  BIGINT        NOT NULL,
    first_day         DATE          NOT NULL,
    last_day          DATE          NULL,
    note              VARCHAR(200)  NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_staff_absence_profile FOREIGN KEY (staff_profile_id) REFERENCES staff_profile (id)
        ON DELETE CASCADE,
    CONSTRAINT ck_staff_absence_order CHECK (last_day IS NULL OR last_day >= first_day),
    INDEX ix_staff_absence_profile (staff_profile_id, first_day)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

INSERT INTO staff_absence (staff_profile_id, first_day, last_day)
SELECT id, absent_from, absent_until FROM staff_profile WHERE absent_from IS NOT NULL;

ALTER TABLE staff_profile DROP CONSTRAINT ck_staff_profile_absence;
ALTER TABLE staff_profile DROP COLUMN absent_from, DROP COLUMN absent_until;
