-- The log of staff access to citizens' personal data (issue 12, ADR 0028): one row per case a staff member saw
-- or took (view, download, search, export, change), written in the request that showed the data. The case is
-- kept by its number, not by a foreign key: the log outlives an anonymised case, and a search of the log may
-- name no case at all. Rows older than initiativ.privacy.access-log.retention (6 months) are deleted.
CREATE TABLE staff_access_log (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    accessed_at DATETIME(3)  NOT NULL,
    user_id     VARCHAR(100) NOT NULL,
    case_number VARCHAR(20)  NULL,
    kind        VARCHAR(16)  NOT NULL,
    purpose     VARCHAR(100) NOT NULL,
    detail      VARCHAR(500) NULL,
    PRIMARY KEY (id),
    INDEX ix_access_case (case_number, accessed_at),
    INDEX ix_access_user (user_id, accessed_at),
    INDEX ix_access_time (accessed_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
