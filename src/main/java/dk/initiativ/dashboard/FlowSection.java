package dk.initiativ.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.IsoFields;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.time.temporal.TemporalAdjusters;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import dk.initiativ.dashboard.DashboardTable.Cell;
import dk.initiativ.dashboard.DashboardTable.Chart;
import dk.initiativ.dashboard.DashboardTable.Column;
import dk.initiativ.dashboard.DashboardTable.Count;
import dk.initiativ.dashboard.DashboardTable.Text;
import dk.initiativ.initiative.Stage;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Section 10, case flow: the open cases per stage now (from the case rows), and per week of the period the cases
 * that entered (were submitted) and left (were closed, whatever the outcome). Weeks are ISO weeks (Monday to
 * Sunday) in the municipality's zone; the first and last week count only the days inside the period. Without a
 * topic or district filter the weeks are sums of per-day counts kept by the projection (ADR 0044); with one, the case
 * rows of the period are counted.
 */
@Component
class FlowSection implements DashboardSection {

    /** The stages an open case can be in, in the journey's order. */
    static final List<Stage> OPEN_STAGES = List.of(Stage.SUBMITTED, Stage.AWAITING_INFORMATION, Stage.ACCEPTED,
            Stage.MATCHED, Stage.AGREED);

    private final NamedParameterJdbcTemplate jdbc;
    private final MessageSource messages;
    private final WorkingTime workingTime;

    FlowSection(NamedParameterJdbcTemplate jdbc, MessageSource messages, WorkingTime workingTime) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.workingTime = workingTime;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    @Transactional(readOnly = true)
    public List<DashboardTable> tables(DashboardScope scope, Locale locale) {
        return List.of(openPerStage(scope, locale), perWeek(scope, locale));
    }

    /** The open cases per stage now (in the scope's teams, topic and district; the period does not apply). */
    Map<Stage, Long> openCounts(DashboardScope scope) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String sql = "SELECT i.stage, COUNT(*) AS n FROM initiative i WHERE i.open_case = 1" + ScopeSql.filters(scope, params)
                + " GROUP BY i.stage";
        Map<Stage, Long> counts = new EnumMap<>(Stage.class);
        OPEN_STAGES.forEach(stage -> counts.put(stage, 0L));
        jdbc.query(sql, params, rs -> {
            counts.put(Stage.valueOf(rs.getString("stage")), rs.getLong("n"));
        });
        return counts;
    }

    private DashboardTable openPerStage(DashboardScope scope, Locale locale) {
        Map<Stage, Long> counts = openCounts(scope);
        List<List<Cell>> rows = new ArrayList<>();
        for (Stage stage : OPEN_STAGES) {
            rows.add(List.of(new Text(messages.getMessage("stage." + stage, null, locale)), new Count(counts.get(stage))));
        }
        return new DashboardTable("flow-open", "dashboard.flow.open.title", "dashboard.flow.open.definition",
                List.of(new Column("dashboard.flow.col.stage"), new Column("dashboard.flow.col.openCases")), rows,
                Optional.of(new Chart(Chart.Kind.BAR, 0, List.of(1))));
    }

    private DashboardTable perWeek(DashboardScope scope, Locale locale) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        ScopeSql.period(scope, workingTime.zone(), params);
        String filters = ScopeSql.filters(scope, params);
        Map<LocalDate, long[]> weeks = new TreeMap<>();
        for (LocalDate monday = monday(scope.from()); !monday.isAfter(scope.to()); monday = monday.plusWeeks(1)) {
            weeks.put(monday, new long[2]);
        }
        if (scope.topic().isEmpty() && scope.district().isEmpty()) {
            countDays(weeks, scope);
        } else {
            boolean wholeHours = wholeHourOffsets(scope);
            count(weeks, "i.submitted_at", filters, params, 0, wholeHours);
            count(weeks, "i.closed_at", filters, params, 1, wholeHours);
        }
        List<List<Cell>> rows = new ArrayList<>();
        weeks.forEach((monday, counts) -> rows.add(List.of(
                new Text(messages.getMessage("dashboard.flow.week", new Object[] {
                        monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), String.valueOf(monday.get(IsoFields.WEEK_BASED_YEAR))},
                        locale)),
                new Count(counts[0]), new Count(counts[1]))));
        return new DashboardTable("flow-weeks", "dashboard.flow.weeks.title", "dashboard.flow.weeks.definition",
                List.of(new Column("dashboard.flow.col.week"), new Column("dashboard.flow.col.entered"),
                        new Column("dashboard.flow.col.left")), rows,
                Optional.of(new Chart(Chart.Kind.LINE, 0, List.of(1, 2))));
    }

    /**
     * Without a topic or district filter: the per-day counts ({@code dashboard_flow_day}, V48, ADR 0044: per local
     * day and team of the case, kept by the projection) of the period's days, at most one row per day and team key.
     */
    private void countDays(Map<LocalDate, long[]> weeks, DashboardScope scope) {
        // this transaction's own changes of the counts first (they are written just before it commits)
        DeadlineDays.flush();
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("firstDay", scope.from())
                .addValue("lastDay", scope.to());
        // all teams: their own row per day (V58, ADR 0052), not every team's
        String teams = " AND team_key = '" + DeadlineDays.ALL_TEAMS + "'";
        if (!scope.allTeams()) {
            teams = " AND team_key IN (:teams)";
            params.addValue("teams", scope.teamCodes());
        }
        jdbc.query("SELECT day, SUM(entered), SUM(left_count) FROM dashboard_flow_day WHERE day >= :firstDay"
                + " AND day <= :lastDay" + teams + " GROUP BY day", params, rs -> {
                    long[] counts = weeks.get(monday(rs.getObject(1, LocalDate.class)));
                    if (counts != null) {
                        counts[0] += rs.getLong(2);
                        counts[1] += rs.getLong(3);
                    }
                });
    }

    /**
     * Counts the cases whose {@code column} lies in the period into their weeks. Where the zone's offsets are whole
     * hours (Copenhagen: +01:00 and +02:00) every hour of UTC lies in one local day, so the database counts per UTC
     * hour (a few thousand groups for a year, read from the covering indexes of V24) and each hour goes to the week of
     * its local day; elsewhere each case's moment is read.
     */
    private void count(Map<LocalDate, long[]> weeks, String column, String filters, MapSqlParameterSource params,
            int index, boolean wholeHours) {
        String range = " FROM initiative i WHERE " + column + " >= :periodStart AND " + column + " < :periodEnd" + filters;
        if (wholeHours) {
            jdbc.query("SELECT DATE_FORMAT(" + column + ", '%Y-%m-%d %H') AS t, COUNT(*) AS n" + range
                    + " GROUP BY t", params, rs -> {
                        add(weeks, LocalDateTime.parse(rs.getString(1).replace(' ', 'T') + ":00"), rs.getLong(2), index);
                    });
        } else {
            jdbc.query("SELECT " + column + " AS t" + range, params, rs -> {
                add(weeks, rs.getObject(1, LocalDateTime.class), 1, index);
            });
        }
    }

    private void add(Map<LocalDate, long[]> weeks, LocalDateTime utc, long n, int index) {
        long[] counts = weeks.get(monday(ScopeSql.utc(utc).atZone(workingTime.zone()).toLocalDate()));
        if (counts != null) {
            counts[index] += n;
        }
    }

    /** Whether the zone's offset is whole hours throughout the period (then local midnights are UTC hour starts). */
    private boolean wholeHourOffsets(DashboardScope scope) {
        ZoneRules rules = workingTime.zone().getRules();
        Instant from = scope.from().atStartOfDay(workingTime.zone()).toInstant();
        Instant to = scope.to().plusDays(1).atStartOfDay(workingTime.zone()).toInstant();
        if (rules.getOffset(from).getTotalSeconds() % 3600 != 0) {
            return false;
        }
        for (ZoneOffsetTransition next = rules.nextTransition(from); next != null && next.getInstant().isBefore(to);
                next = rules.nextTransition(next.getInstant())) {
            if (next.getOffsetAfter().getTotalSeconds() % 3600 != 0) {
                return false;
            }
        }
        return true;
    }

    private static LocalDate monday(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
}
