-- Topics and districts maintained by admins (issue 13, ADR 0037): a name is unique per language whatever its case
-- (settled by these keys when two admins race), and a version makes two admins' changes of one entry collide
-- instead of one overwriting the other. Nothing is deleted: an entry no longer offered is retired (active = false).
ALTER TABLE topic
    ADD COLUMN version BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN name_da_key VARCHAR(120) AS (LOWER(name_da)) PERSISTENT,
    ADD COLUMN name_en_key VARCHAR(120) AS (LOWER(name_en)) PERSISTENT,
    ADD CONSTRAINT uk_topic_name_da UNIQUE (name_da_key),
    ADD CONSTRAINT uk_topic_name_en UNIQUE (name_en_key);

ALTER TABLE district
    ADD COLUMN version BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN name_da_key VARCHAR(120) AS (LOWER(name_da)) PERSISTENT,
    ADD COLUMN name_en_key VARCHAR(120) AS (LOWER(name_en)) PERSISTENT,
    ADD CONSTRAINT uk_district_name_da UNIQUE (name_da_key),
    ADD CONSTRAINT uk_district_name_en UNIQUE (name_en_key);
