-- Funding pools maintained by admins (issue 13): a pool is open or closed for applications, and two pools cannot
-- share a name (the service also refuses a name that differs only in case; this key settles a race).
ALTER TABLE funding_pool ADD COLUMN open BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE funding_pool ADD CONSTRAINT uk_funding_pool_name UNIQUE (name);
