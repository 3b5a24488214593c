-- Issue 13, the network registry maintained by admins (ADR 0039): a partner's contact person, its address and
-- capacity (premises), an optimistic version for two admins editing at once, and one name per kind.
ALTER TABLE partner
    ADD COLUMN contact_person VARCHAR(150) NULL AFTER description,
    ADD COLUMN address        VARCHAR(300) NULL AFTER contact_phone,
    ADD COLUMN capacity       INT          NULL AFTER address,
    ADD COLUMN version        BIGINT       NOT NULL DEFAULT 0,
    ADD CONSTRAINT ck_partner_capacity CHECK (capacity IS NULL OR capacity BETWEEN 1 AND 100000),
    ADD CONSTRAINT uk_partner_kind_name UNIQUE (kind, name);
