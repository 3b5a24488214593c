package dk.initiativ.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import dk.initiativ.dashboard.DashboardTable.Cell;
import dk.initiativ.dashboard.DashboardTable.Count;
import dk.initiativ.dashboard.DashboardTable.Text;
import dk.initiativ.initiative.Cases;
import dk.initiativ.support.LocalModeTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

/**
 * The open cases and proposals per contact person ({@code dashboard_workload}, V59, ADR 0055), kept by the projection
 * from the case events, stay equal to a recount from the case rows (as section 40 grouped them per request before)
 * through a case's whole life in the case service: accepted, proposed to one person, taken by them, reassigned by a
 * manager to another team's person, agreed, withdrawn, marked a duplicate, closed as inactive; several changes in one
 * transaction; the rebuild (V59's, the benchmark's) gives the same counts; and section 40 shows them, for all teams
 * and for one team. Rolled back.
 */
@LocalModeTest
@Transactional
class DashboardWorkloadCountsTest {

    private static final String T1 = "dash9-t1";
    private static final String T2 = "dash9-t2";
    private static final List<String> PEOPLE = List.of("dash9-kp1", "dash9-kp2", "dash9-kp3");
    private static final Locale DA = Locale.forLanguageTag("da");

    @Autowired JdbcTemplate jdbc;
    @Autowired CaseTimelineProjection projection;
    @Autowired WorkloadSection workload;
    @Autowired Cases cases;

    private int number;

    @Test
    void theCountsFollowEveryChangeOfStageAndContactPersonAndSectionFortyShowsThem() {
        team(T1, "Dash9 hold 1", "dash9-kp1", "dash9-kp3");
        team(T2, "Dash9 hold 2", "dash9-kp2");
        String a = submitted();
        String b = submitted();
        String c = submitted();
        String d = submitted();
        assertThat(counts()).isEmpty();

        // A: accepted by intake, proposed to kp1 (a proposal), then taken by kp1 (no longer a proposal)
        cases.accept(a, "dash9-intake");
        cases.proposeContactPerson(a, T1, "dash9-kp1", "system");
        assertCounts(Map.of("dash9-kp1", List.of(1L, 1L)));
        cases.contactPersonAssigned(a, "dash9-kp1", "dash9-kp1");
        assertCounts(Map.of("dash9-kp1", List.of(1L, 0L)));

        // B: proposed to kp1, then a manager puts it on kp2 of the other team before anyone took it
        cases.accept(b, "dash9-intake");
        cases.proposeContactPerson(b, T1, "dash9-kp1", "system");
        assertCounts(Map.of("dash9-kp1", List.of(2L, 1L)));
        cases.contactPersonReassigned(b, T2, "dash9-kp2", "dash9-leder");
        assertCounts(Map.of("dash9-kp1", List.of(1L, 0L), "dash9-kp2", List.of(1L, 1L)));

        // C and D in one go (their changes gathered in one transaction): C taken by kp2 and agreed, D proposed to kp3
        cases.accept(c, "dash9-intake");
        cases.proposeContactPerson(c, T2, "dash9-kp2", "system");
        cases.contactPersonAssigned(c, "dash9-kp2", "dash9-kp2");
        cases.agreementRecorded(c, "dash9-kp2");
        cases.accept(d, "dash9-intake");
        cases.proposeContactPerson(d, T1, "dash9-kp3", "system");
        assertCounts(Map.of("dash9-kp1", List.of(1L, 0L), "dash9-kp2", List.of(2L, 1L), "dash9-kp3", List.of(1L, 1L)));

        // section 40 from the counts: all teams, and one team (only its people)
        DashboardScope all = new DashboardScope(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31), Set.of(),
                Optional.empty(), Optional.empty());
        assertThat(shown(all)).isEqualTo(Map.of("Dash9 Et", List.of(1L, 0L), "Dash9 To", List.of(2L, 1L),
                "Dash9 Tre", List.of(1L, 1L)));
        DashboardScope team1 = new DashboardScope(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31), Set.of(T1),
                Optional.empty(), Optional.empty());
        assertThat(shown(team1)).isEqualTo(Map.of("Dash9 Et", List.of(1L, 0L), "Dash9 Tre", List.of(1L, 1L)));

        // closures take the cases off their people: A withdrawn, B a duplicate of C, C inactive
        cases.withdraw(a);
        assertCounts(Map.of("dash9-kp1", List.of(0L, 0L), "dash9-kp2", List.of(2L, 1L), "dash9-kp3", List.of(1L, 1L)));
        cases.markDuplicate(b, c, "dash9-leder");
        assertCounts(Map.of("dash9-kp1", List.of(0L, 0L), "dash9-kp2", List.of(1L, 0L), "dash9-kp3", List.of(1L, 1L)));
        cases.closeAsInactive(c);
        assertCounts(Map.of("dash9-kp1", List.of(0L, 0L), "dash9-kp2", List.of(0L, 0L), "dash9-kp3", List.of(1L, 1L)));
        assertThat(shown(all)).isEqualTo(Map.of("Dash9 Et", List.of(0L, 0L), "Dash9 To", List.of(0L, 0L),
                "Dash9 Tre", List.of(1L, 1L)));

        // the rebuild from the case rows (V59, the benchmark's generator) gives the same counts
        Map<String, List<Long>> before = counts();
        jdbc.execute((Connection connection) -> {
            DeadlineDays.rebuildFlowAndStays(connection, ZoneId.of("Europe/Copenhagen"));
            DeadlineDays.rebuildWorkload(connection);
            return null;
        });
        assertThat(counts()).isEqualTo(before);
        // and the next event after the rebuild takes back what the rebuilt flow record says the case added
        cases.contactPersonAssigned(d, "dash9-kp3", "dash9-kp3");
        assertCounts(Map.of("dash9-kp1", List.of(0L, 0L), "dash9-kp2", List.of(0L, 0L), "dash9-kp3", List.of(1L, 0L)));
    }

    /** The counts equal the recount, and the people's counts are these (a person not named has none). */
    private void assertCounts(Map<String, List<Long>> expected) {
        Map<String, List<Long>> counted = counts();
        assertThat(counted).isEqualTo(recount());
        Map<String, List<Long>> nonZero = new TreeMap<>();
        expected.forEach((person, n) -> {
            if (n.get(0) != 0 || n.get(1) != 0) {
                nonZero.put(person, n);
            }
        });
        assertThat(counted).isEqualTo(nonZero);
    }

    /** The test's people's counts, those not all zero. */
    private Map<String, List<Long>> counts() {
        DeadlineDays.flush(); // the test's transaction never commits: its gathered changes written now
        Map<String, List<Long>> counts = new TreeMap<>();
        jdbc.query("SELECT user_id, open_cases, proposals FROM dashboard_workload WHERE user_id IN (?, ?, ?)"
                + " AND (open_cases <> 0 OR proposals <> 0)", rs -> {
                    counts.put(rs.getString(1), List.of(rs.getLong(2), rs.getLong(3)));
                }, PEOPLE.toArray());
        return counts;
    }

    /** As section 40 counted per request before V59: every open case naming the person, those only proposed. */
    private Map<String, List<Long>> recount() {
        Map<String, List<Long>> counts = new TreeMap<>();
        jdbc.query("SELECT contact_person, COUNT(*), SUM(stage = 'ACCEPTED') FROM initiative WHERE stage <> 'CLOSED'"
                + " AND contact_person IN (?, ?, ?) GROUP BY contact_person", rs -> {
                    counts.put(rs.getString(1), List.of(rs.getLong(2), rs.getLong(3)));
                }, PEOPLE.toArray());
        return counts;
    }

    /** Section 40's open cases and proposals of the test's people, by name. */
    private Map<String, List<Long>> shown(DashboardScope scope) {
        Map<String, List<Long>> shown = new TreeMap<>();
        DashboardTable table = workload.tables(scope, DA).get(0);
        for (List<Cell> row : table.rows()) {
            String name = ((Text) row.get(0)).value();
            if (name.startsWith("Dash9 ")) {
                shown.put(name, List.of(((Count) row.get(2)).value(), ((Count) row.get(6)).value()));
            }
        }
        return shown;
    }

    private void team(String code, String name, String... people) {
        jdbc.update("INSERT INTO team (code, name) VALUES (?, ?)", code, name);
        long team = jdbc.queryForObject("SELECT id FROM team WHERE code = ?", Long.class, code);
        for (String person : people) {
            String display = switch (person) {
                case "dash9-kp1" -> "Dash9 Et";
                case "dash9-kp2" -> "Dash9 To";
                default -> "Dash9 Tre";
            };
            jdbc.update("INSERT INTO staff_profile (user_id, display_name, email, team_id, capacity)"
                    + " VALUES (?, ?, ?, ?, 10)", person, display, person + "@example.org", team);
        }
    }

    /** A case as a submission leaves it: its row and its SUBMITTED event, projected. */
    private String submitted() {
        String caseNumber = "DASH9-" + (++number);
        LocalDateTime at = LocalDateTime.of(2026, 2, 2, 9, 0).plusHours(number);
        jdbc.update("INSERT INTO initiative (case_number, title, description, topic, district, contact_name,"
                + " contact_email, language, stage, submitted_at) VALUES (?, 'Fixture', 'Fixture', 'natur-miljoe',"
                + " 'holbaek-by', 'Fixture', NULL, 'da', 'SUBMITTED', ?)", caseNumber, at);
        long id = jdbc.queryForObject("SELECT id FROM initiative WHERE case_number = ?", Long.class, caseNumber);
        jdbc.update("INSERT INTO case_event (initiative_id, type, occurred_at, actor, visible_to_citizen)"
                + " VALUES (?, 'SUBMITTED', ?, 'fixture', TRUE)", id, at);
        projection.rebuild(id);
        return caseNumber;
    }
}
