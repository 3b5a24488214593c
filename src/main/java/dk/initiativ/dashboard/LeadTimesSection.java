package dk.initiativ.dashboard;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dk.initiativ.dashboard.DashboardTable.Cell;
import dk.initiativ.dashboard.DashboardTable.Chart;
import dk.initiativ.dashboard.DashboardTable.Column;
import dk.initiativ.dashboard.DashboardTable.Count;
import dk.initiativ.dashboard.DashboardTable.Empty;
import dk.initiativ.dashboard.DashboardTable.Text;
import dk.initiativ.dashboard.DashboardTable.WorkingDays;
import dk.initiativ.initiative.Stage;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Section 20, lead times in working days ({@link WorkingTime}): per stage, each stay in the stage that ended in the
 * period (from {@code case_stage_visit}); and from submission to closure for each case closed in the period. Median
 * and 90th percentile as {@link Percentiles} defines them.
 */
@Component
class LeadTimesSection implements DashboardSection {

    private final NamedParameterJdbcTemplate jdbc;
    private final MessageSource messages;
    private final WorkingTime workingTime;

    LeadTimesSection(NamedParameterJdbcTemplate jdbc, MessageSource messages, WorkingTime workingTime) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.workingTime = workingTime;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    @Transactional(readOnly = true)
    public List<DashboardTable> tables(DashboardScope scope, Locale locale) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        ScopeSql.period(scope, workingTime.zone(), params);
        String filters = ScopeSql.filters(scope, params);
        Map<Stage, Samples> perStage = new EnumMap<>(Stage.class);
        FlowSection.OPEN_STAGES.forEach(stage -> perStage.put(stage, new Samples()));
        // the stays carry their working days (written with the projection); without teams, topic or district the
        // case row is not needed, and the index (left_at, stage, working_days) answers alone
        jdbc.query("SELECT v.stage, v.working_days FROM case_stage_visit v"
                + (ScopeSql.narrows(scope) ? " JOIN initiative i ON i.id = v.initiative_id" : "")
                + " WHERE v.left_at >= :periodStart AND v.left_at < :periodEnd" + filters, params, rs -> {
                    Samples values = perStage.get(Stage.valueOf(rs.getString(1)));
                    if (values != null) {
                        values.add(rs.getDouble(2));
                    }
                });
        Samples wholeCase = new Samples();
        jdbc.query("SELECT i.submitted_at, i.closed_at FROM initiative i WHERE i.closed_at >= :periodStart"
                + " AND i.closed_at < :periodEnd" + filters, params, rs -> {
                    Instant submitted = ScopeSql.utc(rs.getObject(1, LocalDateTime.class));
                    Instant closed = ScopeSql.utc(rs.getObject(2, LocalDateTime.class));
                    wholeCase.add(workingTime.between(submitted, closed));
                });
        List<List<Cell>> rows = new ArrayList<>();
        perStage.forEach((stage, values) -> rows.add(row(messages.getMessage("stage." + stage, null, locale), values)));
        rows.add(row(messages.getMessage("dashboard.leadTimes.wholeCase", null, locale), wholeCase));
        return List.of(new DashboardTable("lead-times", "dashboard.leadTimes.title", "dashboard.leadTimes.definition",
                List.of(new Column("dashboard.leadTimes.col.stage"), new Column("dashboard.leadTimes.col.cases"),
                        new Column("dashboard.leadTimes.col.median"), new Column("dashboard.leadTimes.col.p90")),
                rows, Optional.of(new Chart(Chart.Kind.BAR, 0, List.of(2, 3)))));
    }

    private static List<Cell> row(String label, Samples values) {
        double[] sorted = values.sorted();
        return List.of(new Text(label), new Count(sorted.length), days(Percentiles.median(sorted)),
                days(Percentiles.nearestRank(sorted, 90)));
    }

    /** A growing list of plain doubles (a year of all teams has some hundred thousand stays). */
    private static final class Samples {

        private double[] values = new double[256];
        private int size;

        void add(double value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        double[] sorted() {
            double[] sorted = Arrays.copyOf(values, size);
            Arrays.sort(sorted);
            return sorted;
        }
    }

    private static Cell days(Optional<Double> value) {
        return value.<Cell>map(WorkingDays::new).orElseGet(Empty::new);
    }
}
