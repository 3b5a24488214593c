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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

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
     * waiting for one another's commit on one row. A reader sums over the slots (as it sums over days). The flow's and
     * the stays' counts use the same slots (V53): every submission of a day adds to one flow row, every ended stay to
     * its all-teams row.
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

    /**
     * A key of the per-day flow counts ({@code dashboard_flow_day}, V48, ADR 0044; slots V53 as V52's; each case also
     * under {@link #ALL_TEAMS} since V58, ADR 0052).
     */
    record FlowKey(LocalDate day, String teamKey, int slot) implements Comparable<FlowKey> {

        @Override
        public int compareTo(FlowKey other) {
            int byDay = day.compareTo(other.day);
            if (byDay != 0) {
                return byDay;
            }
            int byTeam = teamKey.compareTo(other.teamKey);
            return byTeam != 0 ? byTeam : Integer.compare(slot, other.slot);
        }
    }

    /**
     * A key of the per-day counts of stays per bucket of working days ({@code dashboard_stay_day}, V48, ADR 0044; slots
     * V53 as V52's; the buckets of {@code case_stage_visit.bucket}, V64, ADR 0057).
     */
    record StayKey(LocalDate leftDay, String stage, int bucket, String teamKey, int slot)
            implements Comparable<StayKey> {

        @Override
        public int compareTo(StayKey other) {
            int c = leftDay.compareTo(other.leftDay);
            if (c == 0) {
                c = stage.compareTo(other.stage);
            }
            if (c == 0) {
                c = Integer.compare(bucket, other.bucket);
            }
            if (c == 0) {
                c = teamKey.compareTo(other.teamKey);
            }
            return c != 0 ? c : Integer.compare(slot, other.slot);
        }
    }

    /**
     * A key of the per-day counts of closed cases per whole working day of their lead time from submission to closure
     * ({@code dashboard_lead_day}, V54, ADR 0049; slots as V52's).
     */
    record LeadKey(LocalDate closedDay, int wholeDays, String teamKey, int slot) implements Comparable<LeadKey> {

        @Override
        public int compareTo(LeadKey other) {
            int c = closedDay.compareTo(other.closedDay);
            if (c == 0) {
                c = Integer.compare(wholeDays, other.wholeDays);
            }
            if (c == 0) {
                c = teamKey.compareTo(other.teamKey);
            }
            return c != 0 ? c : Integer.compare(slot, other.slot);
        }
    }

    /**
     * A key of the per-day counts of closed cases by outcome ({@code 'O'}), topic ({@code 'T'}) and district
     * ({@code 'D'}) ({@code dashboard_outcome_day}, V56, ADR 0049; slots as V52's).
     */
    record OutcomeKey(LocalDate closedDay, String teamKey, char dimension, String code, int slot)
            implements Comparable<OutcomeKey> {

        @Override
        public int compareTo(OutcomeKey other) {
            int c = closedDay.compareTo(other.closedDay);
            if (c == 0) {
                c = teamKey.compareTo(other.teamKey);
            }
            if (c == 0) {
                c = Character.compare(dimension, other.dimension);
            }
            if (c == 0) {
                c = code.compareTo(other.code);
            }
            return c != 0 ? c : Integer.compare(slot, other.slot);
        }
    }

    /**
     * A key of the per-day counts of submissions by the submitter's age band and home district ({@code ''}: not
     * answered) ({@code dashboard_engagement_day}, V56, ADR 0049; slots as V52's).
     */
    record EngagementKey(LocalDate day, String teamKey, String ageBand, String district, int slot)
            implements Comparable<EngagementKey> {

        @Override
        public int compareTo(EngagementKey other) {
            int c = day.compareTo(other.day);
            if (c == 0) {
                c = teamKey.compareTo(other.teamKey);
            }
            if (c == 0) {
                c = ageBand.compareTo(other.ageBand);
            }
            if (c == 0) {
                c = district.compareTo(other.district);
            }
            return c != 0 ? c : Integer.compare(slot, other.slot);
        }
    }

    /**
     * A key of the per-day counts of decided funding applications per pool and decision time in working days
     * ({@code dashboard_funding_day}, V60, ADR 0056; slots as V52's).
     */
    record FundingKey(LocalDate decidedDay, long poolId, String teamKey, int decisionDays, int slot)
            implements Comparable<FundingKey> {

        @Override
        public int compareTo(FundingKey other) {
            int c = decidedDay.compareTo(other.decidedDay);
            if (c == 0) {
                c = Long.compare(poolId, other.poolId);
            }
            if (c == 0) {
                c = teamKey.compareTo(other.teamKey);
            }
            if (c == 0) {
                c = Integer.compare(decisionDays, other.decisionDays);
            }
            return c != 0 ? c : Integer.compare(slot, other.slot);
        }
    }

    /**
     * A key of the counts of funding applications waiting for a decision now per pool ({@code dashboard_funding_waiting},
     * V60, ADR 0056; slots as V52's).
     */
    record WaitingKey(String teamKey, long poolId, int slot) implements Comparable<WaitingKey> {

        @Override
        public int compareTo(WaitingKey other) {
            int c = teamKey.compareTo(other.teamKey);
            if (c == 0) {
                c = Long.compare(poolId, other.poolId);
            }
            return c != 0 ? c : Integer.compare(slot, other.slot);
        }
    }

    /** The team key of the stays' counts that holds every case whatever its team (the all-teams view). */
    static final String ALL_TEAMS = "*";

    /**
     * The net change of one case's counts (deadlines, flow, stays); written table by table, each in key order (the
     * same lock order in every transaction).
     */
    static final class Delta {

        private final ZoneId zone;
        private final int slot;
        private final Map<Key, long[]> changes = new TreeMap<>();
        private final Map<FlowKey, long[]> flow = new TreeMap<>();
        private final Map<StayKey, long[]> stays = new TreeMap<>();
        private final Map<LeadKey, long[]> leads = new TreeMap<>();
        private final Map<OutcomeKey, long[]> outcomes = new TreeMap<>();
        private final Map<EngagementKey, long[]> engagement = new TreeMap<>();
        /** Per contact person: open cases, proposals (not per slot: the submission does not touch these rows). */
        private final Map<String, long[]> workload = new TreeMap<>();
        private final Map<FundingKey, long[]> funding = new TreeMap<>();
        private final Map<WaitingKey, long[]> waiting = new TreeMap<>();

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
            other.flow.forEach((key, n) -> {
                long[] sum = flow.computeIfAbsent(key, k -> new long[2]);
                sum[0] += n[0];
                sum[1] += n[1];
            });
            other.stays.forEach((key, n) -> stays.computeIfAbsent(key, k -> new long[1])[0] += n[0]);
            other.leads.forEach((key, n) -> leads.computeIfAbsent(key, k -> new long[1])[0] += n[0]);
            other.outcomes.forEach((key, n) -> outcomes.computeIfAbsent(key, k -> new long[1])[0] += n[0]);
            other.engagement.forEach((key, n) -> engagement.computeIfAbsent(key, k -> new long[1])[0] += n[0]);
            other.workload.forEach((key, n) -> {
                long[] sum = workload.computeIfAbsent(key, k -> new long[2]);
                sum[0] += n[0];
                sum[1] += n[1];
            });
            other.funding.forEach((key, n) -> funding.computeIfAbsent(key, k -> new long[1])[0] += n[0]);
            other.waiting.forEach((key, n) -> waiting.computeIfAbsent(key, k -> new long[1])[0] += n[0]);
        }

        boolean isEmpty() {
            return changes.isEmpty() && flow.isEmpty() && stays.isEmpty() && leads.isEmpty() && outcomes.isEmpty()
                    && engagement.isEmpty() && workload.isEmpty() && funding.isEmpty() && waiting.isEmpty();
        }

        /**
         * Adds ({@code sign} 1) or takes back ({@code sign} -1) one open case of a contact person (section 40,
         * ADR 0055), counted also as a proposal when it is only proposed to them; nothing without a person.
         */
        void addWorkload(String person, boolean proposal, int sign) {
            if (person == null) {
                return;
            }
            long[] counts = workload.computeIfAbsent(person, key -> new long[2]);
            counts[0] += sign;
            counts[1] += proposal ? sign : 0;
        }

        /**
         * Adds ({@code sign} 1) or takes back ({@code sign} -1) one funding application of a pool under its case's team
         * and under {@link #ALL_TEAMS}: as waiting for a decision now, or (with a {@code decidedDay}, the local day of
         * the decision) as decided that day after {@code decisionDays} working days; an application neither waiting nor
         * decided is not counted.
         */
        void addFunding(long poolId, boolean waits, LocalDate decidedDay, Integer decisionDays, String teamCode,
                int sign) {
            for (String team : List.of(teamCode == null ? "" : teamCode, ALL_TEAMS)) {
                if (waits) {
                    waiting.computeIfAbsent(new WaitingKey(team, poolId, slot), key -> new long[1])[0] += sign;
                }
                if (decidedDay != null) {
                    funding.computeIfAbsent(new FundingKey(decidedDay, poolId, team, decisionDays, slot),
                            key -> new long[1])[0] += sign;
                }
            }
        }

        /**
         * Adds ({@code sign} 1) or takes back ({@code sign} -1) one submission by its submitter's age band and home
         * district (null: not answered), under its case's team and under {@link #ALL_TEAMS}, on its local day.
         */
        void addEngagement(LocalDateTime submittedAtUtc, String ageBand, String district, String teamCode, int sign) {
            LocalDate day = localDay(submittedAtUtc);
            String band = ageBand == null ? "" : ageBand;
            String home = district == null ? "" : district;
            engagement.computeIfAbsent(new EngagementKey(day, teamCode == null ? "" : teamCode, band, home, slot),
                    key -> new long[1])[0] += sign;
            engagement.computeIfAbsent(new EngagementKey(day, ALL_TEAMS, band, home, slot), key -> new long[1])[0] += sign;
        }

        /**
         * Adds ({@code sign} 1) or takes back ({@code sign} -1) one closed case by its outcome ({@code ''} for none),
         * topic and district, under its team and under {@link #ALL_TEAMS}, on the local day of its closure.
         */
        void addOutcome(LocalDateTime closedAtUtc, String outcome, String topic, String district, String teamCode,
                int sign) {
            LocalDate day = localDay(closedAtUtc);
            for (String team : List.of(teamCode == null ? "" : teamCode, ALL_TEAMS)) {
                outcomes.computeIfAbsent(new OutcomeKey(day, team, 'O', outcome == null ? "" : outcome, slot),
                        key -> new long[1])[0] += sign;
                outcomes.computeIfAbsent(new OutcomeKey(day, team, 'T', topic, slot), key -> new long[1])[0] += sign;
                outcomes.computeIfAbsent(new OutcomeKey(day, team, 'D', district, slot), key -> new long[1])[0] += sign;
            }
        }

        /**
         * Adds ({@code sign} 1) or takes back ({@code sign} -1) one closed case's lead time under its team and under
         * {@link #ALL_TEAMS}, on the local day of its closure, in the bucket of its whole working days.
         */
        void addLead(LocalDateTime closedAtUtc, int wholeDays, String teamCode, int sign) {
            LocalDate day = localDay(closedAtUtc);
            leads.computeIfAbsent(new LeadKey(day, wholeDays, teamCode == null ? "" : teamCode, slot),
                    key -> new long[1])[0] += sign;
            leads.computeIfAbsent(new LeadKey(day, wholeDays, ALL_TEAMS, slot), key -> new long[1])[0] += sign;
        }

        /**
         * Adds ({@code sign} 1) or takes back ({@code sign} -1) one case's entry (its submission) and exit (its
         * closure) under its team and under {@link #ALL_TEAMS}, each on the local day of its moment; a missing moment is
         * not counted.
         */
        void addFlow(LocalDateTime submittedAtUtc, LocalDateTime closedAtUtc, String teamCode, int sign) {
            // under the case's team and under ALL_TEAMS (V58, ADR 0052: the all-teams view reads one row a day)
            for (String team : List.of(teamCode == null ? "" : teamCode, ALL_TEAMS)) {
                if (submittedAtUtc != null) {
                    flow.computeIfAbsent(new FlowKey(localDay(submittedAtUtc), team, slot), key -> new long[2])[0] += sign;
                }
                if (closedAtUtc != null) {
                    flow.computeIfAbsent(new FlowKey(localDay(closedAtUtc), team, slot), key -> new long[2])[1] += sign;
                }
            }
        }

        /**
         * Adds ({@code sign} 1) or takes back ({@code sign} -1) one ended stay under its case's team and under
         * {@link #ALL_TEAMS}, on the local day it ended, in the bucket of its working days (as stored with it, V64).
         */
        void addStay(String stage, LocalDateTime leftAtUtc, int bucket, String teamCode, int sign) {
            LocalDate day = localDay(leftAtUtc);
            stays.computeIfAbsent(new StayKey(day, stage, bucket, teamCode == null ? "" : teamCode, slot),
                    key -> new long[1])[0] += sign;
            stays.computeIfAbsent(new StayKey(day, stage, bucket, ALL_TEAMS, slot), key -> new long[1])[0] += sign;
        }

        private LocalDate localDay(LocalDateTime utc) {
            return utc.toInstant(ZoneOffset.UTC).atZone(zone).toLocalDate();
        }

        /**
         * Adds ({@code sign} 1) or takes back ({@code sign} -1) one deadline under its case's team and under
         * {@link #ALL_TEAMS}; cancelled ones are not counted.
         */
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
            // and under ALL_TEAMS (V58, ADR 0052: the all-teams view reads one row per kind and day)
            changes.computeIfAbsent(new Key(day, kind, ALL_TEAMS, slot), key -> new long[3])[column] += sign;
        }

        /**
         * Writes the changed counts table by table, each table's rows as multi-row upserts in key order (the same lock
         * order in every transaction; a transaction's rows of one table cost one statement, not one each).
         */
        void write(Connection connection) throws SQLException {
            upsert(connection, "dashboard_deadline_day", "due_day, kind, team_key, slot",
                    List.of("met", "breached", "open_count"), changes,
                    key -> new Object[] {key.dueDay(), key.kind(), key.teamKey(), key.slot()});
            upsert(connection, "dashboard_flow_day", "day, team_key, slot", List.of("entered", "left_count"), flow,
                    key -> new Object[] {key.day(), key.teamKey(), key.slot()});
            upsert(connection, "dashboard_stay_day", "left_day, stage, bucket, team_key, slot", List.of("stays"),
                    stays, key -> new Object[] {key.leftDay(), key.stage(), key.bucket(), key.teamKey(), key.slot()});
            upsert(connection, "dashboard_lead_day", "closed_day, whole_days, team_key, slot", List.of("cases"), leads,
                    key -> new Object[] {key.closedDay(), key.wholeDays(), key.teamKey(), key.slot()});
            upsert(connection, "dashboard_outcome_day", "closed_day, team_key, dimension, code, slot",
                    List.of("cases"), outcomes, key -> new Object[] {key.closedDay(), key.teamKey(),
                            String.valueOf(key.dimension()), key.code(), key.slot()});
            upsert(connection, "dashboard_engagement_day", "day, team_key, age_band, district, slot",
                    List.of("submissions"), engagement,
                    key -> new Object[] {key.day(), key.teamKey(), key.ageBand(), key.district(), key.slot()});
            upsert(connection, "dashboard_workload", "user_id", List.of("open_cases", "proposals"), workload,
                    key -> new Object[] {key});
            upsert(connection, "dashboard_funding_day", "decided_day, pool_id, team_key, decision_days, slot",
                    List.of("applications"), funding, key -> new Object[] {key.decidedDay(), key.poolId(),
                            key.teamKey(), key.decisionDays(), key.slot()});
            upsert(connection, "dashboard_funding_waiting", "team_key, pool_id, slot", List.of("applications"), waiting,
                    key -> new Object[] {key.teamKey(), key.poolId(), key.slot()});
        }
    }

    /** The most rows of one upsert statement (a merged change of many cases is written in several). */
    static final int ROWS_PER_STATEMENT = 500;

    /**
     * Adds one table's changed counts (rows whose counts are all 0 are left out) with {@code INSERT ... VALUES (...),
     * (...) ON DUPLICATE KEY UPDATE count = count + VALUE(count)}, in the map's key order, at most
     * {@link #ROWS_PER_STATEMENT} rows a statement.
     *
     * @param keyColumns   the table's key columns, in the order {@code key} gives their values
     * @param countColumns the count columns, in the order of each change's array
     */
    static <K> void upsert(Connection connection, String table, String keyColumns, List<String> countColumns,
            Map<K, long[]> changes, Function<K, Object[]> key) throws SQLException {
        int keys = keyColumns.split(",").length;
        List<Object[]> rows = new ArrayList<>();
        for (Map.Entry<K, long[]> change : changes.entrySet()) {
            long[] counts = change.getValue();
            if (Arrays.stream(counts).allMatch(n -> n == 0)) {
                continue;
            }
            Object[] values = key.apply(change.getKey());
            if (values.length != keys || counts.length != countColumns.size()) {
                throw new IllegalArgumentException(table + ": " + values.length + " key values and " + counts.length
                        + " counts for " + keys + " key and " + countColumns.size() + " count columns");
            }
            Object[] row = Arrays.copyOf(values, keys + counts.length);
            for (int c = 0; c < counts.length; c++) {
                row[keys + c] = counts[c];
            }
            rows.add(row);
        }
        StringBuilder update = new StringBuilder(" ON DUPLICATE KEY UPDATE ");
        for (int c = 0; c < countColumns.size(); c++) {
            String column = countColumns.get(c);
            update.append(c == 0 ? "" : ", ").append(column).append(" = ").append(column).append(" + VALUE(")
                    .append(column).append(")");
        }
        CaseTimelineProjection.insert(connection, "INSERT INTO " + table + " (" + keyColumns + ", "
                + String.join(", ", countColumns) + ") VALUES ", rows, update.toString());
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
            if (!written && !delta.isEmpty()) {
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
        }
        // under each deadline's team and under ALL_TEAMS (V58)
        for (String team : List.of("COALESCE(team_code, '')", "'" + ALL_TEAMS + "'")) {
            perOffset(connection, zone, "case_deadline", "due_at", "INSERT INTO dashboard_deadline_day"
                    + " (due_day, kind, team_key, met, breached, open_count)"
                    + " SELECT DATE(DATE_ADD(due_at, INTERVAL ? SECOND)) AS local_day, kind, " + team + " AS team_key,"
                    + " SUM(status = 'MET'), SUM(status = 'BREACHED'), SUM(status = 'OPEN') FROM case_deadline"
                    + " WHERE due_at >= ? AND due_at < ? AND status <> 'CANCELLED' GROUP BY local_day, kind, team_key"
                    + " ON DUPLICATE KEY UPDATE met = met + VALUE(met), breached = breached + VALUE(breached),"
                    + " open_count = open_count + VALUE(open_count)");
        }
    }

    /**
     * Counts every case's entry and exit and every ended stay anew ({@link #rebuildFlow}, {@link #rebuildStays}; the
     * benchmark's generator).
     */
    static void rebuildFlowAndStays(Connection connection, ZoneId zone) throws SQLException {
        rebuildFlow(connection, zone);
        rebuildStays(connection, zone);
    }

    /**
     * Counts every case's entry and exit anew ({@code dashboard_flow_case}, {@code dashboard_flow_day}; V49):
     * set-based, one {@code INSERT ... SELECT ... GROUP BY} per stretch of time with one UTC offset of the zone and per
     * count, each over an index range of the moments.
     */
    static void rebuildFlow(Connection connection, ZoneId zone) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM dashboard_flow_case");
            statement.executeUpdate("DELETE FROM dashboard_flow_day");
            statement.executeUpdate("INSERT INTO dashboard_flow_case (initiative_id, submitted_at, closed_at, team_key)"
                    + " SELECT id, submitted_at, closed_at, COALESCE(team_code, '') FROM initiative");
        }
        // under each case's team and under ALL_TEAMS (V58)
        for (String team : List.of("COALESCE(team_code, '')", "'" + ALL_TEAMS + "'")) {
            perOffset(connection, zone, "initiative", "submitted_at", "INSERT INTO dashboard_flow_day"
                    + " (day, team_key, entered, left_count) SELECT DATE(DATE_ADD(submitted_at, INTERVAL ? SECOND)) AS d,"
                    + " " + team + " AS t, COUNT(*), 0 FROM initiative WHERE submitted_at >= ? AND submitted_at < ?"
                    + " GROUP BY d, t ON DUPLICATE KEY UPDATE entered = entered + VALUE(entered)");
            perOffset(connection, zone, "initiative", "closed_at", "INSERT INTO dashboard_flow_day"
                    + " (day, team_key, entered, left_count) SELECT DATE(DATE_ADD(closed_at, INTERVAL ? SECOND)) AS d,"
                    + " " + team + " AS t, 0, COUNT(*) FROM initiative WHERE closed_at >= ? AND closed_at < ?"
                    + " GROUP BY d, t ON DUPLICATE KEY UPDATE left_count = left_count + VALUE(left_count)");
        }
    }

    /**
     * Counts every ended stay anew per local day, stage, bucket of its working days (V64) and team
     * ({@code dashboard_stay_day}; V65), under the case's team and under {@link #ALL_TEAMS}, set-based as
     * {@link #rebuildFlow}.
     */
    static void rebuildStays(Connection connection, ZoneId zone) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM dashboard_stay_day");
        }
        perOffset(connection, zone, "case_stage_visit", "left_at", "INSERT INTO dashboard_stay_day"
                + " (left_day, stage, bucket, team_key, stays) SELECT DATE(DATE_ADD(left_at, INTERVAL ? SECOND)) AS d,"
                + " stage, bucket, COALESCE(team_code, '') AS t, COUNT(*) FROM case_stage_visit"
                + " WHERE left_at >= ? AND left_at < ? GROUP BY d, stage, bucket, t"
                + " ON DUPLICATE KEY UPDATE stays = stays + VALUE(stays)");
        perOffset(connection, zone, "case_stage_visit", "left_at", "INSERT INTO dashboard_stay_day"
                + " (left_day, stage, bucket, team_key, stays) SELECT DATE(DATE_ADD(left_at, INTERVAL ? SECOND)) AS d,"
                + " stage, bucket, '" + ALL_TEAMS + "', COUNT(*) FROM case_stage_visit"
                + " WHERE left_at >= ? AND left_at < ? GROUP BY d, stage, bucket"
                + " ON DUPLICATE KEY UPDATE stays = stays + VALUE(stays)");
    }

    /** The rows of one multi-row statement of {@link #rebuildLeads}. */
    private static final int LEAD_ROWS_PER_STATEMENT = 1000;

    /**
     * Computes every closed case's lead time from submission to closure ({@link WorkingTime#between}, as section 20
     * computed it per request) onto its flow record ({@code dashboard_flow_case.lead_days}, {@code lead_whole}) and
     * counts them anew per local day of the closure, whole working days and team ({@code dashboard_lead_day}; V55, the
     * benchmark's generator). Runs after {@link #rebuildFlowAndStays} (which writes the flow records without a lead
     * time). The lead times are computed in Java (the working days are a floating-point sum over the calendar's days)
     * and written back in multi-row statements; the counts with one {@code INSERT ... SELECT ... GROUP BY} per stretch
     * of one UTC offset of the zone.
     */
    static void rebuildLeads(Connection connection, WorkingTime workingTime) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM dashboard_lead_day");
            statement.executeUpdate("UPDATE dashboard_flow_case SET lead_days = NULL, lead_whole = NULL"
                    + " WHERE lead_days IS NOT NULL OR lead_whole IS NOT NULL");
        }
        long[] ids = new long[1024];
        double[] days = new double[1024];
        int n = 0;
        try (PreparedStatement select = connection.prepareStatement("SELECT initiative_id, submitted_at, closed_at"
                + " FROM dashboard_flow_case WHERE closed_at IS NOT NULL AND submitted_at IS NOT NULL")) {
            select.setFetchSize(10_000);
            try (var rs = select.executeQuery()) {
                while (rs.next()) {
                    Instant submitted = rs.getObject(2, LocalDateTime.class).toInstant(ZoneOffset.UTC);
                    Instant closed = rs.getObject(3, LocalDateTime.class).toInstant(ZoneOffset.UTC);
                    if (n == ids.length) {
                        ids = Arrays.copyOf(ids, n * 2);
                        days = Arrays.copyOf(days, n * 2);
                    }
                    ids[n] = rs.getLong(1);
                    days[n++] = workingTime.between(submitted, closed);
                }
            }
        }
        for (int from = 0; from < n; from += LEAD_ROWS_PER_STATEMENT) {
            int to = Math.min(n, from + LEAD_ROWS_PER_STATEMENT);
            StringBuilder sql = new StringBuilder("INSERT INTO dashboard_flow_case"
                    + " (initiative_id, team_key, lead_days, lead_whole) VALUES ");
            for (int i = from; i < to; i++) {
                sql.append(i == from ? "" : ", ").append("(?, '', ?, ?)");
            }
            sql.append(" ON DUPLICATE KEY UPDATE lead_days = VALUE(lead_days), lead_whole = VALUE(lead_whole)");
            try (PreparedStatement upsert = connection.prepareStatement(sql.toString())) {
                int p = 1;
                for (int i = from; i < to; i++) {
                    double value = days[i];
                    upsert.setLong(p++, ids[i]);
                    upsert.setDouble(p++, value);
                    upsert.setInt(p++, (int) Math.floor(value));
                }
                upsert.executeUpdate();
            }
        }
        ZoneId zone = workingTime.zone();
        perOffset(connection, zone, "dashboard_flow_case", "closed_at", "INSERT INTO dashboard_lead_day"
                + " (closed_day, whole_days, team_key, cases) SELECT DATE(DATE_ADD(closed_at, INTERVAL ? SECOND)) AS d,"
                + " lead_whole, team_key, COUNT(*) FROM dashboard_flow_case WHERE closed_at >= ? AND closed_at < ?"
                + " AND lead_whole IS NOT NULL GROUP BY d, lead_whole, team_key"
                + " ON DUPLICATE KEY UPDATE cases = cases + VALUE(cases)");
        perOffset(connection, zone, "dashboard_flow_case", "closed_at", "INSERT INTO dashboard_lead_day"
                + " (closed_day, whole_days, team_key, cases) SELECT DATE(DATE_ADD(closed_at, INTERVAL ? SECOND)) AS d,"
                + " lead_whole, '" + ALL_TEAMS + "', COUNT(*) FROM dashboard_flow_case WHERE closed_at >= ?"
                + " AND closed_at < ? AND lead_whole IS NOT NULL GROUP BY d, lead_whole"
                + " ON DUPLICATE KEY UPDATE cases = cases + VALUE(cases)");
    }

    /**
     * Copies every closed case's outcome, topic and district and every case's submitter's answers onto its flow record
     * ({@code dashboard_flow_case}: what the case has added) and counts anew the closed cases per local day of the
     * closure, team, outcome, topic and district ({@code dashboard_outcome_day}) and the submissions per local day,
     * team, age band and home district ({@code dashboard_engagement_day}; V57, the benchmark's generator): set-based,
     * one {@code INSERT ... SELECT ... GROUP BY} per stretch of one UTC offset of the zone, count and team key (the
     * case's, {@link #ALL_TEAMS}), each over a range of an index of the case rows. Runs after
     * {@link #rebuildFlowAndStays} (which writes the flow records without them).
     */
    static void rebuildOutcomes(Connection connection, ZoneId zone) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM dashboard_outcome_day");
            statement.executeUpdate("DELETE FROM dashboard_engagement_day");
            statement.executeUpdate("UPDATE dashboard_flow_case f JOIN initiative i ON i.id = f.initiative_id"
                    + " SET f.outcome_counted = (i.stage = 'CLOSED' AND i.closed_at IS NOT NULL),"
                    + " f.outcome = IF(i.stage = 'CLOSED' AND i.closed_at IS NOT NULL, i.outcome, NULL),"
                    + " f.topic = IF(i.stage = 'CLOSED' AND i.closed_at IS NOT NULL, i.topic, NULL),"
                    + " f.district = IF(i.stage = 'CLOSED' AND i.closed_at IS NOT NULL, i.district, NULL),"
                    + " f.profile_age_band = i.profile_age_band, f.profile_district = i.profile_district");
        }
        for (String team : List.of("COALESCE(team_code, '')", "'" + ALL_TEAMS + "'")) {
            perOffset(connection, zone, "initiative", "submitted_at", "INSERT INTO dashboard_engagement_day"
                    + " (day, team_key, age_band, district, submissions)"
                    + " SELECT DATE(DATE_ADD(submitted_at, INTERVAL ? SECOND)) AS d, " + team + " AS t,"
                    + " COALESCE(profile_age_band, '') AS b, COALESCE(profile_district, '') AS h, COUNT(*)"
                    + " FROM initiative WHERE submitted_at >= ? AND submitted_at < ? GROUP BY d, t, b, h"
                    + " ON DUPLICATE KEY UPDATE submissions = submissions + VALUE(submissions)");
        }
        for (String[] dimension : List.of(new String[] {"O", "COALESCE(outcome, '')"}, new String[] {"T", "topic"},
                new String[] {"D", "district"})) {
            for (String team : List.of("COALESCE(team_code, '')", "'" + ALL_TEAMS + "'")) {
                perOffset(connection, zone, "initiative", "closed_at", "INSERT INTO dashboard_outcome_day"
                        + " (closed_day, team_key, dimension, code, cases)"
                        + " SELECT DATE(DATE_ADD(closed_at, INTERVAL ? SECOND)) AS d, " + team + " AS t, '"
                        + dimension[0] + "', " + dimension[1] + " AS c, COUNT(*) FROM initiative"
                        + " WHERE closed_at >= ? AND closed_at < ? AND stage = 'CLOSED' GROUP BY d, t, c"
                        + " ON DUPLICATE KEY UPDATE cases = cases + VALUE(cases)");
            }
        }
    }

    /**
     * Copies every case's open contact person and whether it is only proposed to them onto its flow record and counts
     * the open cases and proposals per contact person anew ({@code dashboard_workload}; as V59 does, for the
     * benchmark's generator and the recount test). Runs after {@link #rebuildFlowAndStays}.
     */
    static void rebuildWorkload(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE dashboard_flow_case f JOIN initiative i ON i.id = f.initiative_id"
                    + " SET f.workload_person = i.open_contact_person,"
                    + " f.workload_proposal = (i.open_contact_person IS NOT NULL AND i.stage = 'ACCEPTED')");
            statement.executeUpdate("DELETE FROM dashboard_workload");
            statement.executeUpdate("INSERT INTO dashboard_workload (user_id, open_cases, proposals)"
                    + " SELECT workload_person, COUNT(*), SUM(workload_proposal) FROM dashboard_flow_case"
                    + " WHERE workload_person IS NOT NULL GROUP BY workload_person");
        }
    }

    /**
     * Runs {@code insert} (parameters: the offset in seconds, the stretch's start and end as UTC wall-clock times) once
     * per stretch of one UTC offset of the zone between the first and the last {@code column} of {@code table}.
     */
    private static void perOffset(Connection connection, ZoneId zone, String table, String column, String insert)
            throws SQLException {
        LocalDateTime first;
        LocalDateTime last;
        try (Statement statement = connection.createStatement();
                var rs = statement.executeQuery("SELECT MIN(" + column + "), MAX(" + column + ") FROM " + table)) {
            rs.next();
            first = rs.getObject(1, LocalDateTime.class);
            last = rs.getObject(2, LocalDateTime.class);
        }
        if (first == null) {
            return;
        }
        Instant from = first.toInstant(ZoneOffset.UTC);
        Instant end = last.toInstant(ZoneOffset.UTC).plusSeconds(1);
        try (PreparedStatement statement = connection.prepareStatement(insert)) {
            while (from.isBefore(end)) {
                ZoneOffsetTransition next = zone.getRules().nextTransition(from);
                Instant to = next == null || next.getInstant().isAfter(end) ? end : next.getInstant();
                statement.setInt(1, zone.getRules().getOffset(from).getTotalSeconds());
                statement.setObject(2, LocalDateTime.ofInstant(from, ZoneOffset.UTC));
                statement.setObject(3, LocalDateTime.ofInstant(to, ZoneOffset.UTC));
                statement.executeUpdate();
                from = to;
            }
        }
    }
}
