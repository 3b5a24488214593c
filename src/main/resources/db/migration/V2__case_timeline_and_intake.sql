-- The citizen's private tracking link carries a random token; only its SHA-256 is stored.
ALTER TABLE initiative
    ADD COLUMN tracking_token_hash VARCHAR(64)  NULL AFTER case_number,
    ADD COLUMN outcome             VARCHAR(30)  NULL AFTER stage,
    ADD COLUMN closed_at           DATETIME(6)  NULL AFTER outcome,
    ADD COLUMN duplicate_of_id     BIGINT       NULL AFTER closed_at,
    ADD CONSTRAINT uk_initiative_tracking_token UNIQUE (tracking_token_hash),
    ADD CONSTRAINT fk_initiative_duplicate_of FOREIGN KEY (duplicate_of_id) REFERENCES initiative (id);

-- The case timeline: what happened to an initiative, for the tracking page, the dashboard and the audit.
CREATE TABLE case_event (
    id                  BIGINT        NOT NULL AUTO_INCREMENT,
    initiative_id       BIGINT        NOT NULL,
    type                VARCHAR(40)   NOT NULL,
    occurred_at         DATETIME(6)   NOT NULL,
    actor               VARCHAR(100)  NOT NULL,
    visible_to_citizen  BOOLEAN       NOT NULL,
    detail              TEXT          NULL,
    related_case_number VARCHAR(20)   NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_case_event_initiative FOREIGN KEY (initiative_id) REFERENCES initiative (id),
    INDEX ix_case_event_initiative (initiative_id, occurred_at),
    INDEX ix_case_event_type_time (type, occurred_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Intake may ask the citizen for more information; the answer comes from the tracking page.
CREATE TABLE information_request (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    initiative_id BIGINT        NOT NULL,
    question      TEXT          NOT NULL,
    asked_by      VARCHAR(100)  NOT NULL,
    asked_at      DATETIME(6)   NOT NULL,
    answer        TEXT          NULL,
    answered_at   DATETIME(6)   NULL,
    status        VARCHAR(20)   NOT NULL,
    version       BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT fk_information_request_initiative FOREIGN KEY (initiative_id) REFERENCES initiative (id),
    INDEX ix_information_request_open (initiative_id, status)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
