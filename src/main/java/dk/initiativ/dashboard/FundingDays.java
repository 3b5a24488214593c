package dk.initiativ.dashboard;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The funding applications' per-day counts (V60, ADR 0056): per local day of the decision, pool, team of the case and
 * decision time in working days how many applications were decided ({@code dashboard_funding_day}), and per pool and
 * team how many wait for a decision now ({@code dashboard_funding_waiting}), each also under
 * {@link DeadlineDays#ALL_TEAMS}. Each application's record ({@code dashboard_funding_case}) says what it has added, so
 * that the case's next event takes it back; {@code dashboard_flow_case.funding_applications} how many records the
 * case has. {@link CaseTimelineProjection} keeps them with the case's other counts, in the transaction of the event
 * that comes with each change of an application (the funding module records {@code FUNDING_PROPOSED},
 * {@code FUNDING_GRANTED}, {@code FUNDING_REJECTED} with it) or of the case's team; {@link #rebuild} counts every
 * application anew (V61, the benchmark's generator).
 */
final class FundingDays {

    private FundingDays() {
    }

    /** One application as the counts see it. */
    private record Application(long id, long initiativeId, long poolId, String teamKey, boolean waits,
            LocalDate decidedDay, Integer decisionDays) {

        void add(DeadlineDays.Delta delta, int sign) {
            delta.addFunding(poolId, waits, decidedDay, decisionDays, teamKey, sign);
        }
    }

    /**
     * Takes back what the case's applications added (when {@code counted}, the number of records on its flow record,
     * is above 0), and adds them as their rows and the case's team are now; returns how many the case has now.
     */
    static int project(Connection connection, long initiativeId, String teamCode, int counted, DeadlineDays.Delta delta,
            WorkingTime workingTime) throws SQLException {
        if (counted > 0) {
            try (PreparedStatement old = connection.prepareStatement("SELECT application_id, pool_id, team_key, waiting,"
                    + " decided_day, decision_days FROM dashboard_funding_case WHERE initiative_id = ? FOR UPDATE")) {
                old.setLong(1, initiativeId);
                try (ResultSet rs = old.executeQuery()) {
                    while (rs.next()) {
                        int days = rs.getInt(6);
                        Integer decisionDays = rs.wasNull() ? null : days;
                        new Application(rs.getLong(1), initiativeId, rs.getLong(2), rs.getString(3), rs.getBoolean(4),
                                rs.getObject(5, LocalDate.class), decisionDays).add(delta, -1);
                    }
                }
            }
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM dashboard_funding_case WHERE initiative_id = ?")) {
                delete.setLong(1, initiativeId);
                delete.executeUpdate();
            }
        }
        List<Application> now = new ArrayList<>();
        try (PreparedStatement rows = connection.prepareStatement("SELECT id, pool_id, status, proposed_at, decided_at"
                + " FROM funding_application WHERE initiative_id = ?")) {
            rows.setLong(1, initiativeId);
            try (ResultSet rs = rows.executeQuery()) {
                while (rs.next()) {
                    now.add(application(rs.getLong(1), initiativeId, rs.getLong(2), teamCode, rs.getString(3),
                            rs.getObject(4, LocalDateTime.class), rs.getObject(5, LocalDateTime.class), workingTime));
                }
            }
        }
        for (Application application : now) {
            application.add(delta, 1);
        }
        insertRecords(connection, now);
        return now.size();
    }

    /**
     * Counts every application anew (V61, the benchmark's generator): the records and the counts from the application
     * rows under their case's team now, the flow records' number of them. Runs after
     * {@link DeadlineDays#rebuildFlowAndStays} (which writes the flow records without it).
     */
    static void rebuild(Connection connection, WorkingTime workingTime) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM dashboard_funding_case");
            statement.executeUpdate("DELETE FROM dashboard_funding_day");
            statement.executeUpdate("DELETE FROM dashboard_funding_waiting");
            statement.executeUpdate("UPDATE dashboard_flow_case SET funding_applications = 0"
                    + " WHERE funding_applications <> 0");
        }
        List<Application> all = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT a.id, a.initiative_id, a.pool_id, a.status,"
                + " a.proposed_at, a.decided_at, i.team_code FROM funding_application a"
                + " JOIN initiative i ON i.id = a.initiative_id")) {
            select.setFetchSize(10_000);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    all.add(application(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(7), rs.getString(4),
                            rs.getObject(5, LocalDateTime.class), rs.getObject(6, LocalDateTime.class), workingTime));
                }
            }
        }
        DeadlineDays.Delta[] slots = new DeadlineDays.Delta[DeadlineDays.SLOTS];
        for (int slot = 0; slot < slots.length; slot++) {
            slots[slot] = new DeadlineDays.Delta(workingTime.zone(), slot);
        }
        for (Application application : all) {
            application.add(slots[DeadlineDays.slot(application.initiativeId())], 1);
        }
        DeadlineDays.Delta counts = new DeadlineDays.Delta(workingTime.zone());
        for (DeadlineDays.Delta slot : slots) {
            counts.merge(slot);
        }
        counts.write(connection);
        for (int from = 0; from < all.size(); from += RECORDS_PER_STATEMENT) {
            insertRecords(connection, all.subList(from, Math.min(all.size(), from + RECORDS_PER_STATEMENT)));
        }
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE dashboard_flow_case f JOIN (SELECT initiative_id, COUNT(*) AS n"
                    + " FROM dashboard_funding_case GROUP BY initiative_id) c ON c.initiative_id = f.initiative_id"
                    + " SET f.funding_applications = c.n");
        }
    }

    /** The most records of one insert of {@link #rebuild}. */
    private static final int RECORDS_PER_STATEMENT = 1000;

    private static Application application(long id, long initiativeId, long poolId, String teamCode, String status,
            LocalDateTime proposedAtUtc, LocalDateTime decidedAtUtc, WorkingTime workingTime) {
        LocalDate decidedDay = null;
        Integer decisionDays = null;
        if (decidedAtUtc != null) {
            // as section 50 computed it per request: the working days after the proposal's local day up to and
            // including the decision's
            ZoneId zone = workingTime.zone();
            decidedDay = local(decidedAtUtc, zone);
            decisionDays = workingTime.workingDaysBetween(local(proposedAtUtc, zone), decidedDay);
        }
        return new Application(id, initiativeId, poolId, teamCode == null ? "" : teamCode, "PROPOSED".equals(status),
                decidedDay, decisionDays);
    }

    private static LocalDate local(LocalDateTime utc, ZoneId zone) {
        return utc.atOffset(ZoneOffset.UTC).atZoneSameInstant(zone).toLocalDate();
    }

    private static void insertRecords(Connection connection, List<Application> applications) throws SQLException {
        if (applications.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO dashboard_funding_case"
                + " (application_id, initiative_id, pool_id, team_key, waiting, decided_day, decision_days) VALUES "
                + String.join(", ", Collections.nCopies(applications.size(), "(?, ?, ?, ?, ?, ?, ?)")))) {
            int p = 0;
            for (Application application : applications) {
                insert.setLong(++p, application.id());
                insert.setLong(++p, application.initiativeId());
                insert.setLong(++p, application.poolId());
                insert.setString(++p, application.teamKey());
                insert.setBoolean(++p, application.waits());
                insert.setObject(++p, application.decidedDay());
                insert.setObject(++p, application.decisionDays());
            }
            insert.executeUpdate();
        }
    }
}
