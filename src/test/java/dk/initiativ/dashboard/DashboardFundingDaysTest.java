package dk.initiativ.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Clock;
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

import dk.initiativ.funding.FundingApplications;
import dk.initiativ.initiative.CaseEventRecorded;
import dk.initiativ.initiative.CaseEventType;
import dk.initiativ.initiative.Cases;
import dk.initiativ.support.LocalModeTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

/**
 * The funding applications' per-day counts ({@code dashboard_funding_day}, {@code dashboard_funding_waiting}, V60,
 * ADR 0056) stay equal to a recount from the application and case rows after a realistic sequence: proposals and
 * decisions across a weekend, Easter 2012 and Store Bededag, a decision just after local midnight (its local day is
 * not its UTC day), a case without a team, proposals, a grant and a rejection through the funding service itself (the
 * counts follow in the event's transaction), a case with applications moved to another team through the case service,
 * another reassigned with an event, and an event that changes neither; V61's rebuild gives the same; and section 50
 * gives the same figures from the counts (one team, the other, both, all teams) as from the rows (the same cases
 * through their topic), with hand-computed medians. The model has no withdrawn application (an application is
 * proposed, granted or rejected; a withdrawn case's proposed one stays proposed, as the section counted it). Rolled
 * back.
 */
@LocalModeTest
@Transactional
class DashboardFundingDaysTest {

    private static final ZoneId CPH = ZoneId.of("Europe/Copenhagen");
    private static final String TOPIC = "dash9-funding";
    private static final String T1 = "dash9-t1";
    private static final String T2 = "dash9-t2";
    private static final String POOL_A = "Dash9 pulje A";
    private static final String POOL_B = "Dash9 pulje B";
    private static final LocalDate FROM = LocalDate.of(2012, 3, 1);
    private static final LocalDate TO = LocalDate.of(2012, 5, 31);

    @Autowired JdbcTemplate jdbc;
    @Autowired CaseTimelineProjection projection;
    @Autowired FundingSection funding;
    @Autowired WorkingTime workingTime;
    @Autowired Cases cases;
    @Autowired FundingApplications applications;
    @Autowired Clock clock;

    private int number;
    private long poolA;
    private long poolB;

    @Test
    void theCountsEqualARecountAndTheSectionGivesTheSameFiguresFromThem() throws Exception {
        poolA = pool("dash9-a", POOL_A);
        poolB = pool("dash9-b", POOL_B);
        // A (team 1): proposed Friday 30 March, granted Monday 2 April: 1 working day over the weekend
        long a = initiative("2012-03-20T10:00", T1);
        long a1 = propose(a, poolA, "2012-03-30T10:00");
        decide(a, a1, true, "2012-04-02T09:00");
        // B (team 1): proposed Wednesday 4 April, rejected Thursday 12 April: 3 (Maundy Thursday, Good Friday, Easter
        // Monday not counted)
        long b = initiative("2012-03-20T10:00", T1);
        decide(b, propose(b, poolA, "2012-04-04T14:00"), false, "2012-04-12T10:00");
        // C (team 2): 10 working days in pool A; waits in pool B
        long c = initiative("2012-03-01T10:00", T2);
        decide(c, propose(c, poolA, "2012-03-05T10:00"), true, "2012-03-19T10:00");
        propose(c, poolB, "2012-03-06T10:00");
        // D (no team): granted at 00:20 local time on Thursday 8 March (7 March 23:20 UTC): 1 working day
        long d = initiative("2012-03-01T10:00", null);
        decide(d, propose(d, poolB, "2012-03-07T10:00"), true, "2012-03-08T00:20");
        // E (team 1): 4 working days in pool A, waits in pool B
        long e = initiative("2012-04-02T10:00", T1);
        decide(e, propose(e, poolA, "2012-04-16T10:00"), true, "2012-04-20T10:00");
        propose(e, poolB, "2012-04-23T10:00");
        // M (team 1): proposed Tuesday 1 May, granted Monday 7 May: 3 (Store Bededag, Friday 4 May, not counted)
        long m = initiative("2012-04-02T10:00", T1);
        decide(m, propose(m, poolB, "2012-05-01T10:00"), true, "2012-05-07T10:00");
        assertThat(decided(LocalDate.of(2012, 3, 8), poolB, "")).isEqualTo(1);
        assertThat(decided(LocalDate.of(2012, 3, 7), poolB, "")).isZero();
        assertThat(waiting(poolB, T1)).isEqualTo(1);
        assertThat(summary()).isEqualTo(recount());

        // S (team 1): two proposals, a grant and a rejection through the funding service today (0 working days)
        long s = initiative("2012-04-02T10:00", T1);
        String caseS = caseNumber(s);
        long s1 = applications.propose(caseS, "dash9-a", new BigDecimal("1000"), "Materialer", "dash9-kp");
        long s2 = applications.propose(caseS, "dash9-b", new BigDecimal("2000"), "Leje", "dash9-kp");
        assertThat(waiting(poolA, T1)).isEqualTo(1);
        assertThat(summary()).isEqualTo(recount());
        applications.grant(s1, new BigDecimal("800"), "dash9-officer", List.of(FundingApplications.ADMIN_GROUP));
        applications.reject(s2, "Uden for puljens formål", "dash9-officer", List.of(FundingApplications.ADMIN_GROUP));
        assertThat(waiting(poolA, T1)).isZero();
        assertThat(summary()).isEqualTo(recount());
        assertThat(flowApplications(s)).isEqualTo(2);

        // E moves to team 2 through the case service (the case row's change not yet flushed when the event is handled);
        // M, decided, is reassigned to team 2 with an event; an event that changes neither leaves the counts alone
        cases.proposeContactPerson(caseNumber(e), T2, null, "dash9-test");
        jdbc.update("UPDATE initiative SET team_code = ? WHERE id = ?", T2, m);
        event(m, CaseEventType.CONTACT_REASSIGNED, "2012-05-10T10:00");
        Map<String, Long> beforeOther = summary();
        event(a, CaseEventType.CONTACT_ASSIGNED, "2012-05-10T10:00");
        assertThat(summary()).isEqualTo(beforeOther);
        assertThat(waiting(poolB, T1)).isZero();
        assertThat(waiting(poolB, T2)).isEqualTo(2);
        assertThat(decided(LocalDate.of(2012, 5, 7), poolB, T2)).isEqualTo(1);
        assertThat(decided(LocalDate.of(2012, 5, 7), poolB, T1)).isZero();
        Map<String, Long> afterEvents = summary();
        assertThat(afterEvents).isEqualTo(recount());
        assertThat(flowApplications(e)).isEqualTo(2);
        assertThat(flowApplications(a)).isEqualTo(1);

        // the backfill (V49's flow records, then V61) gives the same counts
        jdbc.execute((Connection connection) -> {
            DeadlineDays.rebuildFlowAndStays(connection, CPH);
            FundingDays.rebuild(connection, workingTime);
            return null;
        });
        assertThat(summary()).isEqualTo(afterEvents);
        assertThat(flowApplications(e)).isEqualTo(2);
        assertThat(flowApplications(s)).isEqualTo(2);
        // and the next event of a case after it takes back what the rebuild counted
        event(m, CaseEventType.CONTACT_REASSIGNED, "2012-05-11T10:00");
        assertThat(summary()).isEqualTo(afterEvents);

        // section 50 from the counts (team scopes, all teams) and from the rows (the same cases via the topic)
        LocalDate today = LocalDate.now(clock.withZone(CPH));
        for (LocalDate[] period : List.of(new LocalDate[] {FROM, TO}, new LocalDate[] {today, today})) {
            for (Set<String> teams : List.of(Set.of(T1), Set.of(T2), Set.of(T1, T2), Set.<String>of())) {
                DashboardScope counted = new DashboardScope(period[0], period[1], teams, Optional.empty(),
                        Optional.empty());
                DashboardScope rows = new DashboardScope(period[0], period[1], teams, Optional.of(TOPIC),
                        Optional.empty());
                assertThat(pools(counted)).isEqualTo(pools(rows));
            }
        }
        // by hand: team 1 decided A (1) and B (3) in pool A; team 2 C (10) and E (4), and M (3) in pool B, where C and
        // E wait; all teams 1, 3, 4, 10 in pool A (median 3.5) and D (1), M (3) in pool B
        DashboardScope team1 = new DashboardScope(FROM, TO, Set.of(T1), Optional.empty(), Optional.empty());
        DashboardScope team2 = new DashboardScope(FROM, TO, Set.of(T2), Optional.empty(), Optional.empty());
        DashboardScope all = new DashboardScope(FROM, TO, Set.of(), Optional.empty(), Optional.empty());
        assertThat(pools(team1)).containsExactly(List.of(POOL_A, "0", "2", "2.0"), List.of(POOL_B, "0", "0", "–"));
        assertThat(pools(team2)).containsExactly(List.of(POOL_A, "0", "2", "7.0"), List.of(POOL_B, "2", "1", "3.0"));
        assertThat(pools(all)).containsExactly(List.of(POOL_A, "0", "4", "3.5"), List.of(POOL_B, "2", "2", "2.0"));
        DashboardScope todayTeam1 = new DashboardScope(today, today, Set.of(T1), Optional.empty(), Optional.empty());
        assertThat(pools(todayTeam1)).containsExactly(List.of(POOL_A, "0", "1", "0.0"), List.of(POOL_B, "0", "1", "0.0"));
    }

    /** The test pools' rows of section 50: name, waiting, decided, median (as the page shows them in English). */
    private List<List<String>> pools(DashboardScope scope) {
        DashboardTable table = funding.tables(scope, Locale.ENGLISH).get(0);
        DashboardFormat format = new DashboardFormat(Locale.ENGLISH);
        List<List<String>> rows = new ArrayList<>();
        for (List<DashboardTable.Cell> row : table.rows()) {
            List<String> texts = row.stream().map(format::text).toList();
            if (texts.get(0).startsWith("Dash9 ")) {
                rows.add(List.of(texts.get(0), texts.get(4), texts.get(5), texts.get(6)));
            }
        }
        return rows;
    }

    private long decided(LocalDate day, long pool, String team) {
        DeadlineDays.flush(); // the test's transaction never commits: its gathered changes written now
        return jdbc.queryForObject("SELECT COALESCE(SUM(applications), 0) FROM dashboard_funding_day"
                + " WHERE decided_day = ? AND pool_id = ? AND team_key = ?", Long.class, day, pool, team);
    }

    private long waiting(long pool, String team) {
        DeadlineDays.flush();
        return jdbc.queryForObject("SELECT COALESCE(SUM(applications), 0) FROM dashboard_funding_waiting"
                + " WHERE pool_id = ? AND team_key = ?", Long.class, pool, team);
    }

    private int flowApplications(long initiative) {
        DeadlineDays.flush();
        return jdbc.queryForObject("SELECT funding_applications FROM dashboard_flow_case WHERE initiative_id = ?",
                Integer.class, initiative);
    }

    /** The stored counts of the test's pools, summed over the slots (zeros left out). */
    private Map<String, Long> summary() {
        DeadlineDays.flush();
        Map<String, Long> rows = new TreeMap<>();
        jdbc.query("SELECT decided_day, pool_id, team_key, decision_days, SUM(applications) AS n"
                + " FROM dashboard_funding_day WHERE pool_id IN (?, ?)"
                + " GROUP BY decided_day, pool_id, team_key, decision_days HAVING n <> 0", rs -> {
                    rows.put("decided " + rs.getString(1) + " " + rs.getLong(2) + " " + rs.getString(3) + " "
                            + rs.getInt(4), rs.getLong(5));
                }, poolA, poolB);
        jdbc.query("SELECT pool_id, team_key, SUM(applications) AS n FROM dashboard_funding_waiting"
                + " WHERE pool_id IN (?, ?) GROUP BY pool_id, team_key HAVING n <> 0", rs -> {
                    rows.put("waiting " + rs.getLong(1) + " " + rs.getString(2), rs.getLong(3));
                }, poolA, poolB);
        return rows;
    }

    /** The same from the application rows: under the case's team now and under every team ('*'). */
    private Map<String, Long> recount() {
        Map<String, Long> rows = new TreeMap<>();
        jdbc.query("SELECT a.pool_id, a.status, a.proposed_at, a.decided_at, i.team_code FROM funding_application a"
                + " JOIN initiative i ON i.id = a.initiative_id WHERE a.pool_id IN (?, ?)", rs -> {
                    String team = rs.getString(5) == null ? "" : rs.getString(5);
                    LocalDateTime decidedAt = rs.getObject(4, LocalDateTime.class);
                    for (String key : List.of(team, DeadlineDays.ALL_TEAMS)) {
                        if ("PROPOSED".equals(rs.getString(2))) {
                            rows.merge("waiting " + rs.getLong(1) + " " + key, 1L, Long::sum);
                        }
                        if (decidedAt != null) {
                            LocalDate day = local(decidedAt);
                            int days = workingTime.workingDaysBetween(local(rs.getObject(3, LocalDateTime.class)), day);
                            rows.merge("decided " + day + " " + rs.getLong(1) + " " + key + " " + days, 1L, Long::sum);
                        }
                    }
                }, poolA, poolB);
        return rows;
    }

    private long pool(String code, String name) {
        jdbc.update("INSERT INTO funding_pool (code, name, criteria, total_budget, budget_left, fund_officer_group)"
                + " VALUES (?, ?, 'Til test', 100000, 100000, 'dash9-officers')", code, name);
        return jdbc.queryForObject("SELECT id FROM funding_pool WHERE code = ?", Long.class, code);
    }

    private long initiative(String submittedAt, String team) {
        String caseNumber = "DASH9-" + (++number);
        jdbc.update("INSERT INTO initiative (case_number, title, description, topic, district, contact_name,"
                + " contact_email, language, stage, submitted_at, team_code)"
                + " VALUES (?, 'Fixture', 'Fixture', ?, 'holbaek-by', 'Fixture', NULL, 'da', 'SUBMITTED', ?, ?)",
                caseNumber, TOPIC, wall(submittedAt), team);
        long id = jdbc.queryForObject("SELECT id FROM initiative WHERE case_number = ?", Long.class, caseNumber);
        jdbc.update("INSERT INTO case_event (initiative_id, type, occurred_at, actor, visible_to_citizen)"
                + " VALUES (?, 'SUBMITTED', ?, 'fixture', TRUE)", id, wall(submittedAt));
        projection.rebuild(id);
        return id;
    }

    /** An application proposed with its event, as the funding service writes them. */
    private long propose(long initiative, long pool, String at) {
        jdbc.update("INSERT INTO funding_application (initiative_id, pool_id, amount_requested, purpose, status,"
                + " proposed_by, proposed_at) VALUES (?, ?, 30000, 'Materialer', 'PROPOSED', 'dash9-kp', ?)",
                initiative, pool, wall(at));
        long id = jdbc.queryForObject("SELECT id FROM funding_application WHERE initiative_id = ? AND pool_id = ?",
                Long.class, initiative, pool);
        event(initiative, CaseEventType.FUNDING_PROPOSED, at);
        return id;
    }

    /** The decision with its event, as the funding service writes them. */
    private void decide(long initiative, long application, boolean grant, String at) {
        jdbc.update("UPDATE funding_application SET status = ?, amount_granted = ?, decision_reason = ?,"
                + " decided_by = 'dash9-officer', decided_at = ? WHERE id = ?", grant ? "GRANTED" : "REJECTED",
                grant ? 20000 : null, grant ? null : "Uden for puljens formål", wall(at), application);
        event(initiative, grant ? CaseEventType.FUNDING_GRANTED : CaseEventType.FUNDING_REJECTED, at);
    }

    /** A case event and its announcement to the projection, as the case service writes and publishes them. */
    private void event(long initiative, CaseEventType type, String at) {
        LocalDateTime wall = wall(at);
        jdbc.update("INSERT INTO case_event (initiative_id, type, occurred_at, actor, visible_to_citizen)"
                + " VALUES (?, ?, ?, 'fixture', TRUE)", initiative, type.name(), wall);
        projection.on(new CaseEventRecorded(initiative, caseNumber(initiative), type, "fixture", null, null, true,
                wall.toInstant(ZoneOffset.UTC)));
    }

    private String caseNumber(long initiative) {
        return jdbc.queryForObject("SELECT case_number FROM initiative WHERE id = ?", String.class, initiative);
    }

    private static LocalDate local(LocalDateTime utc) {
        return utc.atOffset(ZoneOffset.UTC).atZoneSameInstant(CPH).toLocalDate();
    }

    private static LocalDateTime wall(String copenhagenTime) {
        return LocalDateTime.ofInstant(LocalDateTime.parse(copenhagenTime).atZone(CPH).toInstant(), ZoneOffset.UTC);
    }
}
