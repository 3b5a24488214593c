package dk.initiativ.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Instant;
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
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

/**
 * The per-day counts of deadlines (V46, ADR 0043) stay equal to a recount from the deadlines and their cases' current
 * teams after a mix of events: deadlines met and breached, a case moved to another team through the case service (the
 * case row's change is a JPA change not yet flushed when the event is handled), a case withdrawn, taken back into
 * work and withdrawn again, and a deadline whose local day is not its UTC day. Section 30 gives the same shares from
 * the counts (a team scope) as from the deadlines themselves (the same cases through a topic filter). Rolled back.
 */
@LocalModeTest
@Transactional
class DashboardDeadlineDaysTest {

    private static final ZoneId CPH = ZoneId.of("Europe/Copenhagen");
    private static final String TOPIC = "dash4-days";
    private static final String T1 = "dash4-t1";
    private static final String T2 = "dash4-t2";
    static final ClassPathResource V58 = new ClassPathResource(
            "db/migration/V58__dashboard_all_teams_deadline_and_flow_days.sql");

    @Autowired JdbcTemplate jdbc;
    @Autowired CaseTimelineProjection projection;
    @Autowired DeadlinesSection deadlines;
    @Autowired Cases cases;

    @Test
    void theCountsEqualARecountFromTheDeadlinesAfterAMixOfEvents() throws Exception {
        // P (team 1): screening and acceptance met (due 10 March), first contact due Wed 16 March 10:00 answered on
        // the 21st: breached; closed
        long p = initiative("P", "2011-03-07T10:00", "ACCEPTED", T1);
        events(p, "SUBMITTED 2011-03-07T10:00", "ACCEPTED 2011-03-08T10:00", "CONTACT_PROPOSED 2011-03-08T10:00",
                "CONTACT_ASSIGNED 2011-03-09T10:00", "AGREEMENT_RECORDED 2011-03-21T10:00", "CLOSED 2011-03-25T10:00");
        // R (team 1): submitted at 00:30 local time, screening due Mon 7 March 00:30 (6 March 23:30 UTC), accepted
        // on the 8th: breached, counted on the local day 7 March
        long r = initiative("R", "2011-03-02T00:30", "ACCEPTED", T1);
        events(r, "SUBMITTED 2011-03-02T00:30", "ACCEPTED 2011-03-08T10:00");
        // Q (no team): screening due Tue 29 March 10:00 (after the change to summer time); withdrawn before: cancelled
        long q = initiative("Q", "2011-03-24T10:00", "CLOSED", null);
        events(q, "SUBMITTED 2011-03-24T10:00", "WITHDRAWN 2011-03-25T10:00");
        assertThat(count(LocalDate.of(2011, 3, 7), "SCREENING", T1)).containsExactly(0L, 1L, 0L);
        assertThat(count(LocalDate.of(2011, 3, 29), "SCREENING", "")).containsExactly(0L, 0L, 0L);
        assertThat(summary()).isEqualTo(recount());

        // Q taken back into work (the withdrawal undone): its screening is open again
        jdbc.update("DELETE FROM case_event WHERE initiative_id = ? AND type = 'WITHDRAWN'", q);
        jdbc.update("UPDATE initiative SET stage = 'SUBMITTED', closed_at = NULL WHERE id = ?", q);
        projection.rebuild(q);
        assertThat(count(LocalDate.of(2011, 3, 29), "SCREENING", "")).containsExactly(0L, 0L, 1L);
        assertThat(summary()).isEqualTo(recount());
        // ... and withdrawn again after the due moment: breached
        events(q, "WITHDRAWN 2011-04-01T10:00");
        assertThat(count(LocalDate.of(2011, 3, 29), "SCREENING", "")).containsExactly(0L, 1L, 0L);

        // R moves to team 2 through the case service: its deadlines' counts go with it
        String caseNumberR = jdbc.queryForObject("SELECT case_number FROM initiative WHERE id = ?", String.class, r);
        cases.proposeContactPerson(caseNumberR, T2, null, "dash4-test");
        assertThat(count(LocalDate.of(2011, 3, 7), "SCREENING", T1)).containsExactly(0L, 0L, 0L);
        assertThat(count(LocalDate.of(2011, 3, 7), "SCREENING", T2)).containsExactly(0L, 1L, 0L);
        assertThat(jdbc.queryForList("SELECT DISTINCT team_code FROM case_deadline WHERE initiative_id = ?",
                String.class, r)).containsExactly(T2);
        Map<String, List<Long>> afterEvents = summary();
        assertThat(afterEvents).isEqualTo(recount());

        // the backfill's set-based count (V47) gives the same rows
        jdbc.execute((Connection connection) -> {
            DeadlineDays.rebuild(connection, CPH);
            return null;
        });
        assertThat(summary()).isEqualTo(afterEvents);
        // and V58's all-teams rows, summed from the teams' rows, too
        jdbc.execute((Connection connection) -> {
            ScriptUtils.executeSqlScript(connection, V58);
            return null;
        });
        assertThat(summary()).isEqualTo(afterEvents);

        // section 30 from the counts (team scope) and from the deadlines (the same cases through their topic)
        Instant now = LocalDateTime.parse("2011-04-20T12:00").atZone(CPH).toInstant();
        for (String team : List.of(T1, T2)) {
            DashboardScope byTeam = new DashboardScope(LocalDate.of(2011, 3, 1), LocalDate.of(2011, 3, 31), Set.of(team),
                    Optional.empty(), Optional.empty());
            DashboardScope byTopic = new DashboardScope(LocalDate.of(2011, 3, 1), LocalDate.of(2011, 3, 31),
                    Set.of(team), Optional.of(TOPIC), Optional.empty());
            assertThat(texts(deadlines.tables(byTeam, Locale.ENGLISH, now).get(0)))
                    .isEqualTo(texts(deadlines.tables(byTopic, Locale.ENGLISH, now).get(0)));
        }
        DashboardScope team1 = new DashboardScope(LocalDate.of(2011, 3, 1), LocalDate.of(2011, 3, 31), Set.of(T1),
                Optional.empty(), Optional.empty());
        List<List<String>> shares = texts(deadlines.tables(team1, Locale.ENGLISH, now).get(0));
        assertThat(shares.get(0).subList(1, 4)).containsExactly("1", "1", "0");
        assertThat(shares.get(1).subList(1, 4)).containsExactly("1", "1", "0");
        assertThat(shares.get(2).subList(1, 4)).containsExactly("1", "0", "1");
        // a period that reaches today: the days before today from the counts, today from the deadlines
        Instant duringR = LocalDateTime.parse("2011-03-07T12:00").atZone(CPH).toInstant();
        DashboardScope team2 = new DashboardScope(LocalDate.of(2011, 3, 1), LocalDate.of(2011, 3, 7), Set.of(T2),
                Optional.empty(), Optional.empty());
        assertThat(texts(deadlines.tables(team2, Locale.ENGLISH, duringR).get(0)).get(0).subList(1, 4))
                .containsExactly("1", "0", "1");
    }

    /** The counts of one key: met, breached, open. */
    private List<Long> count(LocalDate day, String kind, String team) {
        DeadlineDays.flush(); // the test's transaction never commits: its gathered changes written now
        // summed over the key's slots (V52)
        List<List<Long>> rows = jdbc.query("SELECT SUM(met), SUM(breached), SUM(open_count) FROM dashboard_deadline_day"
                + " WHERE due_day = ? AND kind = ? AND team_key = ? HAVING COUNT(*) > 0",
                (rs, n) -> List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3)), day, kind, team);
        return rows.isEmpty() ? List.of(0L, 0L, 0L) : rows.get(0);
    }

    /** The stored counts of 2011 and of the test's teams, summed over the slots (keys of zeros left out). */
    private Map<String, List<Long>> summary() {
        DeadlineDays.flush();
        Map<String, List<Long>> rows = new TreeMap<>();
        jdbc.query("SELECT due_day, kind, team_key, SUM(met), SUM(breached), SUM(open_count) FROM dashboard_deadline_day"
                + " WHERE (due_day BETWEEN '2011-01-01' AND '2011-12-31' OR team_key IN (?, ?))"
                + " GROUP BY due_day, kind, team_key"
                + " HAVING SUM(met) <> 0 OR SUM(breached) <> 0 OR SUM(open_count) <> 0", rs -> {
                    rows.put(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3),
                            List.of(rs.getLong(4), rs.getLong(5), rs.getLong(6)));
                }, T1, T2);
        return rows;
    }

    /**
     * The same counts from the deadlines, each under its case's team now and (2011) under all teams, on the local day
     * of its due moment.
     */
    private Map<String, List<Long>> recount() {
        Map<String, long[]> counts = new TreeMap<>();
        jdbc.query("SELECT d.kind, d.due_at, d.status, i.team_code FROM case_deadline d JOIN initiative i"
                + " ON i.id = d.initiative_id WHERE (d.due_at >= '2010-12-30' AND d.due_at < '2012-01-02')"
                + " OR i.team_code IN (?, ?)", rs -> {
                    LocalDate day = rs.getObject(2, LocalDateTime.class).atOffset(ZoneOffset.UTC)
                            .atZoneSameInstant(CPH).toLocalDate();
                    String team = rs.getString(4) == null ? "" : rs.getString(4);
                    String status = rs.getString(3);
                    if (status.equals("CANCELLED") || !(day.getYear() == 2011 || team.equals(T1) || team.equals(T2))) {
                        return;
                    }
                    int column = status.equals("MET") ? 0 : status.equals("BREACHED") ? 1 : 2;
                    counts.computeIfAbsent(day + " " + rs.getString(1) + " " + team, key -> new long[3])[column]++;
                    // and every deadline of 2011 under all teams (V58, ADR 0052)
                    if (day.getYear() == 2011) {
                        counts.computeIfAbsent(day + " " + rs.getString(1) + " " + DeadlineDays.ALL_TEAMS,
                                key -> new long[3])[column]++;
                    }
                }, T1, T2);
        Map<String, List<Long>> rows = new TreeMap<>();
        counts.forEach((key, n) -> rows.put(key, List.of(n[0], n[1], n[2])));
        return rows;
    }

    private long initiative(String name, String submittedAt, String stage, String team) {
        String caseNumber = "DASH4-" + name;
        jdbc.update("INSERT INTO initiative (case_number, title, description, topic, district, contact_name,"
                + " contact_email, language, stage, submitted_at, team_code)"
                + " VALUES (?, ?, 'Fixture', ?, 'holbaek-by', 'Fixture', NULL, 'da', ?, ?, ?)",
                caseNumber, "Fixture " + name, TOPIC, stage, wall(submittedAt), team);
        return jdbc.queryForObject("SELECT id FROM initiative WHERE case_number = ?", Long.class, caseNumber);
    }

    private void events(long id, String... events) {
        for (String event : events) {
            String[] parts = event.split(" ");
            jdbc.update("INSERT INTO case_event (initiative_id, type, occurred_at, actor, visible_to_citizen)"
                    + " VALUES (?, ?, ?, 'fixture', TRUE)", id, parts[0], wall(parts[1]));
        }
        projection.rebuild(id);
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
