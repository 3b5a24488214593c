-- The support plan's tracks besides funding (step 5 of the journey): the permits a case needs, each routed
-- to the responsible department (a Camunda group) with a deadline; the case's forwarding to a political
-- committee and the committee's decision; and the registry partners linked to a case.

CREATE TABLE permit_requirement (
    id                BIGINT       NOT NULL AUTO_INCREMENT,
    initiative_id     BIGINT       NOT NULL,
    kind              VARCHAR(120) NOT NULL,
    department_group  VARCHAR(64)  NOT NULL,
    due_date          DATE         NOT NULL,
    status            VARCHAR(20)  NOT NULL,
    decision_reason   TEXT         NULL,
    decided_by        VARCHAR(64)  NULL,
    decided_at        DATETIME(6)  NULL,
    requested_by      VARCHAR(64)  NOT NULL,
    requested_at      DATETIME(6)  NOT NULL,
    version           BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT fk_permit_requirement_initiative FOREIGN KEY (initiative_id) REFERENCES initiative (id),
    CONSTRAINT ck_permit_requirement_status CHECK (status IN ('REQUIRED', 'APPROVED', 'REFUSED')),
    CONSTRAINT ck_permit_requirement_group CHECK (department_group REGEXP '^[a-z0-9][a-z0-9-]{1,63}$'),
    -- a decision is complete or absent; a refusal always has its reason
    CONSTRAINT ck_permit_requirement_decision CHECK (
        (status = 'REQUIRED' AND decided_by IS NULL AND decided_at IS NULL AND decision_reason IS NULL)
        OR (status = 'APPROVED' AND decided_by IS NOT NULL AND decided_at IS NOT NULL)
        OR (status = 'REFUSED' AND decision_reason IS NOT NULL AND decided_by IS NOT NULL
            AND decided_at IS NOT NULL))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX ix_permit_requirement_initiative_status ON permit_requirement (initiative_id, status);
-- a department's worklist: what waits for its decision, soonest due first
CREATE INDEX ix_permit_requirement_group_status_due ON permit_requirement (department_group, status, due_date);

-- One row per forwarding of a case to a committee; at most one of a case's forwardings is undecided
-- (open_initiative_id is the case's id while the decision is missing, NULL after, and unique).
CREATE TABLE political_decision (
    id                  BIGINT       NOT NULL AUTO_INCREMENT,
    initiative_id       BIGINT       NOT NULL,
    committee           VARCHAR(120) NOT NULL,
    forwarded_by        VARCHAR(64)  NOT NULL,
    forwarded_at        DATETIME(6)  NOT NULL,
    decision            TEXT         NULL,
    decided_on          DATE         NULL,
    recorded_by         VARCHAR(64)  NULL,
    recorded_at         DATETIME(6)  NULL,
    version             BIGINT       NOT NULL DEFAULT 0,
    open_initiative_id  BIGINT AS (CASE WHEN decision IS NULL THEN initiative_id END) PERSISTENT,
    PRIMARY KEY (id),
    CONSTRAINT uk_political_decision_open UNIQUE (open_initiative_id),
    CONSTRAINT fk_political_decision_initiative FOREIGN KEY (initiative_id) REFERENCES initiative (id),
    CONSTRAINT ck_political_decision_recorded CHECK (
        (decision IS NULL AND decided_on IS NULL AND recorded_by IS NULL AND recorded_at IS NULL)
        OR (decision IS NOT NULL AND decided_on IS NOT NULL AND recorded_by IS NOT NULL
            AND recorded_at IS NOT NULL))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX ix_political_decision_initiative ON political_decision (initiative_id, id);

-- A registry partner linked to a case, once per case and partner.
CREATE TABLE partner_link (
    id             BIGINT        NOT NULL AUTO_INCREMENT,
    initiative_id  BIGINT        NOT NULL,
    partner_id     BIGINT        NOT NULL,
    note           VARCHAR(1000) NULL,
    linked_by      VARCHAR(64)   NOT NULL,
    linked_at      DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_partner_link_initiative_partner UNIQUE (initiative_id, partner_id),
    CONSTRAINT fk_partner_link_initiative FOREIGN KEY (initiative_id) REFERENCES initiative (id),
    CONSTRAINT fk_partner_link_partner FOREIGN KEY (partner_id) REFERENCES partner (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX ix_partner_link_partner ON partner_link (partner_id);
