-- What kind of help the citizen asks for (input to the team decision), and who carries the case.
CREATE TABLE initiative_help_wanted (
    initiative_id BIGINT      NOT NULL,
    kind          VARCHAR(30) NOT NULL,
    PRIMARY KEY (initiative_id, kind),
    CONSTRAINT fk_help_wanted_initiative FOREIGN KEY (initiative_id) REFERENCES initiative (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

ALTER TABLE initiative
    ADD COLUMN team_code      VARCHAR(40) NULL AFTER duplicate_of_id,
    ADD COLUMN contact_person VARCHAR(64) NULL AFTER team_code,
    ADD INDEX ix_initiative_contact_person (contact_person, stage);

-- The expectation agreement (forventningsafstemning) of the first contact; the citizen sees it.
CREATE TABLE agreement (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    initiative_id  BIGINT       NOT NULL,
    will_do        TEXT         NOT NULL,
    will_not_do    TEXT         NOT NULL,
    who_does_what  TEXT         NOT NULL,
    next_steps     TEXT         NOT NULL,
    recorded_by    VARCHAR(64)  NOT NULL,
    recorded_at    DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_agreement_initiative UNIQUE (initiative_id),
    CONSTRAINT fk_agreement_initiative FOREIGN KEY (initiative_id) REFERENCES initiative (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
