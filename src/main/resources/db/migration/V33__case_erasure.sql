-- Erasure on request (issue 12, ADR 0032): an admin erases a case's personal data at once, with a reason. This
-- record of it is kept as long as the anonymised case: who, when, which case and why (the reason is the admin's
-- text; the form asks for no personal data in it).
CREATE TABLE case_erasure (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    case_number VARCHAR(20)   NOT NULL,
    erased_at   DATETIME(6)   NOT NULL,
    erased_by   VARCHAR(100)  NOT NULL,
    reason      VARCHAR(500)  NOT NULL,
    was_open    BOOLEAN       NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_case_erasure_case UNIQUE (case_number)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
