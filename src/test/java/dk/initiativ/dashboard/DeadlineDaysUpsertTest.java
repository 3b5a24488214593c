package dk.initiativ.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import dk.initiativ.support.LocalModeTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A transaction's count rows go to each table as multi-row upserts (issue 14: one statement per table, not one per
 * row): rows whose counts are all 0 are left out, an existing row is added to, and a change of more rows than
 * {@link DeadlineDays#ROWS_PER_STATEMENT} is split over several statements.
 */
@LocalModeTest
class DeadlineDaysUpsertTest {

    /** Days in 1998, which no other test uses. */
    private static final LocalDate FIRST = LocalDate.parse("1998-01-01");

    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void removeTheRows() {
        jdbc.update("DELETE FROM dashboard_flow_day WHERE day BETWEEN '1998-01-01' AND '1998-12-31'");
        jdbc.update("DELETE FROM dashboard_deadline_day WHERE due_day BETWEEN '1998-01-01' AND '1998-12-31'");
    }

    @Test
    void oneStatementPerTableAddsToExistingRowsAndLeavesZerosOut() {
        jdbc.update("INSERT INTO dashboard_flow_day (day, team_key, slot, entered, left_count) VALUES (?, 'T1', 0, 5, 2)",
                FIRST);
        Map<DeadlineDays.FlowKey, long[]> flow = new TreeMap<>();
        flow.put(new DeadlineDays.FlowKey(FIRST, "T1", 0), new long[] {1, -1});
        flow.put(new DeadlineDays.FlowKey(FIRST, "T2", 3), new long[] {4, 0});
        flow.put(new DeadlineDays.FlowKey(FIRST.plusDays(1), "T1", 0), new long[] {0, 0});
        int statements = write(flow);
        assertThat(statements).isEqualTo(1);
        assertThat(jdbc.queryForList("SELECT CONCAT(day, ' ', team_key, ' ', slot, ' ', entered, ' ', left_count)"
                + " FROM dashboard_flow_day WHERE day BETWEEN '1998-01-01' AND '1998-12-31' ORDER BY day, team_key",
                String.class)).containsExactly("1998-01-01 T1 0 6 1", "1998-01-01 T2 3 4 0");
    }

    @Test
    void aBigChangeIsSplitOverSeveralStatementsAndNothingIsLost() {
        int rows = DeadlineDays.ROWS_PER_STATEMENT * 2 + 17;
        Map<DeadlineDays.FlowKey, long[]> flow = new TreeMap<>();
        List<Long> expected = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            flow.put(new DeadlineDays.FlowKey(FIRST.plusDays(i % 365), "T" + (i / 365), i % DeadlineDays.SLOTS),
                    new long[] {i + 1, 0});
            expected.add((long) i + 1);
        }
        assertThat(write(flow)).isEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dashboard_flow_day"
                + " WHERE day BETWEEN '1998-01-01' AND '1998-12-31'", Long.class)).isEqualTo(rows);
        assertThat(jdbc.queryForObject("SELECT SUM(entered) FROM dashboard_flow_day"
                + " WHERE day BETWEEN '1998-01-01' AND '1998-12-31'", Long.class))
                .isEqualTo(expected.stream().mapToLong(Long::longValue).sum());
    }

    @Test
    void aWholeDeltaWritesEachTableItTouchesOnce() {
        DeadlineDays.Delta delta = new DeadlineDays.Delta(ZoneId.of("Europe/Copenhagen"), 2);
        // a deadline of two kinds and a case's entry and exit: two deadline rows, two flow rows, two statements
        delta.add("SCREENING", FIRST.atTime(10, 0), "MET", "T1", 1);
        delta.add("ACCEPTANCE", FIRST.atTime(10, 0), "OPEN", "T1", 1);
        delta.addFlow(FIRST.atTime(9, 0), FIRST.plusDays(3).atTime(9, 0), "T1", 1);
        AtomicInteger statements = new AtomicInteger();
        jdbc.execute((Connection connection) -> {
            delta.write(counting(connection, statements));
            return null;
        });
        assertThat(statements).hasValue(2);
        assertThat(jdbc.queryForObject("SELECT SUM(met) + SUM(open_count) FROM dashboard_deadline_day"
                + " WHERE due_day = '1998-01-01' AND team_key = 'T1'", Long.class)).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT SUM(entered) + SUM(left_count) FROM dashboard_flow_day"
                + " WHERE day BETWEEN '1998-01-01' AND '1998-01-04' AND team_key = 'T1'", Long.class)).isEqualTo(2);
    }

    private int write(Map<DeadlineDays.FlowKey, long[]> flow) {
        AtomicInteger statements = new AtomicInteger();
        jdbc.execute((Connection connection) -> {
            DeadlineDays.upsert(counting(connection, statements), "dashboard_flow_day", "day, team_key, slot",
                    List.of("entered", "left_count"), flow, key -> new Object[] {key.day(), key.teamKey(), key.slot()});
            return null;
        });
        return statements.get();
    }

    /** The connection, counting the statements prepared on it. */
    private static Connection counting(Connection connection, AtomicInteger statements) {
        return (Connection) java.lang.reflect.Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("prepareStatement")) {
                        statements.incrementAndGet();
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
