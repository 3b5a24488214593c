-- Case numbers come from a sequence so that several application nodes never hand out the same one.
CREATE SEQUENCE case_number_seq START WITH 1 INCREMENT BY 1 NOCACHE;

CREATE TABLE initiative (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    case_number    VARCHAR(20)  NOT NULL,
    title          VARCHAR(150) NOT NULL,
    description    TEXT         NOT NULL,
    topic          VARCHAR(60)  NOT NULL,
    district       VARCHAR(60)  NOT NULL,
    contact_name   VARCHAR(120) NOT NULL,
    contact_email  VARCHAR(254) NOT NULL,
    language       VARCHAR(2)   NOT NULL,
    stage          VARCHAR(30)  NOT NULL,
    submitted_at   DATETIME(6)  NOT NULL,
    version        BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uk_initiative_case_number UNIQUE (case_number)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
