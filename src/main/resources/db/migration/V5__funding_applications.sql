-- An initiative's application to a funding pool and the fund officer's decision on it: one application
-- per initiative and pool. A grant draws the pool's budget_left down in the same transaction, with one
-- conditional UPDATE on funding_pool (see FundingPoolRepository.drawDown), never by read-then-write.
CREATE TABLE funding_application (
    id                BIGINT         NOT NULL AUTO_INCREMENT,
    initiative_id     BIGINT         NOT NULL,
    pool_id           BIGINT         NOT NULL,
    amount_requested  DECIMAL(12, 2) NOT NULL,
    purpose           TEXT           NOT NULL,
    status            VARCHAR(20)    NOT NULL,
    amount_granted    DECIMAL(12, 2) NULL,
    decision_reason   TEXT           NULL,
    proposed_by       VARCHAR(64)    NOT NULL,
    proposed_at       DATETIME(6)    NOT NULL,
    decided_by        VARCHAR(64)    NULL,
    decided_at        DATETIME(6)    NULL,
    version           BIGINT         NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uk_funding_application_initiative_pool UNIQUE (initiative_id, pool_id),
    CONSTRAINT fk_funding_application_initiative FOREIGN KEY (initiative_id) REFERENCES initiative (id),
    CONSTRAINT fk_funding_application_pool FOREIGN KEY (pool_id) REFERENCES funding_pool (id),
    CONSTRAINT ck_funding_application_requested CHECK (amount_requested > 0),
    CONSTRAINT ck_funding_application_status CHECK (status IN ('PROPOSED', 'GRANTED', 'REJECTED')),
    -- a decision is complete or absent: granted with an amount up to the request, rejected with a reason
    CONSTRAINT ck_funding_application_decision CHECK (
        (status = 'PROPOSED' AND amount_granted IS NULL AND decided_by IS NULL AND decided_at IS NULL)
        OR (status = 'GRANTED' AND amount_granted > 0 AND amount_granted <= amount_requested
            AND decided_by IS NOT NULL AND decided_at IS NOT NULL)
        OR (status = 'REJECTED' AND amount_granted IS NULL AND decision_reason IS NOT NULL
            AND decided_by IS NOT NULL AND decided_at IS NOT NULL))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- the fund officers' view: what waits for a decision in each pool
CREATE INDEX ix_funding_application_pool_status ON funding_application (pool_id, status);
