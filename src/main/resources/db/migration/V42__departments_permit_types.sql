-- Departments and permit types as reference data an admin maintains (issue 13, ADR 0040). A department is a group
-- of the identity (Camunda group id = Keycloak group path) whose members decide its permits; each permit type
-- belongs to one department and has its decision deadline in working days. Until now the departments came from
-- configuration (initiativ.permits.departments): that list now seeds this table on the first start only.
-- Names are unique in each language, ignoring case (the lower-case columns carry the unique keys).
CREATE TABLE department (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    group_id       VARCHAR(64)  NOT NULL,
    name_da        VARCHAR(120) NOT NULL,
    name_en        VARCHAR(120) NOT NULL,
    name_da_key    VARCHAR(120) AS (LOWER(name_da)) PERSISTENT,
    name_en_key    VARCHAR(120) AS (LOWER(name_en)) PERSISTENT,
    active         BOOLEAN      NOT NULL DEFAULT TRUE,
    version        BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uk_department_group UNIQUE (group_id),
    CONSTRAINT uk_department_name_da UNIQUE (name_da_key),
    CONSTRAINT uk_department_name_en UNIQUE (name_en_key),
    CONSTRAINT ck_department_group CHECK (group_id REGEXP '^[a-z0-9][a-z0-9-]{1,63}$')
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE permit_type (
    id                BIGINT       NOT NULL AUTO_INCREMENT,
    code              VARCHAR(64)  NOT NULL,
    name_da           VARCHAR(120) NOT NULL,
    name_en           VARCHAR(120) NOT NULL,
    name_da_key       VARCHAR(120) AS (LOWER(name_da)) PERSISTENT,
    name_en_key       VARCHAR(120) AS (LOWER(name_en)) PERSISTENT,
    department_group  VARCHAR(64)  NOT NULL,
    decision_days     INT          NOT NULL,
    active            BOOLEAN      NOT NULL DEFAULT TRUE,
    version           BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uk_permit_type_code UNIQUE (code),
    CONSTRAINT uk_permit_type_name_da UNIQUE (name_da_key),
    CONSTRAINT uk_permit_type_name_en UNIQUE (name_en_key),
    CONSTRAINT fk_permit_type_department FOREIGN KEY (department_group) REFERENCES department (group_id),
    CONSTRAINT ck_permit_type_days CHECK (decision_days BETWEEN 1 AND 250)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- A permit requirement planned from a type names it; older rows (free text only) keep their kind as the label.
ALTER TABLE permit_requirement ADD COLUMN permit_type_code VARCHAR(64) NULL AFTER kind,
    ADD CONSTRAINT fk_permit_requirement_type FOREIGN KEY (permit_type_code) REFERENCES permit_type (code);
