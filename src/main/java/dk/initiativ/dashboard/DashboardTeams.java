package dk.initiativ.dashboard;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The teams the dashboard filters by, and which of them a manager leads (team_manager: several per team, ADR 0037). */
@Component
class DashboardTeams {

    record Team(String code, String name) {
    }

    private final JdbcTemplate jdbc;

    DashboardTeams(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<Team> all() {
        return jdbc.query("SELECT code, name FROM team ORDER BY name, code",
                (rs, n) -> new Team(rs.getString("code"), rs.getString("name")));
    }

    List<String> ledBy(String userId) {
        return jdbc.queryForList("SELECT t.code FROM team t JOIN team_manager m ON m.team_id = t.id"
                + " WHERE m.user_id = ? ORDER BY t.code", String.class, userId);
    }
}
