package dk.initiativ.dashboard;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * The scope's filters as SQL on the case row (alias {@code i}): the case's team ({@code team_code}: a case has a team
 * from the moment a contact person is proposed; before that it counts under "all teams" only, as in the inbox's team
 * view), its topic and its district; and the period's bounds as UTC wall-clock times (our tables' times).
 */
final class ScopeSql {

    private ScopeSql() {
    }

    /** Whether the scope narrows the cases (teams, topic or district): else a query needs no case row to filter on. */
    static boolean narrows(DashboardScope scope) {
        return !scope.allTeams() || scope.topic().isPresent() || scope.district().isPresent();
    }

    /** {@code " AND ..."} for the teams, topic and district, with their parameters added to {@code params}. */
    static String filters(DashboardScope scope, MapSqlParameterSource params) {
        StringBuilder where = new StringBuilder();
        if (!scope.allTeams()) {
            where.append(" AND i.team_code IN (:teams)");
            params.addValue("teams", scope.teamCodes());
        }
        scope.topic().ifPresent(topic -> {
            where.append(" AND i.topic = :topic");
            params.addValue("topic", topic);
        });
        scope.district().ifPresent(district -> {
            where.append(" AND i.district = :district");
            params.addValue("district", district);
        });
        return where.toString();
    }

    /** Adds {@code :periodStart} (the first day's midnight) and {@code :periodEnd} (the midnight after the last day). */
    static void period(DashboardScope scope, ZoneId zone, MapSqlParameterSource params) {
        params.addValue("periodStart", wall(scope.from().atStartOfDay(zone).toInstant()));
        params.addValue("periodEnd", wall(scope.to().plusDays(1).atStartOfDay(zone).toInstant()));
    }

    static LocalDateTime wall(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static Instant utc(LocalDateTime time) {
        return time == null ? null : time.toInstant(ZoneOffset.UTC);
    }

    static Instant utc(Timestamp time) {
        return time == null ? null : time.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }
}
