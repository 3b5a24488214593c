package dk.initiativ.dashboard;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.util.Map;
import java.util.TreeMap;

import dk.initiativ.dashboard.CaseTimeline.Status;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The per-day counts of deadlines ({@code dashboard_deadline_day}, V46, ADR 0043): per local day of the due moment, per
 * kind and per team of the case ({@code ''} without one), how many were met, breached and are still open. A case's
 * rows change only through {@link CaseTimelineProjection}, which takes its old deadlines' counts back and adds its new
 * ones in the same transaction ({@link Delta}); {@link #rebuild} counts every deadline anew with set-based SQL (V47,
 * the benchmark's generator).
 * <p>
 * The changes of one transaction are gathered ({@link #add}, merged per key) and written in one batch, in key order,
 * just before it commits ({@link Pending}: the last {@code beforeCommit}), so that a count row (e.g. every
 * submission's screening of one due day without a team) is locked only for the commit itself, not for the whole step
 * (process start, mails, ...). A reader in the same transaction calls {@link #flush} first.
 */
final class DeadlineDays {

    private DeadlineDays() {
    }

    /**
     * The slots each key's counts are spread over (V52, ADR 0047): a case's changes go to the slot of its id, so that
     * concurrent submissions of one day (one key: the day, SCREENING, no team) mostly change different rows instead of
     * waiting for one another's commit on one row. A reader sums over the slots (as it sums over days).
     */
    static final int SLOTS = 8;

    /** The slot of a case's counts. */
    static int slot(long initiativeId) {
        return (int) Math.floorMod(initiativeId, (long) SLOTS);
    }

    record Key(LocalDate dueDay, String kind, String teamKey, int slot) implements Comparable<Key> {

        @Override
        public int compareTo(Key other) {
            int byDay = dueDay.compareTo(other.dueDay);
            if (byDay != 0) {
                return byDay;
            }
            int byKind = kind.compareTo(other.kind);
            if (byKind != 0) {
                return byKind;
            }
            int byTeam = teamKey.compareTo(other.teamKey);
            return byTeam != 0 ? byTeam : Integer.compare(slot, other.slot);
        }
    }

    /** The net change of one case's counts; written in key order (the same lock order in every transaction). */
    static final class Delta {

        private final ZoneId zone;
        private final int slot;
        private final Map<Key, long[]> changes = new TreeMap<>();

        /** The changes of several cases, gathered by {@link #merge}. */
        Delta(ZoneId zone) {
            this(zone, 0);
        }

        /** The changes of one case, in its {@link #slot}. */
        Delta(ZoneId zone, int slot) {
            this.zone = zone;
            this.slot = slot;
        }

        /** Adds the other's changes to this one's, per key. */
        void merge(Delta other) {
            other.changes.forEach((key, n) -> {
                long[] sum = changes.computeIfAbsent(key, k -> new long[3]);
                for (int i = 0; i < 3; i++) {
                    sum[i] += n[i];
                }
            });
        }

        /** Adds ({@code sign} 1) or takes back ({@code sign} -1) one deadline; cancelled ones are not counted. */
        void add(String kind, LocalDateTime dueAtUtc, String status, String teamCode, int sign) {
            int column = switch (Status.valueOf(status)) {
                case MET -> 0;
                case BREACHED -> 1;
                case OPEN -> 2;
                case CANCELLED -> -1;
            };
            if (column < 0) {
                return;
            }
            LocalDate day = dueAtUtc.toInstant(ZoneOffset.UTC).atZone(zone).toLocalDate();
            changes.computeIfAbsent(new Key(day, kind, teamCode == null ? "" : teamCode, slot), key -> new long[3])[column] += sign;
        }

        void write(Connection connection) throws SQLException {
            try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO dashboard_deadline_day"
                    + " (due_day, kind, team_key, slot, met, breached, open_count) VALUES (?, ?, ?, ?, ?, ?, ?)"
                    + " ON DUPLICATE KEY UPDATE met = met + VALUE(met), breached = breached + VALUE(breached),"
                    + " open_count = open_count + VALUE(open_count)")) {
                boolean any = false;
                for (Map.Entry<Key, long[]> change : changes.entrySet()) {
                    long[] n = change.getValue();
                    if (n[0] == 0 && n[1] == 0 && n[2] == 0) {
                        continue;
                    }
                    upsert.setObject(1, change.getKey().dueDay());
                    upsert.setString(2, change.getKey().kind());
                    upsert.setString(3, change.getKey().teamKey());
                    upsert.setInt(4, change.getKey().slot());
                    upsert.setLong(5, n[0]);
                    upsert.setLong(6, n[1]);
                    upsert.setLong(7, n[2]);
                    upsert.addBatch();
                    any = true;
                }
                if (any) {
                    upsert.executeBatch();
                }
            }
        }
    }

    /**
     * Applies one case's change: at once outside a transaction, else with the transaction's other changes just
     * before it commits ({@link Pending}).
     */
    static void add(Delta delta, JdbcTemplate jdbc) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || !TransactionSynchronizationManager.isActualTransactionActive()) {
            write(delta, jdbc);
            return;
        }
        Pending pending = pending();
        if (pending == null) {
            pending = new Pending(jdbc, delta.zone);
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        pending.delta.merge(delta);
        if (pending.written) {
            // recorded after our beforeCommit (by a synchronization ordered after it): written at once
            pending.write();
        }
    }

    /** Writes the current transaction's gathered changes now (for a reader of the counts in the same transaction). */
    static void flush() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            Pending pending = pending();
            if (pending != null) {
                pending.write();
            }
        }
    }

    private static Pending pending() {
        return TransactionSynchronizationManager.getSynchronizations().stream().filter(Pending.class::isInstance)
                .map(Pending.class::cast).findFirst().orElse(null);
    }

    private static void write(Delta delta, JdbcTemplate jdbc) {
        jdbc.execute((Connection connection) -> {
            delta.write(connection);
            return null;
        });
    }

    /**
     * One transaction's changes of the counts, written as late as possible before it commits: after every other
     * {@code beforeCommit} (the lowest precedence), so also the events recorded then (e.g. while the receipt mail of
     * {@code notification.CaseMails}, the highest precedence, is written) are counted. Bound to one transaction.
     */
    private static final class Pending implements TransactionSynchronization {

        private final JdbcTemplate jdbc;
        private Delta delta;
        private boolean written;

        Pending(JdbcTemplate jdbc, ZoneId zone) {
            this.jdbc = jdbc;
            this.delta = new Delta(zone);
        }

        void write() {
            Delta changes = delta;
            delta = new Delta(changes.zone);
            DeadlineDays.write(changes, jdbc);
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            written = true;
            write();
        }

        @Override
        public void beforeCompletion() {
            // registered while another synchronization's beforeCommit ran (Spring calls those of before it began):
            // still inside the transaction here; on a rollback the rows go with it
            if (!written && !delta.changes.isEmpty()) {
                written = true;
                write();
            }
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }

    /**
     * Counts every deadline anew: one {@code INSERT ... SELECT ... GROUP BY} per stretch of time with one UTC offset
     * of the zone (two a year in Copenhagen), each reading a range of {@code ix_case_deadline_due}.
     */
    static void rebuild(Connection connection, ZoneId zone) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM dashboard_deadline_day");
            LocalDateTime first;
            LocalDateTime last;
            try (var rs = statement.executeQuery("SELECT MIN(due_at), MAX(due_at) FROM case_deadline")) {
                rs.next();
                first = rs.getObject(1, LocalDateTime.class);
                last = rs.getObject(2, LocalDateTime.class);
            }
            if (first == null) {
                return;
            }
            Instant from = first.toInstant(ZoneOffset.UTC);
            Instant end = last.toInstant(ZoneOffset.UTC).plusSeconds(1);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO dashboard_deadline_day"
                    + " (due_day, kind, team_key, met, breached, open_count)"
                    + " SELECT DATE(DATE_ADD(due_at, INTERVAL ? SECOND)) AS local_day, kind, COALESCE(team_code, '') AS team_key,"
                    + " SUM(status = 'MET'), SUM(status = 'BREACHED'), SUM(status = 'OPEN') FROM case_deadline"
                    + " WHERE due_at >= ? AND due_at < ? AND status <> 'CANCELLED' GROUP BY local_day, kind, team_key"
                    + " ON DUPLICATE KEY UPDATE met = met + VALUE(met), breached = breached + VALUE(breached),"
                    + " open_count = open_count + VALUE(open_count)")) {
                while (from.isBefore(end)) {
                    ZoneOffsetTransition next = zone.getRules().nextTransition(from);
                    Instant to = next == null || next.getInstant().isAfter(end) ? end : next.getInstant();
                    insert.setInt(1, zone.getRules().getOffset(from).getTotalSeconds());
                    insert.setObject(2, LocalDateTime.ofInstant(from, ZoneOffset.UTC));
                    insert.setObject(3, LocalDateTime.ofInstant(to, ZoneOffset.UTC));
                    insert.executeUpdate();
                    from = to;
                }
            }
        }
    }
}
