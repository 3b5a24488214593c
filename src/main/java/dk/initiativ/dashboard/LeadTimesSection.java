package dk.initiativ.dashboard;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.IntFunction;

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
 * and 90th percentile as {@link Percentiles} defines them. Without a topic or district filter the stages' figures come
 * from per-day counts per bucket of working days and the stays of the buckets that hold the ranks (ADR 0044; the
 * buckets of V64, ADR 0057: quarter working days below 10, whole days to 30, five days above).
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
        Map<Stage, List<Cell>> perStage = null;
        List<Cell> wholeCaseRow = null;
        String wholeCaseLabel = messages.getMessage("dashboard.leadTimes.wholeCase", null, locale);
        if (scope.topic().isEmpty() && scope.district().isEmpty()) {
            perStage = fromCounts(scope, params, locale);
            wholeCaseRow = wholeCaseFromCounts(scope, params, wholeCaseLabel);
        }
        if (perStage == null) {
            perStage = fromStays(scope, params, filters, locale);
        }
        if (wholeCaseRow == null) {
            Samples wholeCase = new Samples();
            jdbc.query("SELECT i.submitted_at, i.closed_at FROM initiative i WHERE i.closed_at >= :periodStart"
                    + " AND i.closed_at < :periodEnd" + filters, params, rs -> {
                        Instant submitted = ScopeSql.utc(rs.getObject(1, LocalDateTime.class));
                        Instant closed = ScopeSql.utc(rs.getObject(2, LocalDateTime.class));
                        wholeCase.add(workingTime.between(submitted, closed));
                    });
            wholeCaseRow = row(wholeCaseLabel, wholeCase);
        }
        List<List<Cell>> rows = new ArrayList<>(perStage.values());
        rows.add(wholeCaseRow);
        return List.of(new DashboardTable("lead-times", "dashboard.leadTimes.title", "dashboard.leadTimes.definition",
                List.of(new Column("dashboard.leadTimes.col.stage"), new Column("dashboard.leadTimes.col.cases"),
                        new Column("dashboard.leadTimes.col.median"), new Column("dashboard.leadTimes.col.p90")),
                rows, Optional.of(new Chart(Chart.Kind.BAR, 0, List.of(2, 3)))));
    }

    /** Every stay of the period read (a topic or district filter: with the case rows). */
    private Map<Stage, List<Cell>> fromStays(DashboardScope scope, MapSqlParameterSource params, String filters,
            Locale locale) {
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
        Map<Stage, List<Cell>> rows = new EnumMap<>(Stage.class);
        perStage.forEach((stage, values) -> rows.put(stage, row(messages.getMessage("stage." + stage, null, locale),
                values)));
        return rows;
    }

    /**
     * Without a topic or district filter, two levels (ADR 0036 step 3, ADR 0044): the per-day counts of stays per
     * stage and bucket of working days ({@code dashboard_stay_day}, V64) give each stage's count and the bucket that
     * holds each rank the median and the p90 ask for ({@link Percentiles}); only those buckets' stays of the period
     * are read ({@code ix_case_stage_visit_bucket}: one index range each). Null when the counts and the stays
     * disagree (then every stay is read).
     */
    private Map<Stage, List<Cell>> fromCounts(DashboardScope scope, MapSqlParameterSource params, Locale locale) {
        // this transaction's own changes of the counts first (they are written just before it commits)
        DeadlineDays.flush();
        MapSqlParameterSource counts = new MapSqlParameterSource().addValue("firstDay", scope.from())
                .addValue("lastDay", scope.to());
        String teams = "";
        if (!scope.allTeams()) {
            teams = " AND v.team_code IN (:teams)";
            counts.addValue("teams", scope.teamCodes());
            params.addValue("teams", scope.teamCodes());
        }
        counts.addValue("teamKeys", scope.allTeams() ? List.of(DeadlineDays.ALL_TEAMS) : scope.teamCodes());
        Map<Stage, TreeMap<Integer, Long>> buckets = new EnumMap<>(Stage.class);
        FlowSection.OPEN_STAGES.forEach(stage -> buckets.put(stage, new TreeMap<>()));
        jdbc.query("SELECT stage, bucket, SUM(stays) FROM dashboard_stay_day WHERE team_key IN (:teamKeys)"
                + " AND left_day >= :firstDay AND left_day <= :lastDay GROUP BY stage, bucket", counts, rs -> {
                    TreeMap<Integer, Long> stage = buckets.get(Stage.valueOf(rs.getString(1)));
                    if (stage != null && rs.getLong(3) != 0) {
                        stage.merge(rs.getInt(2), rs.getLong(3), Long::sum);
                    }
                });
        String sql = "SELECT v.working_days FROM case_stage_visit v WHERE v.stage = :stage AND v.bucket = :bucket"
                + " AND v.left_at >= :periodStart AND v.left_at < :periodEnd" + teams;
        Map<Stage, List<Cell>> rows = new EnumMap<>(Stage.class);
        for (Map.Entry<Stage, TreeMap<Integer, Long>> stage : buckets.entrySet()) {
            List<Cell> row = fromBuckets(messages.getMessage("stage." + stage.getKey(), null, locale), stage.getValue(),
                    bucket -> {
                        Samples samples = new Samples();
                        jdbc.query(sql, new MapSqlParameterSource(params.getValues())
                                .addValue("stage", stage.getKey().name()).addValue("bucket", bucket), rs -> {
                                    samples.add(rs.getDouble(1));
                                });
                        return samples.sorted();
                    });
            if (row == null) {
                return null;
            }
            rows.put(stage.getKey(), row);
        }
        return rows;
    }

    /**
     * The whole case from submission to closure, two levels as the stages (ADR 0049): the per-day counts of closed
     * cases per whole working day of their lead time ({@code dashboard_lead_day}) and the lead times of the buckets
     * that hold the ranks ({@code dashboard_flow_case.lead_days}, computed with {@link WorkingTime#between} when the
     * case closed; {@code ix_dashboard_flow_case_lead}: one index range each). Null when the counts and the lead times
     * disagree (then every closure of the period is computed as before).
     */
    private List<Cell> wholeCaseFromCounts(DashboardScope scope, MapSqlParameterSource params, String label) {
        MapSqlParameterSource counts = new MapSqlParameterSource().addValue("firstDay", scope.from())
                .addValue("lastDay", scope.to())
                .addValue("teamKeys", scope.allTeams() ? List.of(DeadlineDays.ALL_TEAMS) : scope.teamCodes());
        TreeMap<Integer, Long> buckets = new TreeMap<>();
        jdbc.query("SELECT whole_days, SUM(cases) FROM dashboard_lead_day WHERE team_key IN (:teamKeys)"
                + " AND closed_day >= :firstDay AND closed_day <= :lastDay GROUP BY whole_days", counts, rs -> {
                    if (rs.getLong(2) != 0) {
                        buckets.merge(rs.getInt(1), rs.getLong(2), Long::sum);
                    }
                });
        String sql = "SELECT f.lead_days FROM dashboard_flow_case f WHERE f.lead_whole = :bucket"
                + " AND f.closed_at >= :periodStart AND f.closed_at < :periodEnd"
                + (scope.allTeams() ? "" : " AND f.team_key IN (:teams)");
        MapSqlParameterSource read = new MapSqlParameterSource(params.getValues());
        if (!scope.allTeams()) {
            read.addValue("teams", scope.teamCodes());
        }
        return fromBuckets(label, buckets, bucket -> {
            Samples samples = new Samples();
            jdbc.query(sql, new MapSqlParameterSource(read.getValues()).addValue("bucket", bucket), rs -> {
                samples.add(rs.getDouble(1));
            });
            return samples.sorted();
        });
    }

    /**
     * A row from buckets in the order of their values (value: how many samples lie in it): the count, and the median
     * and p90 of {@link Percentiles} with each rank looked up in the sorted samples of the bucket that holds it
     * ({@code read}, each bucket read once). Null when a bucket read holds another number of samples than its count.
     */
    private static List<Cell> fromBuckets(String label, TreeMap<Integer, Long> buckets, IntFunction<double[]> read) {
        long total = buckets.values().stream().mapToLong(Long::longValue).sum();
        Map<Integer, double[]> values = new HashMap<>();
        boolean[] disagree = {false};
        Percentiles.Ranked ranked = rank -> {
            long before = 0;
            for (Map.Entry<Integer, Long> bucket : buckets.entrySet()) {
                if (rank <= before + bucket.getValue()) {
                    double[] sorted = values.computeIfAbsent(bucket.getKey(), read::apply);
                    if (sorted.length != bucket.getValue()) {
                        disagree[0] = true;
                        return Double.NaN;
                    }
                    return sorted[(int) (rank - before) - 1];
                }
                before += bucket.getValue();
            }
            disagree[0] = true;
            return Double.NaN;
        };
        int n = (int) total;
        Optional<Double> median = Percentiles.median(n, ranked);
        Optional<Double> p90 = Percentiles.nearestRank(n, 90, ranked);
        if (disagree[0]) {
            return null;
        }
        return List.of(new Text(label), new Count(n), days(median), days(p90));
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
