package dk.initiativ.dashboard;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dk.initiativ.dashboard.DashboardTable.CaseLink;
import dk.initiativ.dashboard.DashboardTable.Cell;
import dk.initiativ.dashboard.DashboardTable.Column;
import dk.initiativ.dashboard.DashboardTable.Count;
import dk.initiativ.dashboard.DashboardTable.Empty;
import dk.initiativ.dashboard.DashboardTable.Score;
import dk.initiativ.dashboard.DashboardTable.Share;
import dk.initiativ.dashboard.DashboardTable.Suppressed;
import dk.initiativ.dashboard.DashboardTable.Text;
import dk.initiativ.initiative.Outcome;
import dk.initiativ.process.DeadlineProperties;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Section 60, outcomes: the cases closed in the period (in scope) by outcome, by topic and by district; the
 * evaluation survey's answers in the period (count and average rating) and their comments, each with its case
 * number and never with a name. Counts under 5 are suppressed with the same rule as in section 70, because the
 * filters turn each table into a cross table (outcome x district x topic x team) that can single out a citizen;
 * the average rating needs at least 5 answers (ADR 0026). Three SQL statements. Without a topic or district filter
 * the closed cases come from per-day counts ({@code dashboard_outcome_day}, ADR 0049).
 */
@Component
class OutcomesSection implements DashboardSection {

    static final String PREFIX = "dashboard.outcomes.";
    /** The newest comments shown; the page is an overview, not an archive. */
    static final int COMMENTS = 50;

    private final NamedParameterJdbcTemplate jdbc;
    private final Names names;
    private final DeadlineProperties deadlines;

    OutcomesSection(NamedParameterJdbcTemplate jdbc, Names names, DeadlineProperties deadlines) {
        this.jdbc = jdbc;
        this.names = names;
        this.deadlines = deadlines;
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    @Transactional(readOnly = true)
    public List<DashboardTable> tables(DashboardScope scope, Locale locale) {
        Map<String, Long> byOutcome = new HashMap<>();
        Map<String, Long> byTopic = new HashMap<>();
        Map<String, Long> byDistrict = new HashMap<>();
        long[] total = new long[1];
        if (scope.topic().isEmpty() && scope.district().isEmpty()) {
            // per-day counts by outcome, topic and district per team and for all teams ('*'), kept by the projection
            // (ADR 0049): at most a row per day, team key, code and slot of the period, whatever the number of cases
            DeadlineDays.flush();
            MapSqlParameterSource counts = new MapSqlParameterSource().addValue("firstDay", scope.from())
                    .addValue("lastDay", scope.to())
                    .addValue("teamKeys", scope.allTeams() ? List.of(DeadlineDays.ALL_TEAMS) : scope.teamCodes());
            jdbc.query("SELECT dimension, code, SUM(cases) FROM dashboard_outcome_day WHERE team_key IN (:teamKeys)"
                    + " AND closed_day >= :firstDay AND closed_day <= :lastDay GROUP BY dimension, code", counts, rs -> {
                        long count = rs.getLong(3);
                        if (count == 0) {
                            return;
                        }
                        String code = rs.getString(2);
                        switch (rs.getString(1)) {
                            case "O" -> {
                                // as the grouping of the case rows keyed a case without an outcome
                                byOutcome.merge(code.isEmpty() ? String.valueOf((Object) null) : code, count, Long::sum);
                                total[0] += count;
                            }
                            case "T" -> byTopic.merge(code, count, Long::sum);
                            case "D" -> byDistrict.merge(code, count, Long::sum);
                            default -> throw new IllegalStateException("unknown dimension " + rs.getString(1));
                        }
                    });
        }
        else {
            MapSqlParameterSource params = period(scope);
            jdbc.query("SELECT i.outcome, i.topic, i.district, COUNT(*) FROM initiative i "
                    + "WHERE i.closed_at >= :periodStart AND i.closed_at < :periodEnd AND i.stage = 'CLOSED'"
                    + ScopeSql.filters(scope, params) + " GROUP BY i.outcome, i.topic, i.district", params, rs -> {
                        long count = rs.getLong(4);
                        byOutcome.merge(String.valueOf(rs.getString(1)), count, Long::sum);
                        byTopic.merge(rs.getString(2), count, Long::sum);
                        byDistrict.merge(rs.getString(3), count, Long::sum);
                        total[0] += count;
                    });
        }

        Map<String, String> outcomeLabels = new LinkedHashMap<>();
        for (Outcome outcome : Outcome.values()) {
            outcomeLabels.put(outcome.name(), names.text("outcome." + outcome.name(), locale));
        }
        List<DashboardTable> tables = new ArrayList<>();
        tables.add(countTable("outcomes-by-outcome", "byOutcome", outcomeLabels, byOutcome, total[0], locale));
        tables.add(countTable("outcomes-by-topic", "byTopic", withUnknown(names.topics(locale), byTopic), byTopic,
                total[0], locale));
        tables.add(countTable("outcomes-by-district", "byDistrict", withUnknown(names.districts(locale), byDistrict),
                byDistrict, total[0], locale));
        tables.add(survey(scope, locale));
        tables.add(comments(scope, locale));
        return tables;
    }

    /** Labels of every code in the catalogue, plus codes of counted cases that the catalogue lacks (shown as code). */
    private static Map<String, String> withUnknown(Map<String, String> labels, Map<String, Long> counts) {
        Map<String, String> all = new LinkedHashMap<>(labels);
        counts.keySet().forEach(code -> all.putIfAbsent(code, code));
        return all;
    }

    private DashboardTable countTable(String id, String key, Map<String, String> labels, Map<String, Long> counts,
            long total, Locale locale) {
        List<String> codes = new ArrayList<>(labels.keySet());
        List<Long> parts = codes.stream().map(code -> counts.getOrDefault(code, 0L)).toList();
        boolean totalShown = SmallCounts.shown(total);
        List<Boolean> shown = totalShown ? SmallCounts.shownParts(parts) : parts.stream().map(p -> false).toList();
        List<List<Cell>> rows = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            long count = parts.get(i);
            boolean visible = shown.get(i);
            rows.add(List.of(new Text(labels.get(codes.get(i))), visible ? new Count(count) : new Suppressed(),
                    visible ? new Share((double) count / total) : new Suppressed()));
        }
        rows.add(List.of(new Text(names.text(PREFIX + "total", locale)),
                totalShown ? new Count(total) : new Suppressed(), totalShown ? new Share(1.0) : new Suppressed()));
        return new DashboardTable(id, PREFIX + key + ".title", PREFIX + key + ".definition",
                List.of(new Column(PREFIX + "column." + key), new Column(PREFIX + "column.closed"),
                        new Column(PREFIX + "column.share")),
                rows, Optional.empty());
    }

    private DashboardTable survey(DashboardScope scope, Locale locale) {
        MapSqlParameterSource params = period(scope);
        long[] count = new long[1];
        double[] average = new double[1];
        jdbc.query("SELECT COUNT(*), AVG(s.rating) FROM case_survey s "
                + (ScopeSql.narrows(scope) ? "JOIN initiative i ON i.id = s.initiative_id " : "")
                + "WHERE s.answered_at >= :periodStart AND s.answered_at < :periodEnd"
                + ScopeSql.filters(scope, params), params, rs -> {
                    count[0] = rs.getLong(1);
                    average[0] = rs.getDouble(2);
                });
        boolean shown = SmallCounts.shown(count[0]);
        Cell averageCell = shown ? new Score(average[0]) : count[0] == 0 ? new Empty() : new Suppressed();
        return new DashboardTable("outcomes-survey", PREFIX + "survey.title", PREFIX + "survey.definition",
                List.of(new Column(PREFIX + "column.measure"), new Column(PREFIX + "column.value")),
                List.of(List.of(new Text(names.text(PREFIX + "survey.answers", locale)), SmallCounts.count(count[0])),
                        List.of(new Text(names.text(PREFIX + "survey.average", locale)), averageCell)),
                Optional.empty());
    }

    private DashboardTable comments(DashboardScope scope, Locale locale) {
        MapSqlParameterSource params = period(scope);
        params.addValue("limit", COMMENTS);
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
        // all teams: the newest answers backwards through ix_case_survey_recent (V63), stopping at the last comment
        // shown; a narrowed scope sorts its period's answers instead, since walking back row by row to find a small
        // team's few comments could cross the whole period (ADR 0057)
        List<List<Cell>> rows = jdbc.query("SELECT i.case_number, s.answered_at, s.comment FROM case_survey s "
                + (ScopeSql.narrows(scope) ? "IGNORE INDEX (ix_case_survey_recent) " : "")
                + "JOIN initiative i ON i.id = s.initiative_id "
                + "WHERE s.answered_at >= :periodStart AND s.answered_at < :periodEnd "
                + "AND s.comment IS NOT NULL AND TRIM(s.comment) <> ''" + ScopeSql.filters(scope, params)
                + " ORDER BY s.answered_at DESC, s.id DESC LIMIT :limit", params, (rs, n) -> {
                    LocalDateTime answered = rs.getTimestamp(2).toLocalDateTime();
                    String day = answered.atOffset(ZoneOffset.UTC).atZoneSameInstant(deadlines.zone()).toLocalDate()
                            .format(dates);
                    return List.<Cell>of(new CaseLink(rs.getString(1)), new Text(day), new Text(rs.getString(3)));
                });
        return new DashboardTable("outcomes-comments", PREFIX + "comments.title", PREFIX + "comments.definition",
                List.of(new Column(PREFIX + "column.case"), new Column(PREFIX + "column.answered"),
                        new Column(PREFIX + "column.comment")),
                rows, Optional.empty());
    }

    private MapSqlParameterSource period(DashboardScope scope) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        ScopeSql.period(scope, deadlines.zone(), params);
        return params;
    }
}
