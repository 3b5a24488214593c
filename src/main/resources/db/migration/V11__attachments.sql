-- The citizen's optional attachments to a submission (JPEG, PNG, PDF by content). Kept in the database,
-- written in the submission's own transaction, so that every node sharing the database serves them and a
-- rejected or failed submission leaves none behind.
CREATE TABLE attachment (
    id             BIGINT        NOT NULL AUTO_INCREMENT,
    initiative_id  BIGINT        NOT NULL,
    -- the citizen's file name, stripped of paths and control characters, ending in the detected type's extension
    file_name      VARCHAR(200)  NOT NULL,
    -- detected from the bytes (Apache Tika), never taken from the browser
    content_type   VARCHAR(100)  NOT NULL,
    size_bytes     BIGINT        NOT NULL,
    sha256         VARCHAR(64)   NOT NULL,
    content        LONGBLOB      NOT NULL,
    uploaded_at    DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_attachment_initiative FOREIGN KEY (initiative_id) REFERENCES initiative (id) ON DELETE CASCADE,
    INDEX ix_attachment_initiative (initiative_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
