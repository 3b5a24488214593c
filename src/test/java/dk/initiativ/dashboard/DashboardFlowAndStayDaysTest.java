package dk.initiativ.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import dk.initiativ.initiative.Cases;
import dk.initiativ.support.LocalModeTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.transaction.annotation.Transactional;

/**
 * The per-day counts of cases entered and left ({@code dashboard_flow_day}) and of stays per bucket of working days
 * ({@code dashboard_stay_day}) (V48, ADR 0044) stay equal to a recount from the case rows and the stays after a
 * realistic sequence of events: cases submitted, screened, matched and closed, one submitted just after local midnight
 * (its local day is not its UTC day), one withdrawn, taken back into work and withdrawn again, and one moved to
 * another team through the case service (the case row's change is a JPA change not yet flushed when the event is
 * handled). Sections 10 and 20 give the same figures from the counts (team and all-teams scopes) as from the rows
 * (the same cases through their topic). Rolled back.
 */
@LocalModeTest
@Transactional
class DashboardFlowAndStayDaysTest {

    private static final ZoneId CPH = ZoneId.of("Europe/Copenhagen");
    private static final String TOPIC = "dash6-days";
    private static final String T1 = "dash6-t1";
    private static final String T2 = "dash6-t2";
    private static final LocalDate FROM = LocalDate.of(2013, 3, 1);
    private static final LocalDate TO = LocalDate.of(2013, 4, 30);

    @Autowired JdbcTemplate jdbc;
    @Autowired CaseTimelineProjection projection;
    @Autowired FlowSection flow;
    @Autowired LeadTimesSection leadTimes;
    @Autowired Cases cases;

    private int number;

    @Test
    void theStaysBucketsFollowTheirWorkingDaysInOrder() {
        long id = initiative("2013-02-04T10:00", "CLOSED", null);
        String[] values = {"0.000", "0.249", "0.250", "1.999", "9.749", "9.750", "9.999", "10.000", "29.999", "30.000",
            "34.999", "35.000", "123.456"};
        int seq = 0;
        for (String value : values) {
            jdbc.update("INSERT INTO case_stage_visit (initiative_id, seq, stage, entered_at, left_at, working_days)"
                    + " VALUES (?, ?, 'AGREED', '2013-02-04 10:00:00', '2013-02-05 10:00:00', ?)", id, ++seq,
                    new BigDecimal(value));
        }
        List<Integer> stored = jdbc.queryForList("SELECT bucket FROM case_stage_visit WHERE initiative_id = ?"
                + " ORDER BY working_days", Integer.class, id);
        assertThat(stored).containsExactly(0, 0, 1, 7, 38, 39, 39, 40, 59, 60, 60, 61, 78);
        assertThat(stored).isSorted();
        for (int i = 0; i < values.length; i++) {
            assertThat(bucket(new BigDecimal(values[i]))).as(values[i]).isEqualTo(stored.get(i));
        }
    }

    @Test
    void theCountsEqualARecountFromTheRowsAndTheSectionsGiveTheSameFigures() throws Exception {
        // P (team 1): the whole journey, closed Fri 22 March
        long p = initiative("2013-03-04T10:00", "ACCEPTED", T1);
        events(p, "SUBMITTED 2013-03-04T10:00", "ACCEPTED 2013-03-05T16:00", "CONTACT_PROPOSED 2013-03-05T16:00",
                "CONTACT_ASSIGNED 2013-03-07T09:00", "AGREEMENT_RECORDED 2013-03-12T10:00");
        close(p, "2013-03-22T10:00", "CLOSED");
        // R (team 1): submitted at 00:30 local time on Tue 5 March (4 March 23:30 UTC), screened on the 8th
        long r = initiative("2013-03-05T00:30", "ACCEPTED", T1);
        events(r, "SUBMITTED 2013-03-05T00:30", "ACCEPTED 2013-03-08T10:00");
        // screenings of 0.3 to 9.3 working days in team 1 (several buckets; an even count per stage)
        String[] accepted = {"2013-03-11T13:00", "2013-03-12T10:00", "2013-03-12T15:00", "2013-03-13T11:00",
            "2013-03-14T16:00", "2013-03-15T10:00", "2013-03-19T09:00", "2013-03-21T15:00", "2013-03-22T12:00"};
        for (String at : accepted) {
            long s = initiative("2013-03-11T10:00", "ACCEPTED", T1);
            events(s, "SUBMITTED 2013-03-11T10:00", "ACCEPTED " + at);
        }
        // Q (no team): withdrawn the day after
        long q = initiative("2013-03-25T10:00", "SUBMITTED", null);
        events(q, "SUBMITTED 2013-03-25T10:00");
        close(q, "2013-03-26T10:00", "WITHDRAWN");
        assertThat(flowCount(LocalDate.of(2013, 3, 5), T1)).containsExactly(1L, 0L);
        assertThat(flowCount(LocalDate.of(2013, 3, 4), T1)).containsExactly(1L, 0L);
        assertThat(flowCount(LocalDate.of(2013, 3, 26), "")).containsExactly(0L, 1L);
        assertThat(flowSummary()).isEqualTo(flowRecount());
        assertThat(staySummary()).isEqualTo(stayRecount());

        // Q taken back into work (the withdrawal undone) ...
        jdbc.update("DELETE FROM case_event WHERE initiative_id = ? AND type = 'WITHDRAWN'", q);
        jdbc.update("UPDATE initiative SET stage = 'SUBMITTED', closed_at = NULL WHERE id = ?", q);
        projection.rebuild(q);
        assertThat(flowCount(LocalDate.of(2013, 3, 26), "")).containsExactly(0L, 0L);
        assertThat(flowSummary()).isEqualTo(flowRecount());
        assertThat(staySummary()).isEqualTo(stayRecount());
        // ... and withdrawn again on 2 April
        close(q, "2013-04-02T10:00", "WITHDRAWN");
        assertThat(flowCount(LocalDate.of(2013, 4, 2), "")).containsExactly(0L, 1L);

        // R moves to team 2 through the case service: its entry and its stays go with it
        String caseNumberR = jdbc.queryForObject("SELECT case_number FROM initiative WHERE id = ?", String.class, r);
        cases.proposeContactPerson(caseNumberR, T2, null, "dash6-test");
        assertThat(flowCount(LocalDate.of(2013, 3, 5), T1)).containsExactly(0L, 0L);
        assertThat(flowCount(LocalDate.of(2013, 3, 5), T2)).containsExactly(1L, 0L);
        assertThat(jdbc.queryForList("SELECT DISTINCT team_code FROM case_stage_visit WHERE initiative_id = ?",
                String.class, r)).containsExactly(T2);
        Map<String, List<Long>> flowAfterEvents = flowSummary();
        Map<String, Long> staysAfterEvents = staySummary();
        assertThat(flowAfterEvents).isEqualTo(flowRecount());
        assertThat(staysAfterEvents).isEqualTo(stayRecount());

        // the backfill's set-based count (V49) gives the same rows
        jdbc.execute((Connection connection) -> {
            DeadlineDays.rebuildFlowAndStays(connection, CPH);
            return null;
        });
        assertThat(flowSummary()).isEqualTo(flowAfterEvents);
        assertThat(staySummary()).isEqualTo(staysAfterEvents);
        // and V58's all-teams rows, summed from the teams' rows, too
        jdbc.execute((Connection connection) -> {
            ScriptUtils.executeSqlScript(connection, DashboardDeadlineDaysTest.V58);
            return null;
        });
        assertThat(flowSummary()).isEqualTo(flowAfterEvents);

        // sections 10 and 20 from the counts (team scopes, all teams) and from the rows (the same through the topic)
        for (Set<String> teams : List.of(Set.of(T1), Set.of(T2), Set.of(T1, T2), Set.<String>of())) {
            DashboardScope counted = new DashboardScope(FROM, TO, teams, Optional.empty(), Optional.empty());
            DashboardScope rows = new DashboardScope(FROM, TO, teams, Optional.of(TOPIC), Optional.empty());
            assertThat(texts(flow.tables(counted, Locale.ENGLISH).get(1)))
                    .isEqualTo(texts(flow.tables(rows, Locale.ENGLISH).get(1)));
            assertThat(texts(leadTimes.tables(counted, Locale.ENGLISH).get(0)))
                    .isEqualTo(texts(leadTimes.tables(rows, Locale.ENGLISH).get(0)));
        }
        DashboardScope team1 = new DashboardScope(FROM, TO, Set.of(T1), Optional.empty(), Optional.empty());
        List<List<String>> weeks = texts(flow.tables(team1, Locale.ENGLISH).get(1));
        // week 10 (4-10 March): P (R has moved); week 11: the nine screened cases; week 12: P closed
        assertThat(weeks.get(0)).containsExactly("Week 9 2013", "0", "0");
        assertThat(weeks.get(1)).containsExactly("Week 10 2013", "1", "0");
        assertThat(weeks.get(2)).containsExactly("Week 11 2013", "9", "0");
        assertThat(weeks.get(3)).containsExactly("Week 12 2013", "0", "1");
        // ten screenings in team 1 (P's 1.25 and the nine): the median between the 5th and 6th, p90 the 9th
        List<String> screening = texts(leadTimes.tables(team1, Locale.ENGLISH).get(0)).get(0);
        assertThat(screening.get(1)).isEqualTo("10");
    }

    /** The flow counts of one key: entered, left. */
    private List<Long> flowCount(LocalDate day, String team) {
        DeadlineDays.flush(); // the test's transaction never commits: its gathered changes written now
        // a key's counts are spread over the slots (V53): summed
        return jdbc.queryForObject("SELECT COALESCE(SUM(entered), 0), COALESCE(SUM(left_count), 0)"
                + " FROM dashboard_flow_day WHERE day = ? AND team_key = ?",
                (rs, n) -> List.of(rs.getLong(1), rs.getLong(2)), day, team);
    }

    /** The stored flow counts of 2013 and of the test's teams (rows of zeros left out). */
    private Map<String, List<Long>> flowSummary() {
        DeadlineDays.flush();
        Map<String, List<Long>> rows = new TreeMap<>();
        jdbc.query("SELECT day, team_key, SUM(entered) AS e, SUM(left_count) AS l FROM dashboard_flow_day"
                + " WHERE (YEAR(day) = 2013 OR team_key IN (?, ?)) GROUP BY day, team_key HAVING e <> 0 OR l <> 0", rs -> {
                    rows.put(rs.getString(1) + " " + rs.getString(2), List.of(rs.getLong(3), rs.getLong(4)));
                }, T1, T2);
        return rows;
    }

    /**
     * The same from the case rows: each case under its team now and (2013) under all teams, on the local days of its
     * submission and closure.
     */
    private Map<String, List<Long>> flowRecount() {
        Map<String, long[]> counts = new TreeMap<>();
        jdbc.query("SELECT submitted_at, closed_at, team_code FROM initiative WHERE submitted_at BETWEEN '2012-12-30'"
                + " AND '2014-01-02' OR closed_at BETWEEN '2012-12-30' AND '2014-01-02' OR team_code IN (?, ?)", rs -> {
                    String team = rs.getString(3) == null ? "" : rs.getString(3);
                    for (int column = 1; column <= 2; column++) {
                        LocalDateTime at = rs.getObject(column, LocalDateTime.class);
                        if (at == null) {
                            continue;
                        }
                        LocalDate day = local(at);
                        if (day.getYear() == 2013 || team.equals(T1) || team.equals(T2)) {
                            counts.computeIfAbsent(day + " " + team, key -> new long[2])[column - 1]++;
                        }
                        // and every case of 2013 under all teams (V58, ADR 0052)
                        if (day.getYear() == 2013) {
                            counts.computeIfAbsent(day + " " + DeadlineDays.ALL_TEAMS, key -> new long[2])[column - 1]++;
                        }
                    }
                }, T1, T2);
        Map<String, List<Long>> rows = new TreeMap<>();
        counts.forEach((key, n) -> rows.put(key, List.of(n[0], n[1])));
        return rows;
    }

    /** The stored counts of stays of 2013 and of the test's teams (zeros left out). */
    private Map<String, Long> staySummary() {
        DeadlineDays.flush();
        Map<String, Long> rows = new TreeMap<>();
        jdbc.query("SELECT left_day, stage, bucket, team_key, SUM(stays) AS n FROM dashboard_stay_day"
                + " WHERE YEAR(left_day) = 2013 GROUP BY left_day, stage, bucket, team_key HAVING n <> 0", rs -> {
                    rows.put(rs.getString(1) + " " + rs.getString(2) + " " + rs.getInt(3) + " " + rs.getString(4),
                            rs.getLong(5));
                });
        return rows;
    }

    /** The same from the stays: under the case's team now and under every team ('*'), per bucket ({@link #bucket}). */
    private Map<String, Long> stayRecount() {
        Map<String, Long> rows = new TreeMap<>();
        jdbc.query("SELECT v.stage, v.left_at, v.working_days, i.team_code FROM case_stage_visit v JOIN initiative i"
                + " ON i.id = v.initiative_id WHERE v.left_at BETWEEN '2012-12-30' AND '2014-01-02'", rs -> {
                    LocalDate day = local(rs.getObject(2, LocalDateTime.class));
                    if (day.getYear() != 2013) {
                        return;
                    }
                    int bucket = bucket(rs.getBigDecimal(3));
                    String team = rs.getString(4) == null ? "" : rs.getString(4);
                    for (String key : List.of(team, DeadlineDays.ALL_TEAMS)) {
                        rows.merge(day + " " + rs.getString(1) + " " + bucket + " " + key, 1L, Long::sum);
                    }
                });
        return rows;
    }

    /**
     * V64's buckets written out again (ADR 0057): quarter working days below 10, whole working days from 10 to 30,
     * five working days from 30 up.
     */
    static int bucket(BigDecimal workingDays) {
        if (workingDays.compareTo(BigDecimal.TEN) < 0) {
            return workingDays.multiply(BigDecimal.valueOf(4)).setScale(0, RoundingMode.FLOOR).intValueExact();
        }
        if (workingDays.compareTo(BigDecimal.valueOf(30)) < 0) {
            return 30 + workingDays.setScale(0, RoundingMode.FLOOR).intValueExact();
        }
        return 54 + workingDays.divide(BigDecimal.valueOf(5)).setScale(0, RoundingMode.FLOOR).intValueExact();
    }

    private long initiative(String submittedAt, String stage, String team) {
        String caseNumber = "DASH6-" + (++number);
        jdbc.update("INSERT INTO initiative (case_number, title, description, topic, district, contact_name,"
                + " contact_email, language, stage, submitted_at, team_code)"
                + " VALUES (?, 'Fixture', 'Fixture', ?, 'holbaek-by', 'Fixture', NULL, 'da', ?, ?, ?)",
                caseNumber, TOPIC, stage, wall(submittedAt), team);
        return jdbc.queryForObject("SELECT id FROM initiative WHERE case_number = ?", Long.class, caseNumber);
    }

    /** The case row closed with the event, as the case service does it. */
    private void close(long id, String at, String event) {
        jdbc.update("UPDATE initiative SET stage = 'CLOSED', closed_at = ? WHERE id = ?", wall(at), id);
        events(id, event + " " + at);
    }

    private void events(long id, String... events) {
        for (String event : events) {
            String[] parts = event.split(" ");
            jdbc.update("INSERT INTO case_event (initiative_id, type, occurred_at, actor, visible_to_citizen)"
                    + " VALUES (?, ?, ?, 'fixture', TRUE)", id, parts[0], wall(parts[1]));
        }
        projection.rebuild(id);
    }

    private static LocalDate local(LocalDateTime utc) {
        return utc.atOffset(ZoneOffset.UTC).atZoneSameInstant(CPH).toLocalDate();
    }

    private static List<List<String>> texts(DashboardTable table) {
        List<List<String>> rows = new ArrayList<>();
        DashboardFormat format = new DashboardFormat(Locale.ENGLISH);
        table.rows().forEach(row -> rows.add(row.stream().map(format::text).toList()));
        return rows;
    }

    private static LocalDateTime wall(String copenhagenTime) {
        return LocalDateTime.ofInstant(LocalDateTime.parse(copenhagenTime).atZone(CPH).toInstant(), ZoneOffset.UTC);
    }
}
