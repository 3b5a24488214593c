-- The citizen's short evaluation after closure (step 7 of the journey): a rating from 1 (poor) to 5 (very
-- good) and an optional comment. One answer per case: the first one counts, a second is refused.
CREATE TABLE case_survey (
    id             BIGINT        NOT NULL AUTO_INCREMENT,
    initiative_id  BIGINT        NOT NULL,
    rating         INT           NOT NULL,
    comment        VARCHAR(2000) NULL,
    answered_at    DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_case_survey_initiative UNIQUE (initiative_id),
    CONSTRAINT fk_case_survey_initiative FOREIGN KEY (initiative_id) REFERENCES initiative (id),
    CONSTRAINT ck_case_survey_rating CHECK (rating BETWEEN 1 AND 5)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
