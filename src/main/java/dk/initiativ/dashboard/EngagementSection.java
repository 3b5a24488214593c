package dk.initiativ.dashboard;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dk.initiativ.dashboard.DashboardTable.Cell;
import dk.initiativ.dashboard.DashboardTable.Chart;
import dk.initiativ.dashboard.DashboardTable.Column;
import dk.initiativ.dashboard.DashboardTable.Count;
import dk.initiativ.dashboard.DashboardTable.Empty;
import dk.initiativ.dashboard.DashboardTable.Rate;
import dk.initiativ.dashboard.DashboardTable.Score;
import dk.initiativ.dashboard.DashboardTable.Share;
import dk.initiativ.dashboard.DashboardTable.Suppressed;
import dk.initiativ.dashboard.DashboardTable.Text;
import dk.initiativ.initiative.AgeBand;
import dk.initiativ.process.DeadlineProperties;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Section 70, who engages (representativeness): the initiatives submitted in the period (narrowed by team, topic
 * and district like every section) by the submitters' voluntary answers, age band and home district, against the
 * municipality's population of the latest year in the {@code population} table (V23). Per group: initiatives, rate
 * per 10,000 inhabitants, share of the submitters who answered against the group's population share; the
 * representativeness score (lowest group rate / highest); the shares who did not answer. Counts under 5 and
 * everything derived from them are suppressed (ADR 0026). Two SQL statements: one grouped count, one population
 * read. Without a topic or district filter the count sums per-day counts ({@code dashboard_engagement_day}, ADR 0049).
 */
@Component
class EngagementSection implements DashboardSection {

    static final String PREFIX = "dashboard.engagement.";

    private final NamedParameterJdbcTemplate jdbc;
    private final Names names;
    private final DeadlineProperties deadlines;

    EngagementSection(NamedParameterJdbcTemplate jdbc, Names names, DeadlineProperties deadlines) {
        this.jdbc = jdbc;
        this.names = names;
        this.deadlines = deadlines;
    }

    @Override
    public int order() {
        return 70;
    }

    /** Submissions per (age band, home district); null = not answered. */
    record Submissions(Map<String, Long> byAgeBand, Map<String, Long> byDistrict, long noAgeBand, long noDistrict,
            long neither, long total) {
    }

    /** The population of the latest year: per age band, per district, the total, the source(s) and the year. */
    record Population(Map<String, Long> byAgeBand, Map<String, Long> byDistrict, long total, String source,
            Integer year) {
    }

    /** One group's row before formatting. */
    private record Group(String label, long count, Long inhabitants) {
    }

    @Override
    @Transactional(readOnly = true)
    public List<DashboardTable> tables(DashboardScope scope, Locale locale) {
        Submissions submissions = submissions(scope);
        Population population = population();
        Map<String, String> districtNames = names.districts(locale);

        List<Group> ageGroups = new ArrayList<>();
        for (AgeBand band : AgeBand.values()) {
            ageGroups.add(new Group(names.text("form.ageBand." + band.name(), locale),
                    submissions.byAgeBand().getOrDefault(band.name(), 0L), population.byAgeBand().get(band.name())));
        }
        List<Group> districtGroups = new ArrayList<>();
        Map<String, Long> districtCodes = new LinkedHashMap<>();
        districtNames.keySet().stream()
                .filter(code -> population.byDistrict().containsKey(code) || submissions.byDistrict().containsKey(code))
                .forEach(code -> districtCodes.put(code, 0L));
        submissions.byDistrict().keySet().forEach(code -> districtCodes.putIfAbsent(code, 0L));
        for (String code : districtCodes.keySet()) {
            districtGroups.add(new Group(districtNames.getOrDefault(code, code),
                    submissions.byDistrict().getOrDefault(code, 0L), population.byDistrict().get(code)));
        }

        GroupTable ages = groupTable("engagement-age-bands", "ageBands", ageGroups, submissions.noAgeBand(),
                submissions.total(), population, locale);
        GroupTable districts = groupTable("engagement-districts", "districts", districtGroups,
                submissions.noDistrict(), submissions.total(), population, locale);

        List<List<Cell>> summary = new ArrayList<>();
        summary.add(List.of(text("score.ageBands", locale), ages.score()));
        summary.add(List.of(text("score.districts", locale), districts.score()));
        summary.add(List.of(text("notAnswered.ageBand", locale),
                notAnsweredShare(ages.notAnsweredShown(), submissions.noAgeBand(), submissions.total())));
        summary.add(List.of(text("notAnswered.district", locale),
                notAnsweredShare(districts.notAnsweredShown(), submissions.noDistrict(), submissions.total())));
        summary.add(List.of(text("notAnswered.both", locale), notAnsweredShare(SmallCounts.shown(submissions.neither()),
                submissions.neither(), submissions.total())));
        summary.add(List.of(text("population.source", locale), population.year() == null
                ? new Empty() : new Text(names.text(PREFIX + "population.sourceValue", locale, population.source(),
                        String.valueOf(population.year())))));
        DashboardTable summaryTable = new DashboardTable("engagement-summary", PREFIX + "summary.title",
                PREFIX + "summary.definition",
                List.of(new Column(PREFIX + "column.measure"), new Column(PREFIX + "column.value")), summary,
                Optional.empty());
        return List.of(summaryTable, ages.table(), districts.table());
    }

    private record GroupTable(DashboardTable table, Cell score, boolean notAnsweredShown) {
    }

    /**
     * The rows of one question's groups, the "not answered" row and the total. A group's rate and share are shown
     * only with its count. The shares are of the submitters who answered, unless the number who did not answer is
     * suppressed: then of all submitters, so that no shown figure gives the hidden number away. The score needs
     * every group with population figures shown (its lowest or highest rate would otherwise give a hidden count away).
     */
    private GroupTable groupTable(String id, String key, List<Group> groups, long notAnswered, long total,
            Population population, Locale locale) {
        List<Long> parts = new ArrayList<>(groups.stream().map(Group::count).toList());
        parts.add(notAnswered);
        boolean totalShown = SmallCounts.shown(total);
        List<Boolean> shown = totalShown ? SmallCounts.shownParts(parts) : parts.stream().map(p -> false).toList();
        boolean notAnsweredShown = shown.get(groups.size());
        long shareBase = notAnsweredShown ? total - notAnswered : total;

        List<List<Cell>> rows = new ArrayList<>();
        double lowest = Double.POSITIVE_INFINITY;
        double highest = 0;
        boolean scoreable = totalShown && population.total() > 0;
        for (int i = 0; i < groups.size(); i++) {
            Group group = groups.get(i);
            boolean visible = shown.get(i);
            boolean hasPopulation = group.inhabitants() != null && group.inhabitants() > 0;
            Cell rate = new Empty();
            if (hasPopulation) {
                double value = group.count() * 10_000.0 / group.inhabitants();
                rate = visible ? new Rate(value) : new Suppressed();
                if (visible) {
                    lowest = Math.min(lowest, value);
                    highest = Math.max(highest, value);
                }
                else {
                    scoreable = false;
                }
            }
            rows.add(List.of(new Text(group.label()), visible ? new Count(group.count()) : new Suppressed(), rate,
                    !visible ? new Suppressed() : shareBase > 0 ? new Share((double) group.count() / shareBase) : new Empty(),
                    hasPopulation && population.total() > 0
                            ? new Share((double) group.inhabitants() / population.total()) : new Empty()));
        }
        rows.add(List.of(text("notAnswered", locale), notAnsweredShown ? new Count(notAnswered) : new Suppressed(),
                new Empty(), new Empty(), new Empty()));
        rows.add(List.of(text("total", locale), totalShown ? new Count(total) : new Suppressed(),
                totalShown && population.total() > 0 ? new Rate(total * 10_000.0 / population.total()) : new Empty(),
                new Empty(), population.total() > 0 ? new Share(1.0) : new Empty()));
        Cell score = scoreable && highest > 0 ? new Score(lowest / highest) : new Empty();
        DashboardTable table = new DashboardTable(id, PREFIX + key + ".title", PREFIX + key + ".definition",
                List.of(new Column(PREFIX + "column." + key), new Column(PREFIX + "column.initiatives"),
                        new Column(PREFIX + "column.rate"), new Column(PREFIX + "column.share"),
                        new Column(PREFIX + "column.populationShare")),
                rows, Optional.of(new Chart(Chart.Kind.BAR, 0, List.of(2))));
        return new GroupTable(table, score, notAnsweredShown);
    }

    private static Cell notAnsweredShare(boolean shown, long count, long total) {
        if (!SmallCounts.shown(total)) {
            return new Suppressed();
        }
        return shown ? new Share((double) count / total) : new Suppressed();
    }

    private Text text(String key, Locale locale) {
        return new Text(names.text(PREFIX + key, locale));
    }

    Submissions submissions(DashboardScope scope) {
        MapSqlParameterSource params = period(scope);
        String sql = "SELECT i.profile_age_band, i.profile_district, COUNT(*) FROM initiative i "
                + "WHERE i.submitted_at >= :periodStart AND i.submitted_at < :periodEnd"
                + ScopeSql.filters(scope, params) + " GROUP BY i.profile_age_band, i.profile_district";
        if (scope.topic().isEmpty() && scope.district().isEmpty()) {
            // per-day counts per team and for all teams ('*'), kept by the projection (ADR 0049); '' is not answered
            DeadlineDays.flush();
            params = new MapSqlParameterSource().addValue("firstDay", scope.from()).addValue("lastDay", scope.to())
                    .addValue("teamKeys", scope.allTeams() ? List.of(DeadlineDays.ALL_TEAMS) : scope.teamCodes());
            sql = "SELECT NULLIF(age_band, ''), NULLIF(district, ''), SUM(submissions) FROM dashboard_engagement_day"
                    + " WHERE team_key IN (:teamKeys) AND day >= :firstDay AND day <= :lastDay"
                    + " GROUP BY age_band, district HAVING SUM(submissions) <> 0";
        }
        Map<String, Long> byAgeBand = new HashMap<>();
        Map<String, Long> byDistrict = new HashMap<>();
        long[] sums = new long[4]; // no age band, no district, neither, total
        jdbc.query(sql, params, rs -> {
            String band = rs.getString(1);
            String district = rs.getString(2);
            long count = rs.getLong(3);
            if (band == null) {
                sums[0] += count;
            }
            else {
                byAgeBand.merge(band, count, Long::sum);
            }
            if (district == null || district.isBlank()) {
                sums[1] += count;
            }
            else {
                byDistrict.merge(district, count, Long::sum);
            }
            if (band == null && (district == null || district.isBlank())) {
                sums[2] += count;
            }
            sums[3] += count;
        });
        return new Submissions(byAgeBand, byDistrict, sums[0], sums[1], sums[2], sums[3]);
    }

    Population population() {
        Map<String, Long> byAgeBand = new HashMap<>();
        Map<String, Long> byDistrict = new HashMap<>();
        List<String> sources = new ArrayList<>();
        Integer[] year = new Integer[1];
        long[] total = new long[1];
        jdbc.query("SELECT district_code, age_band, inhabitants, source, year FROM population "
                + "WHERE year = (SELECT MAX(year) FROM population) ORDER BY district_code, age_band",
                new MapSqlParameterSource(), rs -> {
                    long inhabitants = rs.getLong(3);
                    byDistrict.merge(rs.getString(1), inhabitants, Long::sum);
                    byAgeBand.merge(rs.getString(2), inhabitants, Long::sum);
                    total[0] += inhabitants;
                    if (!sources.contains(rs.getString(4))) {
                        sources.add(rs.getString(4));
                    }
                    year[0] = rs.getInt(5);
                });
        return new Population(byAgeBand, byDistrict, total[0], String.join("; ", sources), year[0]);
    }

    private MapSqlParameterSource period(DashboardScope scope) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        ScopeSql.period(scope, deadlines.zone(), params);
        return params;
    }
}
