package dk.initiativ.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import dk.initiativ.dashboard.DashboardTable.Amount;
import dk.initiativ.dashboard.DashboardTable.Cell;
import dk.initiativ.dashboard.DashboardTable.Chart;
import dk.initiativ.dashboard.DashboardTable.Column;
import dk.initiativ.dashboard.DashboardTable.Count;
import dk.initiativ.dashboard.DashboardTable.Empty;
import dk.initiativ.dashboard.DashboardTable.Text;
import dk.initiativ.dashboard.DashboardTable.WorkingDays;
import dk.initiativ.process.DeadlineProperties;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Section 50, funding: per pool its budget, what has been granted from it and what is left (the pool's own figures,
 * whatever the filters), and for the applications of the cases in scope: how many wait for a decision now, how many
 * were decided in the period, and their median decision time in working days ({@link Percentiles}; the BPMN timers'
 * calendar: from the day of the proposal to the day of the decision, the proposal's day not counted). Decisions on
 * public money are not counts about citizens: nothing is suppressed. Three SQL statements. Without a topic or district
 * filter the applications' figures come from per-day counts ({@link FundingDays}, ADR 0056: one team, several, or all
 * teams' {@code '*'} rows), with one from the application rows of the cases in scope (as the other sections).
 */
@Component
class FundingSection implements DashboardSection {

    static final String PREFIX = "dashboard.funding.";

    private final NamedParameterJdbcTemplate jdbc;
    private final WorkingTime workingTime;
    private final DeadlineProperties deadlines;

    FundingSection(NamedParameterJdbcTemplate jdbc, WorkingTime workingTime, DeadlineProperties deadlines) {
        this.jdbc = jdbc;
        this.workingTime = workingTime;
        this.deadlines = deadlines;
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    @Transactional(readOnly = true)
    public List<DashboardTable> tables(DashboardScope scope, Locale locale) {
        Map<Long, Long> waiting = new HashMap<>();
        Map<Long, Decisions> decisions = new HashMap<>();
        if (scope.topic().isEmpty() && scope.district().isEmpty()) {
            counted(scope, waiting, decisions);
        }
        else {
            fromRows(scope, waiting, decisions);
        }
        List<List<Cell>> rows = jdbc.query("SELECT id, name, total_budget, budget_left FROM funding_pool ORDER BY name, id",
                new MapSqlParameterSource(), (rs, n) -> {
                    long pool = rs.getLong(1);
                    BigDecimal budget = rs.getBigDecimal(3);
                    BigDecimal left = rs.getBigDecimal(4);
                    Decisions decided = decisions.getOrDefault(pool, new Decisions());
                    return List.<Cell>of(new Text(rs.getString(2)), new Amount(budget), new Amount(budget.subtract(left)),
                            new Amount(left), new Count(waiting.getOrDefault(pool, 0L)), new Count(decided.count),
                            decided.median().<Cell>map(WorkingDays::new).orElse(new Empty()));
                });
        return List.of(new DashboardTable("funding", PREFIX + "title", PREFIX + "definition",
                List.of(new Column(PREFIX + "column.pool"), new Column(PREFIX + "column.budget"),
                        new Column(PREFIX + "column.granted"), new Column(PREFIX + "column.left"),
                        new Column(PREFIX + "column.waiting"), new Column(PREFIX + "column.decided"),
                        new Column(PREFIX + "column.medianDecision")),
                rows, Optional.of(new Chart(Chart.Kind.BAR, 0, List.of(2, 3)))));
    }

    /** A pool's decisions of the period: how many after each number of working days. */
    private static final class Decisions {

        private final TreeMap<Integer, Long> byDays = new TreeMap<>();
        private long count;

        void add(int days, long applications) {
            if (applications != 0) {
                byDays.merge(days, applications, Long::sum);
                count += applications;
            }
        }

        /** The median of the decision times ({@link Percentiles#median(int, Percentiles.Ranked)}). */
        Optional<Double> median() {
            return Percentiles.median(Math.toIntExact(count), rank -> {
                long seen = 0;
                for (Map.Entry<Integer, Long> bucket : byDays.entrySet()) {
                    seen += bucket.getValue();
                    if (rank <= seen) {
                        return bucket.getKey();
                    }
                }
                throw new IllegalStateException("rank " + rank + " of " + count);
            });
        }
    }

    /**
     * Without a topic or district filter (ADR 0056): the applications waiting now and those decided in the period per
     * pool from the per-day counts ({@link FundingDays}), of the scope's teams or of all teams ({@code '*'}).
     */
    private void counted(DashboardScope scope, Map<Long, Long> waiting, Map<Long, Decisions> decisions) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String teams;
        if (scope.allTeams()) {
            teams = "team_key = :all";
            params.addValue("all", DeadlineDays.ALL_TEAMS);
        }
        else {
            teams = "team_key IN (:teams)";
            params.addValue("teams", scope.teamCodes());
        }
        jdbc.query("SELECT pool_id, SUM(applications) FROM dashboard_funding_waiting WHERE " + teams
                + " GROUP BY pool_id", params, rs -> {
                    waiting.put(rs.getLong(1), rs.getLong(2));
                });
        params.addValue("from", scope.from()).addValue("to", scope.to());
        jdbc.query("SELECT pool_id, decision_days, SUM(applications) FROM dashboard_funding_day WHERE " + teams
                + " AND decided_day BETWEEN :from AND :to GROUP BY pool_id, decision_days", params, rs -> {
                    decisions.computeIfAbsent(rs.getLong(1), pool -> new Decisions()).add(rs.getInt(2), rs.getLong(3));
                });
    }

    /** With a topic or district filter: from the application rows of the cases in scope. */
    private void fromRows(DashboardScope scope, Map<Long, Long> waiting, Map<Long, Decisions> decisions) {
        MapSqlParameterSource waitingParams = new MapSqlParameterSource();
        jdbc.query("SELECT a.pool_id, COUNT(*) FROM funding_application a "
                + (ScopeSql.narrows(scope) ? "JOIN initiative i ON i.id = a.initiative_id " : "")
                + "WHERE a.status = 'PROPOSED'" + ScopeSql.filters(scope, waitingParams) + " GROUP BY a.pool_id",
                waitingParams, rs -> {
                    waiting.put(rs.getLong(1), rs.getLong(2));
                });

        MapSqlParameterSource params = period(scope);
        jdbc.query("SELECT a.pool_id, a.proposed_at, a.decided_at FROM funding_application a "
                + (ScopeSql.narrows(scope) ? "JOIN initiative i ON i.id = a.initiative_id " : "")
                + "WHERE a.decided_at >= :periodStart AND a.decided_at < :periodEnd"
                + ScopeSql.filters(scope, params), params, rs -> {
                    LocalDate proposed = localDate(rs.getTimestamp(2));
                    LocalDate decided = localDate(rs.getTimestamp(3));
                    decisions.computeIfAbsent(rs.getLong(1), id -> new Decisions())
                            .add(workingTime.workingDaysBetween(proposed, decided), 1);
                });
    }

    private LocalDate localDate(java.sql.Timestamp utc) {
        return utc.toLocalDateTime().atOffset(ZoneOffset.UTC).atZoneSameInstant(deadlines.zone()).toLocalDate();
    }

    private MapSqlParameterSource period(DashboardScope scope) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        ScopeSql.period(scope, deadlines.zone(), params);
        return params;
    }
}
