package dk.initiativ.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

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
 * public money are not counts about citizens: nothing is suppressed. Three SQL statements.
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
        MapSqlParameterSource waitingParams = new MapSqlParameterSource();
        Map<Long, Long> waiting = new HashMap<>();
        jdbc.query("SELECT a.pool_id, COUNT(*) FROM funding_application a "
                + (ScopeSql.narrows(scope) ? "JOIN initiative i ON i.id = a.initiative_id " : "")
                + "WHERE a.status = 'PROPOSED'" + ScopeSql.filters(scope, waitingParams) + " GROUP BY a.pool_id",
                waitingParams, rs -> {
                    waiting.put(rs.getLong(1), rs.getLong(2));
                });

        MapSqlParameterSource params = period(scope);
        Map<Long, List<Double>> decisionDays = new HashMap<>();
        jdbc.query("SELECT a.pool_id, a.proposed_at, a.decided_at FROM funding_application a "
                + (ScopeSql.narrows(scope) ? "JOIN initiative i ON i.id = a.initiative_id " : "")
                + "WHERE a.decided_at >= :periodStart AND a.decided_at < :periodEnd"
                + ScopeSql.filters(scope, params), params, rs -> {
                    LocalDate proposed = localDate(rs.getTimestamp(2));
                    LocalDate decided = localDate(rs.getTimestamp(3));
                    decisionDays.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
                            .add((double) workingTime.workingDaysBetween(proposed, decided));
                });

        List<List<Cell>> rows = jdbc.query("SELECT id, name, total_budget, budget_left FROM funding_pool ORDER BY name, id",
                new MapSqlParameterSource(), (rs, n) -> {
                    long pool = rs.getLong(1);
                    BigDecimal budget = rs.getBigDecimal(3);
                    BigDecimal left = rs.getBigDecimal(4);
                    List<Double> days = decisionDays.getOrDefault(pool, List.of());
                    return List.<Cell>of(new Text(rs.getString(2)), new Amount(budget), new Amount(budget.subtract(left)),
                            new Amount(left), new Count(waiting.getOrDefault(pool, 0L)), new Count(days.size()),
                            Percentiles.median(days).<Cell>map(WorkingDays::new).orElse(new Empty()));
                });
        return List.of(new DashboardTable("funding", PREFIX + "title", PREFIX + "definition",
                List.of(new Column(PREFIX + "column.pool"), new Column(PREFIX + "column.budget"),
                        new Column(PREFIX + "column.granted"), new Column(PREFIX + "column.left"),
                        new Column(PREFIX + "column.waiting"), new Column(PREFIX + "column.decided"),
                        new Column(PREFIX + "column.medianDecision")),
                rows, Optional.of(new Chart(Chart.Kind.BAR, 0, List.of(2, 3)))));
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
