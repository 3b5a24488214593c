-- Issue 13 (ADR 0039): the topics and districts a partner serves, several of each. None of a kind means all: a
-- partner without topics serves every topic, one without districts the whole municipality. The one district of
-- V3 moves here, and its column goes, so that there is one place that says where a partner works.
CREATE TABLE partner_topic (
    partner_id BIGINT      NOT NULL,
    topic_code VARCHAR(40) NOT NULL,
    PRIMARY KEY (partner_id, topic_code),
    INDEX ix_partner_topic_code (topic_code),
    CONSTRAINT fk_partner_topic_partner FOREIGN KEY (partner_id) REFERENCES partner (id) ON DELETE CASCADE,
    CONSTRAINT fk_partner_topic_topic FOREIGN KEY (topic_code) REFERENCES topic (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE partner_district (
    partner_id    BIGINT      NOT NULL,
    district_code VARCHAR(40) NOT NULL,
    PRIMARY KEY (partner_id, district_code),
    INDEX ix_partner_district_code (district_code),
    CONSTRAINT fk_partner_district_partner FOREIGN KEY (partner_id) REFERENCES partner (id) ON DELETE CASCADE,
    CONSTRAINT fk_partner_district_district FOREIGN KEY (district_code) REFERENCES district (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

INSERT INTO partner_district (partner_id, district_code)
    SELECT id, district_code FROM partner WHERE district_code IS NOT NULL;

ALTER TABLE partner DROP FOREIGN KEY fk_partner_district;
ALTER TABLE partner DROP COLUMN district_code;
