-- Who deployed which version of the decision table choose-team through the administration (issue 13, ADR 0041).
-- Version 1 (and any later version shipped in bpmn/) comes from the application's start-up deployment and has
-- no row. The primary key settles two admins deploying on top of the same version: the second gets a duplicate
-- key, answered as 409, and its engine deployment is rolled back with it.
CREATE TABLE matching_rule_version (
    version        INT          NOT NULL,
    deployment_id  VARCHAR(64)  NOT NULL,
    deployed_by    VARCHAR(64)  NOT NULL,
    deployed_at    DATETIME(6)  NOT NULL,
    PRIMARY KEY (version)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
