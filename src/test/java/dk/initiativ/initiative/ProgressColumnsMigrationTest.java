package dk.initiativ.initiative;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import dk.initiativ.support.LocalModeTest;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V13 moves the follow-ups that an existing database holds as the text "60 %: the milestone" into the
 * columns progress_percent and milestone: a database migrated up to V12 with such rows, then to V13, on the
 * test's real MariaDB (a database of its own beside the application's).
 */
@LocalModeTest
class ProgressColumnsMigrationTest {

    private static final Pattern URL = Pattern.compile("(jdbc:mariadb://[^/]+/)([^?]*)(.*)");

    @Autowired DataSource dataSource;

    @Test
    void existingFollowUpsKeepTheirPercentAndMilestone() throws SQLException {
        JdbcTemplate server = new JdbcTemplate(dataSource);
        server.execute("DROP DATABASE IF EXISTS migration_v13");
        server.execute("CREATE DATABASE migration_v13 CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        DriverManagerDataSource database = new DriverManagerDataSource(urlOf("migration_v13"), "root", "");
        JdbcTemplate jdbc = new JdbcTemplate(database);

        flyway(database, "12").migrate();
        jdbc.update("INSERT INTO initiative (id, case_number, title, description, topic, district, contact_name,"
                + " contact_email, language, stage, submitted_at) VALUES (1, 'INI-2026-00001', 'Bænke', 'Ved søen',"
                + " 'natur-miljoe', 'tuse-naes', 'Sofie', 'sofie@example.org', 'da', 'FOLLOW_UP', NOW(6))");
        insertEvent(jdbc, 1, "PROGRESS_RECORDED", "60 %: Tilladelsen er givet");
        insertEvent(jdbc, 2, "PROGRESS_RECORDED", "100 %: Alt er på plads: 3 bænke 🪑 og en sti");
        insertEvent(jdbc, 3, "PROGRESS_RECORDED", "0 %: Første møde\nmed skolen");
        insertEvent(jdbc, 4, "CLOSED", "50 %: not a follow-up");

        flyway(database, "13").migrate();

        assertThat(event(jdbc, 1)).containsEntry("progress_percent", 60).containsEntry("milestone", "Tilladelsen er givet")
                .containsEntry("detail", null);
        assertThat(event(jdbc, 2)).containsEntry("progress_percent", 100)
                .containsEntry("milestone", "Alt er på plads: 3 bænke 🪑 og en sti").containsEntry("detail", null);
        assertThat(event(jdbc, 3)).containsEntry("progress_percent", 0)
                .containsEntry("milestone", "Første møde\nmed skolen").containsEntry("detail", null);
        assertThat(event(jdbc, 4)).containsEntry("progress_percent", null).containsEntry("milestone", null)
                .containsEntry("detail", "50 %: not a follow-up");
        server.execute("DROP DATABASE migration_v13");
    }

    private static Flyway flyway(DataSource database, String target) {
        return Flyway.configure().dataSource(database).locations("classpath:db/migration").target(target).load();
    }

    private static void insertEvent(JdbcTemplate jdbc, long id, String type, String detail) {
        jdbc.update("INSERT INTO case_event (id, initiative_id, type, occurred_at, actor, visible_to_citizen, detail)"
                + " VALUES (?, 1, ?, NOW(6), 'anna', TRUE, ?)", id, type, detail);
    }

    private static Map<String, Object> event(JdbcTemplate jdbc, long id) {
        return jdbc.queryForMap("SELECT progress_percent, milestone, detail FROM case_event WHERE id = ?", id);
    }

    private String urlOf(String database) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            Matcher url = URL.matcher(connection.getMetaData().getURL());
            assertThat(url.matches()).isTrue();
            return url.group(1) + database + url.group(3);
        }
    }
}
