package dk.initiativ.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
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
import org.springframework.transaction.annotation.Transactional;

/**
 * The whole case's lead time from submission to closure on each case's flow record
 * ({@code dashboard_flow_case.lead_days}) and the per-day counts of closed cases per whole working day of it
 * ({@code dashboard_lead_day}, V54, ADR 0049) stay equal to a recount from the case rows with {@link WorkingTime}
 * (bit for bit) after a realistic sequence: closures of several lengths (some over Easter 2012), one closed just after
 * local midnight (its local day is not its UTC day), one reopened and closed again later, one moved to another team
 * through the case service; V55's rebuild gives the same; and section 20's whole-case row is the same from the counts
 * (one team, the other, both, all teams) as from the case rows (the same cases through their topic). The same for the
 * per-day counts of closed cases by outcome, topic and district ({@code dashboard_outcome_day}, V56): equal to a
 * recount from the case rows after each step, V57's rebuild gives the same, and section 60's tables are the same from
 * the counts as from the rows; and for the submissions by the submitter's age band and home district
 * ({@code dashboard_engagement_day}, V56) and section 70. Rolled back.
 */
@LocalModeTest
@Transactional
class DashboardLeadOutcomeEngagementDaysTest {

    private static final ZoneId CPH = ZoneId.of("Europe/Copenhagen");
    private static final String TOPIC = "dash7-leads";
    private static final String T1 = "dash7-t1";
    private static final String T2 = "dash7-t2";
    private static final LocalDate FROM = LocalDate.of(2012, 3, 1);
    private static final LocalDate TO = LocalDate.of(2012, 5, 31);

    @Autowired JdbcTemplate jdbc;
    @Autowired CaseTimelineProjection projection;
    @Autowired LeadTimesSection leadTimes;
    @Autowired OutcomesSection outcomes;
    @Autowired EngagementSection engagement;
    @Autowired WorkingTime workingTime;
    @Autowired Cases cases;

    private int number;

    @Test
    void theLeadTimesAndTheirCountsEqualARecountAndTheSectionGivesTheSameFigures() throws Exception {
        // eleven cases of team 1 closed after 1 to 40 working days (several whole-day buckets, Easter 2012 crossed)
        String[] closures = {"2012-03-06T11:00", "2012-03-08T15:30", "2012-03-13T09:00", "2012-03-20T16:00",
            "2012-03-30T10:00", "2012-04-04T14:00", "2012-04-10T10:00", "2012-04-12T13:00", "2012-04-20T09:00",
            "2012-05-02T12:00", "2012-05-11T08:00"};
        for (String at : closures) {
            long c = initiative("2012-03-05T10:00", T1);
            events(c, "SUBMITTED 2012-03-05T10:00", "ACCEPTED 2012-03-05T15:00", "CONTACT_PROPOSED 2012-03-05T15:00");
            close(c, at);
        }
        // M (team 1): closed at 00:20 local time on Tue 3 April (2 April 22:20 UTC)
        long m = initiative("2012-03-12T10:00", T1);
        events(m, "SUBMITTED 2012-03-12T10:00", "ACCEPTED 2012-03-13T10:00", "CONTACT_PROPOSED 2012-03-13T10:00");
        close(m, "2012-04-03T00:20");
        // Q (no team): withdrawn, taken back into work, withdrawn again later
        long q = initiative("2012-03-19T10:00", null);
        events(q, "SUBMITTED 2012-03-19T10:00");
        close(q, "2012-03-21T10:00");
        // O (team 2): still open
        long o = initiative("2012-03-19T10:00", T2);
        events(o, "SUBMITTED 2012-03-19T10:00", "ACCEPTED 2012-03-20T10:00", "CONTACT_PROPOSED 2012-03-20T10:00");
        assertThat(leadCount(LocalDate.of(2012, 4, 3), T1)).isEqualTo(1);
        assertThat(leadCount(LocalDate.of(2012, 4, 2), T1)).isZero();
        assertThat(leadCount(LocalDate.of(2012, 3, 21), "")).isEqualTo(1);
        assertThat(leadSummary()).isEqualTo(leadRecount());
        assertThat(outcomeSummary()).isEqualTo(outcomeRecount());
        assertThat(engagementSummary()).isEqualTo(engagementRecount());
        assertThat(storedLeads()).isEqualTo(computedLeads());

        jdbc.update("DELETE FROM case_event WHERE initiative_id = ? AND type = 'WITHDRAWN'", q);
        jdbc.update("UPDATE initiative SET stage = 'SUBMITTED', closed_at = NULL WHERE id = ?", q);
        projection.rebuild(q);
        assertThat(leadCount(LocalDate.of(2012, 3, 21), "")).isZero();
        assertThat(leadSummary()).isEqualTo(leadRecount());
        assertThat(outcomeSummary()).isEqualTo(outcomeRecount());
        assertThat(engagementSummary()).isEqualTo(engagementRecount());
        close(q, "2012-04-24T10:00");
        assertThat(leadCount(LocalDate.of(2012, 4, 24), "")).isEqualTo(1);

        // O moves to team 1 through the case service (the case row's change not yet flushed when the event is
        // handled) and closes there; M, closed, is reassigned to team 2 with an event: its lead time's count goes with it
        String caseNumberO = jdbc.queryForObject("SELECT case_number FROM initiative WHERE id = ?", String.class, o);
        cases.proposeContactPerson(caseNumberO, T1, null, "dash7-test");
        close(o, "2012-05-08T10:00");
        jdbc.update("UPDATE initiative SET team_code = ? WHERE id = ?", T2, m);
        events(m, "CONTACT_REASSIGNED 2012-04-10T10:00");
        assertThat(leadCount(LocalDate.of(2012, 4, 3), T1)).isZero();
        assertThat(leadCount(LocalDate.of(2012, 4, 3), T2)).isEqualTo(1);
        Map<String, Long> afterEvents = leadSummary();
        Map<Long, Double> leadsAfterEvents = storedLeads();
        Map<String, Long> outcomesAfterEvents = outcomeSummary();
        Map<String, Long> engagementAfterEvents = engagementSummary();
        assertThat(engagementAfterEvents).isEqualTo(engagementRecount());
        assertThat(outcomesAfterEvents).isEqualTo(outcomeRecount());
        String districtM = jdbc.queryForObject("SELECT district FROM initiative WHERE id = ?", String.class, m);
        assertThat(outcomeCount(LocalDate.of(2012, 4, 3), T2, "D", districtM)).isEqualTo(1);
        assertThat(outcomeCount(LocalDate.of(2012, 4, 3), T1, "D", districtM)).isZero();
        assertThat(afterEvents).isEqualTo(leadRecount());
        assertThat(leadsAfterEvents).isEqualTo(computedLeads());

        // the backfill (V49's flow records, then V55) gives the same rows and the same lead times
        jdbc.execute((Connection connection) -> {
            DeadlineDays.rebuildFlowAndStays(connection, CPH);
            DeadlineDays.rebuildLeads(connection, workingTime);
            DeadlineDays.rebuildOutcomes(connection, CPH);
            return null;
        });
        assertThat(outcomeSummary()).isEqualTo(outcomesAfterEvents);
        assertThat(engagementSummary()).isEqualTo(engagementAfterEvents);
        assertThat(leadSummary()).isEqualTo(afterEvents);
        assertThat(storedLeads()).isEqualTo(leadsAfterEvents);

        // section 20's whole case from the counts (team scopes, all teams) and from the rows (the same via the topic)
        for (Set<String> teams : List.of(Set.of(T1), Set.of(T2), Set.of(T1, T2), Set.<String>of())) {
            DashboardScope counted = new DashboardScope(FROM, TO, teams, Optional.empty(), Optional.empty());
            DashboardScope rows = new DashboardScope(FROM, TO, teams, Optional.of(TOPIC), Optional.empty());
            assertThat(wholeCase(counted)).isEqualTo(wholeCase(rows));
            for (int table = 0; table < 3; table++) {
                List<List<String>> fromCounts = texts(outcomes.tables(counted, Locale.ENGLISH).get(table));
                List<List<String>> fromRows = texts(outcomes.tables(rows, Locale.ENGLISH).get(table));
                if (table == 1) {
                    // by topic: the rows' scope holds only the test's topic; the counts' also other topics (zero)
                    fromCounts = fromCounts.stream().filter(row -> fromRows.stream()
                            .anyMatch(other -> other.get(0).equals(row.get(0)))).toList();
                }
                assertThat(fromCounts).isEqualTo(fromRows);
            }
            assertThat(engagement.submissions(counted)).isEqualTo(engagement.submissions(rows));
            for (int table = 0; table < 3; table++) {
                assertThat(texts(engagement.tables(counted, Locale.ENGLISH).get(table)))
                        .isEqualTo(texts(engagement.tables(rows, Locale.ENGLISH).get(table)));
            }
        }
        DashboardScope team1 = new DashboardScope(FROM, TO, Set.of(T1), Optional.empty(), Optional.empty());
        assertThat(wholeCase(team1).get(1)).isEqualTo("12");
        assertThat(jdbc.queryForObject("SELECT team_code FROM initiative WHERE id = ?", String.class, o)).isEqualTo(T1);
        // twelve closures in team 1: the eleven from Mon 5 March 10:00 (1.04 to 40.4 working days) and O's 32.0 (Mon 19
        // March 10:00 to Tue 8 May 10:00, Store Bededag 4 May not counted). The median lies between the 6th, 4 April
        // 14:00 (14/24 + 21 whole working days + 14/24 = 22.17), and the 7th, 10 April 10:00 (14/24 + 22 + 10/24 =
        // 23.0: Maundy Thursday, Good Friday and Easter Monday not counted); the p90 is the 11th, 2 May 12:00 (14/24 +
        // 38 + 12/24 = 39.08)
        assertThat(wholeCase(team1).subList(2, 4)).containsExactly("22.6", "39.1");
    }

    private List<String> wholeCase(DashboardScope scope) {
        List<List<String>> rows = texts(leadTimes.tables(scope, Locale.ENGLISH).get(0));
        return rows.get(rows.size() - 1);
    }

    /** The counts of one key, summed over the slots. */
    private long leadCount(LocalDate day, String team) {
        DeadlineDays.flush(); // the test's transaction never commits: its gathered changes written now
        return jdbc.queryForObject("SELECT COALESCE(SUM(cases), 0) FROM dashboard_lead_day WHERE closed_day = ?"
                + " AND team_key = ?", Long.class, day, team);
    }

    /** The stored counts of 2012 (zeros left out). */
    private Map<String, Long> leadSummary() {
        DeadlineDays.flush();
        Map<String, Long> rows = new TreeMap<>();
        jdbc.query("SELECT closed_day, whole_days, team_key, SUM(cases) AS n FROM dashboard_lead_day"
                + " WHERE YEAR(closed_day) = 2012 GROUP BY closed_day, whole_days, team_key HAVING n <> 0", rs -> {
                    rows.put(rs.getString(1) + " " + rs.getInt(2) + " " + rs.getString(3), rs.getLong(4));
                });
        return rows;
    }

    /** The same from the case rows: under the case's team now and under every team ('*'). */
    private Map<String, Long> leadRecount() {
        Map<String, Long> rows = new TreeMap<>();
        jdbc.query("SELECT submitted_at, closed_at, team_code FROM initiative"
                + " WHERE closed_at BETWEEN '2011-12-30' AND '2013-01-02'", rs -> {
                    LocalDateTime closed = rs.getObject(2, LocalDateTime.class);
                    LocalDate day = local(closed);
                    if (day.getYear() != 2012) {
                        return;
                    }
                    double lead = workingTime.between(utc(rs.getObject(1, LocalDateTime.class)), utc(closed));
                    String team = rs.getString(3) == null ? "" : rs.getString(3);
                    for (String key : List.of(team, DeadlineDays.ALL_TEAMS)) {
                        rows.merge(day + " " + (int) Math.floor(lead) + " " + key, 1L, Long::sum);
                    }
                });
        return rows;
    }

    /** The outcome counts of one key, summed over the slots. */
    private long outcomeCount(LocalDate day, String team, String dimension, String code) {
        DeadlineDays.flush();
        return jdbc.queryForObject("SELECT COALESCE(SUM(cases), 0) FROM dashboard_outcome_day WHERE closed_day = ?"
                + " AND team_key = ? AND dimension = ? AND code = ?", Long.class, day, team, dimension, code);
    }

    /** The stored outcome counts of 2012 (zeros left out). */
    private Map<String, Long> outcomeSummary() {
        DeadlineDays.flush();
        Map<String, Long> rows = new TreeMap<>();
        jdbc.query("SELECT closed_day, team_key, dimension, code, SUM(cases) AS n FROM dashboard_outcome_day"
                + " WHERE YEAR(closed_day) = 2012 GROUP BY closed_day, team_key, dimension, code HAVING n <> 0", rs -> {
                    rows.put(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4),
                            rs.getLong(5));
                });
        return rows;
    }

    /** The same from the case rows: each case closed now under its team and every team, per outcome, topic, district. */
    private Map<String, Long> outcomeRecount() {
        Map<String, Long> rows = new TreeMap<>();
        jdbc.query("SELECT closed_at, team_code, outcome, topic, district FROM initiative WHERE stage = 'CLOSED'"
                + " AND closed_at BETWEEN '2011-12-30' AND '2013-01-02'", rs -> {
                    LocalDate day = local(rs.getObject(1, LocalDateTime.class));
                    if (day.getYear() != 2012) {
                        return;
                    }
                    String team = rs.getString(2) == null ? "" : rs.getString(2);
                    String outcome = rs.getString(3) == null ? "" : rs.getString(3);
                    for (String key : List.of(team, DeadlineDays.ALL_TEAMS)) {
                        rows.merge(day + " " + key + " O " + outcome, 1L, Long::sum);
                        rows.merge(day + " " + key + " T " + rs.getString(4), 1L, Long::sum);
                        rows.merge(day + " " + key + " D " + rs.getString(5), 1L, Long::sum);
                    }
                });
        return rows;
    }

    /** The stored engagement counts of 2012 (zeros left out). */
    private Map<String, Long> engagementSummary() {
        DeadlineDays.flush();
        Map<String, Long> rows = new TreeMap<>();
        jdbc.query("SELECT day, team_key, age_band, district, SUM(submissions) AS n FROM dashboard_engagement_day"
                + " WHERE YEAR(day) = 2012 GROUP BY day, team_key, age_band, district HAVING n <> 0", rs -> {
                    rows.put(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4),
                            rs.getLong(5));
                });
        return rows;
    }

    /** The same from the case rows: each submission under its case's team now and every team, per answers. */
    private Map<String, Long> engagementRecount() {
        Map<String, Long> rows = new TreeMap<>();
        jdbc.query("SELECT submitted_at, team_code, profile_age_band, profile_district FROM initiative"
                + " WHERE submitted_at BETWEEN '2011-12-30' AND '2013-01-02'", rs -> {
                    LocalDate day = local(rs.getObject(1, LocalDateTime.class));
                    if (day.getYear() != 2012) {
                        return;
                    }
                    String team = rs.getString(2) == null ? "" : rs.getString(2);
                    String band = rs.getString(3) == null ? "" : rs.getString(3);
                    String home = rs.getString(4) == null ? "" : rs.getString(4);
                    for (String key : List.of(team, DeadlineDays.ALL_TEAMS)) {
                        rows.merge(day + " " + key + " " + band + " " + home, 1L, Long::sum);
                    }
                });
        return rows;
    }

    /** The lead times stored on the test's cases' flow records (null while open). */
    private Map<Long, Double> storedLeads() {
        Map<Long, Double> leads = new HashMap<>();
        jdbc.query("SELECT f.initiative_id, f.lead_days, f.lead_whole FROM dashboard_flow_case f JOIN initiative i"
                + " ON i.id = f.initiative_id WHERE i.topic = ?", rs -> {
                    double lead = rs.getDouble(2);
                    boolean open = rs.wasNull();
                    if (!open) {
                        assertThat(rs.getInt(3)).isEqualTo((int) Math.floor(lead));
                    }
                    leads.put(rs.getLong(1), open ? null : lead);
                }, TOPIC);
        return leads;
    }

    /** The same computed from the case rows as section 20 did per request (exactly the same doubles). */
    private Map<Long, Double> computedLeads() {
        Map<Long, Double> leads = new HashMap<>();
        jdbc.query("SELECT id, submitted_at, closed_at FROM initiative WHERE topic = ?", rs -> {
            LocalDateTime closed = rs.getObject(3, LocalDateTime.class);
            leads.put(rs.getLong(1), closed == null ? null
                    : workingTime.between(utc(rs.getObject(2, LocalDateTime.class)), utc(closed)));
        }, TOPIC);
        return leads;
    }

    /** The submitters' voluntary answers, some not given (null). */
    private static final String[] AGE_BANDS = {"FROM_30_TO_49", null, "FROM_18_TO_29", "FROM_30_TO_49", "FROM_50_TO_66"};
    private static final String[] HOME_DISTRICTS = {"holbaek-by", "tuse", null};

    private long initiative(String submittedAt, String team) {
        String caseNumber = "DASH7-" + (++number);
        jdbc.update("INSERT INTO initiative (case_number, title, description, topic, district, contact_name,"
                + " contact_email, language, stage, submitted_at, team_code, profile_age_band, profile_district)"
                + " VALUES (?, 'Fixture', 'Fixture', ?, 'holbaek-by', 'Fixture', NULL, 'da', 'SUBMITTED', ?, ?, ?, ?)",
                caseNumber, TOPIC, wall(submittedAt), team, AGE_BANDS[number % AGE_BANDS.length],
                HOME_DISTRICTS[number % HOME_DISTRICTS.length]);
        return jdbc.queryForObject("SELECT id FROM initiative WHERE case_number = ?", Long.class, caseNumber);
    }

    /** The case row closed with the event, as the case service does it. */
    private void close(long id, String at) {
        // every other case with an outcome and in another district (a case without an outcome is counted as such)
        jdbc.update("UPDATE initiative SET stage = 'CLOSED', closed_at = ?, outcome = ?, district = ? WHERE id = ?",
                wall(at), id % 2 == 0 ? "REALISED" : null, id % 3 == 0 ? "tuse" : "holbaek-by", id);
        events(id, "WITHDRAWN " + at);
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

    private static java.time.Instant utc(LocalDateTime time) {
        return time.toInstant(ZoneOffset.UTC);
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
