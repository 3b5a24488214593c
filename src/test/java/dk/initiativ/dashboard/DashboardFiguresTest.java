package dk.initiativ.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dk.initiativ.support.LocalModeTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The figures of sections 10, 20 and 30 for a fixture of cases with known timelines, written into our tables (case
 * rows, timelines, permits) and projected as the live events are; a topic of their own keeps other tests' cases out.
 * The timelines cross Christmas 2026: 24 December and 31 December are closed days, 25 December and 1 January public
 * holidays, with the weekends between. Every expected figure is computed by hand in the comments (times are
 * Copenhagen time, CET).
 */
@LocalModeTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardFiguresTest {

    private static final ZoneId CPH = ZoneId.of("Europe/Copenhagen");
    private static final Locale DA = Locale.forLanguageTag("da");
    private static final Locale EN = Locale.ENGLISH;
    /** "Now" for the fixture: Friday 8 January 2027, 12:00. */
    private static final Instant NOW = at("2027-01-08T12:00");

    @Autowired JdbcTemplate jdbc;
    @Autowired CaseTimelineProjection projection;
    @Autowired FlowSection flow;
    @Autowired LeadTimesSection leadTimes;
    @Autowired DeadlinesSection deadlines;

    private final String topic = "dash-" + UUID.randomUUID().toString().substring(0, 8);
    private String a;
    private String b;
    private String c;
    private String d;
    private String e;
    private String f;

    @BeforeAll
    void fixture() {
        // A: screened in 2.25 working days (Mon 21 Dec 10:00 -> Wed 23 Dec 16:00), accepted by its contact person
        // over Christmas (Wed 23 Dec 16:00 -> Mon 28 Dec 10:00 = 8/24 + 10/24 = 0.75), agreement after 2.0, closed
        // after 14/24 + 12/24 = 1.0833 (31 Dec closed, 1 Jan holiday, weekend); whole case 6.0833.
        a = initiative("A", "2026-12-21T10:00", "CLOSED", "2027-01-04T12:00", "REALISED");
        events(a, "SUBMITTED 2026-12-21T10:00", "ACCEPTED 2026-12-23T16:00", "CONTACT_PROPOSED 2026-12-23T16:00",
                "CONTACT_ASSIGNED 2026-12-28T10:00", "AGREEMENT_RECORDED 2026-12-30T10:00", "CLOSED 2027-01-04T12:00");
        // B: a question to the citizen (SUBMITTED 1.0, AWAITING_INFORMATION 1.25), screened again (2.75), the
        // proposed contact person did not accept in time (escalated: breached), assigned Thu 7 Jan (ACCEPTED 3.0);
        // two permits: one decided in time, one due today at 16:00
        b = initiative("B", "2026-12-22T09:00", "MATCHED", null, null);
        events(b, "SUBMITTED 2026-12-22T09:00", "INFORMATION_REQUESTED 2026-12-23T09:00",
                "INFORMATION_PROVIDED 2026-12-28T15:00", "ACCEPTED 2027-01-04T09:00", "CONTACT_PROPOSED 2027-01-04T09:00",
                "MATCH_ESCALATED 2027-01-06T09:00", "CONTACT_ASSIGNED 2027-01-07T09:00");
        permit(b, "2027-01-04T09:00", "2027-01-07", "APPROVED", "2027-01-07T10:00");
        permit(b, "2027-01-04T09:00", "2027-01-08", "REQUIRED", null);
        // C: screening due Wed 30 Dec 11:00 (28, 29, 30 Dec), redirected Mon 4 Jan 10:00: breached; 3.9583 in SUBMITTED
        c = initiative("C", "2026-12-23T11:00", "CLOSED", "2027-01-04T10:00", "REDIRECTED");
        events(c, "SUBMITTED 2026-12-23T11:00", "REDIRECTED 2027-01-04T10:00");
        // D: screening due Thu 7 Jan 08:00, still open: breached now
        d = initiative("D", "2027-01-04T08:00", "SUBMITTED", null, null);
        events(d, "SUBMITTED 2027-01-04T08:00");
        // E: screened within 1.0; acceptance due Tue 5 Jan 10:00 (4, 5 Jan), still open: breached now
        e = initiative("E", "2026-12-29T10:00", "ACCEPTED", null, null);
        events(e, "SUBMITTED 2026-12-29T10:00", "ACCEPTED 2026-12-30T10:00", "CONTACT_PROPOSED 2026-12-30T10:00");
        // F: screening due Mon 11 Jan 09:00 (7, 8, 11 Jan): within one working day of now
        f = initiative("F", "2027-01-06T09:00", "SUBMITTED", null, null);
        events(f, "SUBMITTED 2027-01-06T09:00");
    }

    private DashboardScope scope() {
        return new DashboardScope(LocalDate.of(2026, 12, 21), LocalDate.of(2027, 1, 8), Set.of(), Optional.of(topic),
                Optional.empty());
    }

    @Test
    void openCasesPerStageAndEnteredAndLeftPerWeek() {
        List<DashboardTable> tables = flow.tables(scope(), DA);
        assertThat(texts(tables.get(0), DA)).containsExactly(
                List.of("Modtaget, venter på visitation", "2"),
                List.of("Venter på svar fra borgeren", "0"),
                List.of("Godkendt, kontaktperson findes", "1"),
                List.of("Kontaktperson har sagen", "1"),
                List.of("Aftale indgået, støtteplan i gang", "0"));
        // 2026 has an ISO week 53 (31 December is a Thursday)
        assertThat(texts(tables.get(1), DA)).containsExactly(
                List.of("Uge 52 2026", "3", "0"),
                List.of("Uge 53 2026", "1", "0"),
                List.of("Uge 1 2027", "2", "2"));
        assertThat(texts(flow.tables(scope(), EN).get(1), EN).get(2)).containsExactly("Week 1 2027", "2", "2");
    }

    @Test
    void mediansAndNinetiethPercentilesInWorkingDays() {
        DashboardTable table = leadTimes.tables(scope(), DA).get(0);
        assertThat(texts(table, DA)).containsExactly(
                // 1.0 (B), 1.0 (E), 2.25 (A), 2.75 (B again), 3.9583 (C): median the 3rd, p90 rank ceil(4.5) = 5
                List.of("Modtaget, venter på visitation", "5", "2,3", "4,0"),
                List.of("Venter på svar fra borgeren", "1", "1,3", "1,3"),
                // 0.75 (A) and 3.0 (B): median 1.875, p90 rank ceil(1.8) = 2
                List.of("Godkendt, kontaktperson findes", "2", "1,9", "3,0"),
                List.of("Kontaktperson har sagen", "1", "2,0", "2,0"),
                List.of("Aftale indgået, støtteplan i gang", "1", "1,1", "1,1"),
                // A 6.0833 and C 3.9583: median 5.0208, p90 6.0833
                List.of("Hele sagen: fra modtagelse til afslutning", "2", "5,0", "6,1"));
        assertThat(texts(leadTimes.tables(scope(), EN).get(0), EN).get(0))
                .containsExactly("Received, waiting for screening", "5", "2.3", "4.0");
    }

    @Test
    void sharesOfDeadlinesMetOnTime() {
        DashboardTable table = deadlines.tables(scope(), DA, NOW).get(0);
        assertThat(texts(table, DA)).containsExactly(
                // A, B, B again and E in time; C answered late, D open past due
                List.of("Visitation", "6", "4", "2", "66,7 %"),
                // A in time; B escalated, E open past due
                List.of("Kontaktperson tager imod sagen", "3", "1", "2", "33,3 %"),
                // A in time; B's is due 14 January (outside the period)
                List.of("Første kontakt og forventningsafstemning", "1", "1", "0", "100,0 %"),
                // decided 7 January 10:00, due 16:00; the other is due today at 16:00, not past due yet
                List.of("Afgørelse om tilladelse", "1", "1", "0", "100,0 %"),
                List.of("Opfølgning", "0", "0", "0", "–"));
    }

    @Test
    void theDeadlinesBreachedNowOrDueWithinOneWorkingDayLinkToTheirCases() {
        DashboardTable table = deadlines.tables(scope(), DA, NOW).get(1);
        assertThat(texts(table, DA)).containsExactly(
                List.of(e, "Kontaktperson tager imod sagen", "5. jan. 2027 kl. 10.00", "Overskredet"),
                List.of(d, "Visitation", "7. jan. 2027 kl. 08.00", "Overskredet"),
                List.of(b, "Afgørelse om tilladelse", "8. jan. 2027 kl. 16.00", "Udløber inden for en arbejdsdag"),
                List.of(f, "Visitation", "11. jan. 2027 kl. 09.00", "Udløber inden for en arbejdsdag"));
        assertThat(table.rows()).allSatisfy(row -> assertThat(row.get(0)).isInstanceOf(DashboardTable.CaseLink.class));
    }

    @Test
    void aTeamScopeCountsOnlyThatTeamsCases() {
        DashboardScope team = new DashboardScope(LocalDate.of(2026, 12, 21), LocalDate.of(2027, 1, 8),
                Set.of("dash-team"), Optional.of(topic), Optional.empty());
        // only B and E carry the team (a contact person was proposed); A, C, D and F have none
        assertThat(texts(flow.tables(team, DA).get(0), DA)).extracting(row -> row.get(1))
                .containsExactly("0", "0", "1", "1", "0");
        assertThat(texts(deadlines.tables(team, DA, NOW).get(1), DA)).extracting(row -> row.get(0))
                .containsExactly(e, b);
    }

    @Test
    void theBackfillDerivesTheSameRowsAsTheLiveProjection() throws Exception {
        long id = jdbc.queryForObject("SELECT id FROM initiative WHERE case_number = ?", Long.class, b);
        List<String> before = rows(id);
        jdbc.update("DELETE FROM case_stage_visit WHERE initiative_id = ?", id);
        jdbc.update("DELETE FROM case_deadline WHERE initiative_id = ?", id);
        V22__DashboardBackfill backfill = new V22__DashboardBackfill(projection.timeline());
        jdbc.execute((java.sql.Connection connection) -> {
            backfill.fill(connection, id);
            return null;
        });
        assertThat(rows(id)).isEqualTo(before).hasSize(5 + 4);
    }

    private List<String> rows(long id) {
        List<String> rows = new java.util.ArrayList<>(jdbc.query("SELECT stage, entered_at, left_at, working_days"
                + " FROM case_stage_visit WHERE initiative_id = ? ORDER BY seq", (rs, n) -> rs.getString(1) + " "
                + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4), id));
        rows.addAll(jdbc.query("SELECT kind, started_at, due_at, ended_at, status FROM case_deadline"
                + " WHERE initiative_id = ? ORDER BY seq", (rs, n) -> rs.getString(1) + " " + rs.getString(2) + " "
                + rs.getString(3) + " " + rs.getString(4) + " " + rs.getString(5), id));
        return rows;
    }

    static List<List<String>> texts(DashboardTable table, Locale locale) {
        DashboardFormat format = new DashboardFormat(locale);
        return table.rows().stream().map(row -> row.stream().map(format::text).toList()).toList();
    }

    private String initiative(String name, String submittedAt, String stage, String closedAt, String outcome) {
        String caseNumber = "D" + topic.substring(5) + "-" + name;
        boolean teamed = List.of("B", "E").contains(name);
        jdbc.update("INSERT INTO initiative (case_number, title, description, topic, district, contact_name,"
                + " contact_email, language, stage, submitted_at, closed_at, outcome, team_code)"
                + " VALUES (?, ?, 'Fixture', ?, 'holbaek-by', 'Fixture', NULL, 'da', ?, ?, ?, ?, ?)",
                caseNumber, "Fixture " + name, topic, stage, wall(submittedAt), closedAt == null ? null : wall(closedAt),
                outcome, teamed ? "dash-team" : null);
        return caseNumber;
    }

    private void events(String caseNumber, String... events) {
        long id = jdbc.queryForObject("SELECT id FROM initiative WHERE case_number = ?", Long.class, caseNumber);
        for (String event : events) {
            String[] parts = event.split(" ");
            jdbc.update("INSERT INTO case_event (initiative_id, type, occurred_at, actor, visible_to_citizen)"
                    + " VALUES (?, ?, ?, 'fixture', TRUE)", id, parts[0], wall(parts[1]));
        }
        projection.rebuild(id);
    }

    private void permit(String caseNumber, String requestedAt, String dueDate, String status, String decidedAt) {
        long id = jdbc.queryForObject("SELECT id FROM initiative WHERE case_number = ?", Long.class, caseNumber);
        jdbc.update("INSERT INTO permit_requirement (initiative_id, kind, department_group, due_date, status,"
                + " decided_by, decided_at, requested_by, requested_at) VALUES (?, 'Brug af vej', 'vej-park', ?, ?, ?, ?,"
                + " 'fixture', ?)", id, LocalDate.parse(dueDate), status, decidedAt == null ? null : "vibeke",
                decidedAt == null ? null : wall(decidedAt), wall(requestedAt));
    }

    static Instant at(String copenhagenTime) {
        return LocalDateTime.parse(copenhagenTime).atZone(CPH).toInstant();
    }

    static LocalDateTime wall(String copenhagenTime) {
        return LocalDateTime.ofInstant(at(copenhagenTime), ZoneOffset.UTC);
    }
}
