-- One row that every batch of SubmissionProjector locks first (issue 14, ADR 0059): batches run one at a time across
-- all nodes. Two batches at once (a node's background batch and a dashboard's catch-up, or two nodes) each add up
-- hundreds of per-day counts with INSERT ... ON DUPLICATE KEY UPDATE, whose next-key locks deadlocked in the
-- submission benchmark although both wrote their rows in the same order.
CREATE TABLE dashboard_projector_lock (
    id TINYINT NOT NULL PRIMARY KEY
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

INSERT INTO dashboard_projector_lock (id) VALUES (1);
