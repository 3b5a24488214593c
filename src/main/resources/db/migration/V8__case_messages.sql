-- The message thread between the citizen (tracking page) and the contact person.
CREATE TABLE case_message (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    initiative_id BIGINT       NOT NULL,
    from_citizen  BOOLEAN      NOT NULL,
    author        VARCHAR(100) NOT NULL,
    body          TEXT         NOT NULL,
    sent_at       DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_case_message_initiative FOREIGN KEY (initiative_id) REFERENCES initiative (id),
    INDEX ix_case_message_thread (initiative_id, sent_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
