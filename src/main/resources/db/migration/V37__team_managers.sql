-- Several managers per team (issue 13, ADR 0037). The one manager each team had becomes its first manager
-- (position 0): a late match escalates to the first manager; every manager sees the team's cases and leads it on
-- the dashboard. A version makes two admins' changes of one team collide instead of one overwriting the other;
-- name_key makes a team name unique whatever its case.
CREATE TABLE team_manager (
    team_id   BIGINT      NOT NULL,
    position  INT         NOT NULL,
    user_id   VARCHAR(64) NOT NULL,
    PRIMARY KEY (team_id, position),
    CONSTRAINT fk_team_manager_team FOREIGN KEY (team_id) REFERENCES team (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX ix_team_manager_user ON team_manager (user_id, team_id);

INSERT INTO team_manager (team_id, position, user_id) SELECT id, 0, manager_user_id FROM team;

ALTER TABLE team
    DROP COLUMN manager_user_id,
    ADD COLUMN version BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN name_key VARCHAR(120) AS (LOWER(name)) PERSISTENT,
    ADD CONSTRAINT uk_team_name UNIQUE (name_key);
