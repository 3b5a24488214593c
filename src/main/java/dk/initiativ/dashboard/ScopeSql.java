package dk.initiativ.dashboard;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * The scope's filters as SQL on the case row ({@code initiative}, under an alias), for the sections 40-70: the
 * teams (the case's team code), the topic and the district the initiative is about; and the period's bounds as our
 * tables store times (UTC wall-clock): from the start of the first day to the start of the day after the last, in
 * the municipality's zone.
 */
final class ScopeSql {

    private ScopeSql() {
    }

    /** {@code AND ...} conditions for the case row {@code alias}; parameters {@code teams}, {@code topic}, {@code district}. */
    static String caseFilter(DashboardScope scope, String alias, MapSqlParameterSource params) {
        StringBuilder sql = new StringBuilder();
        if (!scope.allTeams()) {
            sql.append(" AND ").append(alias).append(".team_code IN (:teams)");
            params.addValue("teams", scope.teamCodes());
        }
        scope.topic().ifPresent(topic -> {
            sql.append(" AND ").append(alias).append(".topic = :topic");
            params.addValue("topic", topic);
        });
        scope.district().ifPresent(district -> {
            sql.append(" AND ").append(alias).append(".district = :district");
            params.addValue("district", district);
        });
        return sql.toString();
    }

    /** Adds {@code periodStart} (inclusive) and {@code periodEnd} (exclusive) as UTC wall-clock times. */
    static MapSqlParameterSource period(DashboardScope scope, ZoneId zone, MapSqlParameterSource params) {
        params.addValue("periodStart", utc(scope.from().atStartOfDay(zone).toInstant()));
        params.addValue("periodEnd", utc(scope.to().plusDays(1).atStartOfDay(zone).toInstant()));
        return params;
    }

    private static LocalDateTime utc(java.time.Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
