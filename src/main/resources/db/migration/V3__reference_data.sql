-- The municipality's reference data: what citizens choose from (topics, districts), who helps them
-- (teams, staff profiles with competences, capacity and absence), the funding pools and the partner registry.

CREATE TABLE topic (
    code     VARCHAR(40)  NOT NULL,
    name_da  VARCHAR(120) NOT NULL,
    name_en  VARCHAR(120) NOT NULL,
    active   BOOLEAN      NOT NULL DEFAULT TRUE,
    PRIMARY KEY (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE district (
    code     VARCHAR(40)  NOT NULL,
    name_da  VARCHAR(120) NOT NULL,
    name_en  VARCHAR(120) NOT NULL,
    active   BOOLEAN      NOT NULL DEFAULT TRUE,
    PRIMARY KEY (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- manager_user_id / manager_group: the Camunda (Keycloak) user and group a late match escalates to
CREATE TABLE team (
    id               BIGINT       NOT NULL AUTO_INCREMENT,
    code             VARCHAR(40)  NOT NULL,
    name             VARCHAR(120) NOT NULL,
    manager_user_id  VARCHAR(64)  NOT NULL,
    manager_group    VARCHAR(64)  NOT NULL DEFAULT 'manager',
    PRIMARY KEY (id),
    CONSTRAINT uk_team_code UNIQUE (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- user_id is the Camunda/Keycloak user name; capacity is the number of open cases the person can carry
CREATE TABLE staff_profile (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    user_id       VARCHAR(64)  NOT NULL,
    display_name  VARCHAR(120) NOT NULL,
    email         VARCHAR(254) NOT NULL,
    phone         VARCHAR(30)  NULL,
    team_id       BIGINT       NOT NULL,
    capacity      INT          NOT NULL,
    absent_from   DATE         NULL,
    absent_until  DATE         NULL,
    version       BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uk_staff_profile_user_id UNIQUE (user_id),
    CONSTRAINT fk_staff_profile_team FOREIGN KEY (team_id) REFERENCES team (id),
    CONSTRAINT ck_staff_profile_capacity CHECK (capacity >= 0),
    CONSTRAINT ck_staff_profile_absence CHECK (absent_until IS NULL
        OR (absent_from IS NOT NULL AND absent_until >= absent_from))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE staff_competence (
    staff_profile_id  BIGINT       NOT NULL,
    topic_code        VARCHAR(40)  NOT NULL,
    PRIMARY KEY (staff_profile_id, topic_code),
    CONSTRAINT fk_staff_competence_profile FOREIGN KEY (staff_profile_id) REFERENCES staff_profile (id)
        ON DELETE CASCADE,
    CONSTRAINT fk_staff_competence_topic FOREIGN KEY (topic_code) REFERENCES topic (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- grants draw budget_left down; the version column makes concurrent grants on one pool fail instead of overspending
CREATE TABLE funding_pool (
    id                    BIGINT         NOT NULL AUTO_INCREMENT,
    code                  VARCHAR(40)    NOT NULL,
    name                  VARCHAR(150)   NOT NULL,
    criteria              TEXT           NOT NULL,
    total_budget          DECIMAL(12, 2) NOT NULL,
    budget_left           DECIMAL(12, 2) NOT NULL,
    application_deadline  DATE           NULL,
    fund_officer_group    VARCHAR(64)    NOT NULL DEFAULT 'fund-officer',
    version               BIGINT         NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uk_funding_pool_code UNIQUE (code),
    CONSTRAINT ck_funding_pool_budget CHECK (budget_left >= 0 AND budget_left <= total_budget)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE partner (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    name           VARCHAR(150) NOT NULL,
    kind           VARCHAR(20)  NOT NULL,
    description    TEXT         NOT NULL,
    contact_email  VARCHAR(254) NULL,
    contact_phone  VARCHAR(30)  NULL,
    district_code  VARCHAR(40)  NULL,
    active         BOOLEAN      NOT NULL DEFAULT TRUE,
    PRIMARY KEY (id),
    CONSTRAINT fk_partner_district FOREIGN KEY (district_code) REFERENCES district (code),
    CONSTRAINT ck_partner_kind CHECK (kind IN ('PARTNER', 'ASSOCIATION', 'VOLUNTEER', 'PREMISES'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX ix_partner_kind ON partner (kind);
