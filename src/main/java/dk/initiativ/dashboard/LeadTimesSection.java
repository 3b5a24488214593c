package dk.initiativ.dashboard;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
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
        Map<Stage, List<Double>> perStage = new EnumMap<>(Stage.class);
        FlowSection.OPEN_STAGES.forEach(stage -> perStage.put(stage, new ArrayList<>()));
        jdbc.query("SELECT v.stage, v.working_days FROM case_stage_visit v JOIN initiative i ON i.id = v.initiative_id"
                + " WHERE v.left_at >= :periodStart AND v.left_at < :periodEnd" + filters, params, rs -> {
                    List<Double> values = perStage.get(Stage.valueOf(rs.getString("stage")));
                    if (values != null) {
                        values.add(rs.getDouble("working_days"));
                    }
                });
        List<Double> wholeCase = new ArrayList<>();
        jdbc.query("SELECT i.submitted_at, i.closed_at FROM initiative i WHERE i.closed_at >= :periodStart"
                + " AND i.closed_at < :periodEnd" + filters, params, rs -> {
                    Instant submitted = ScopeSql.utc(rs.getObject("submitted_at", LocalDateTime.class));
                    Instant closed = ScopeSql.utc(rs.getObject("closed_at", LocalDateTime.class));
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

    private static List<Cell> row(String label, List<Double> values) {
        return List.of(new Text(label), new Count(values.size()), days(Percentiles.median(values)),
                days(Percentiles.p90(values)));
    }

    private static Cell days(Optional<Double> value) {
        return value.<Cell>map(WorkingDays::new).orElseGet(Empty::new);
    }
}
