-- Internal notes on a case: written and read by staff who may read the case, never shown on the citizen's
-- pages, but part of the citizen's data download (right of access). utf8mb4: any Unicode, emoji included.
CREATE TABLE case_note (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    initiative_id BIGINT       NOT NULL,
    author        VARCHAR(100) NOT NULL,
    body          TEXT         NOT NULL,
    written_at    DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_case_note_initiative FOREIGN KEY (initiative_id) REFERENCES initiative (id),
    INDEX ix_case_note_case (initiative_id, written_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
