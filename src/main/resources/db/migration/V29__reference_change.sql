-- The change record of reference data (issue 13, ADR 0030): one row per change an admin makes to a pool, a staff
-- profile, a topic or a district, written in the same transaction as the change itself, with what the thing was
-- before and what it is after as JSON. A budget change also keeps its reason.
CREATE TABLE reference_change (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    changed_at   TIMESTAMP(6)  NOT NULL,
    changed_by   VARCHAR(100)  NOT NULL,
    entity_kind  VARCHAR(40)   NOT NULL,
    entity_id    VARCHAR(100)  NOT NULL,
    action       VARCHAR(20)   NOT NULL,
    reason       TEXT          NULL,
    before_json  LONGTEXT      NULL,
    after_json   LONGTEXT      NULL,
    PRIMARY KEY (id),
    CONSTRAINT ck_reference_change_before CHECK (before_json IS NULL OR JSON_VALID(before_json)),
    CONSTRAINT ck_reference_change_after CHECK (after_json IS NULL OR JSON_VALID(after_json)),
    INDEX ix_reference_change_when (changed_at),
    INDEX ix_reference_change_kind (entity_kind, changed_at),
    INDEX ix_reference_change_entity (entity_kind, entity_id, changed_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
