-- Run once by the mariadb image on an empty data volume (mounted into /docker-entrypoint-initdb.d by
-- docker-compose.yml). The image itself creates the application's database and user (MARIADB_DATABASE,
-- MARIADB_USER); this adds Keycloak's own database and account, kept apart from the application's.
--
-- A .sql init file cannot read environment variables, so the Keycloak account's password is fixed here
-- and docker-compose.yml gives Keycloak the same one (KC_DB_PASSWORD). It is a local-stack password:
-- in production create the account yourself with a real secret, or change it later with
--   ALTER USER 'keycloak'@'%' IDENTIFIED BY '...';
CREATE DATABASE IF NOT EXISTS keycloak CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
CREATE USER IF NOT EXISTS 'keycloak'@'%' IDENTIFIED BY 'keycloak-dev-db';
GRANT ALL PRIVILEGES ON keycloak.* TO 'keycloak'@'%';
FLUSH PRIVILEGES;
