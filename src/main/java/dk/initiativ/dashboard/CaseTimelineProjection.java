package dk.initiativ.dashboard;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import dk.initiativ.initiative.CaseEventRecorded;
import dk.initiativ.initiative.CaseEventType;
import dk.initiativ.process.DeadlineProperties;
import jakarta.persistence.EntityManager;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps the dashboard's projections ({@code case_stage_visit}, {@code case_deadline}, V21) in step with the case
 * timeline: on each {@link CaseEventRecorded}, in the transaction that wrote the event, the case's rows are derived
 * anew from its whole timeline by {@link CaseTimeline} (a case has a few dozen events at most). So the projection is
 * exact whatever the order of events, and the backfill (V22) writes the same rows through {@link #write}. Each
 * deadline carries its case's team, and the per-day counts ({@link DeadlineDays}, V46) follow the case's rows in the
 * same transaction: the old rows' counts are taken back, the new ones added, written just before it commits (ADR 0043).
 * A citizen's submission is the exception (ADR 0059): its event leaves a row in {@code dashboard_pending_submission},
 * and {@link SubmissionProjector} writes its rows and counts with other submissions' a moment later; any later event
 * of the case projects it here first.
 */
@Component
class CaseTimelineProjection {

    private final JdbcTemplate jdbc;
    private final CaseTimeline timeline;
    private final EntityManager entities;
    private final WorkingTime workingTime;

    CaseTimelineProjection(JdbcTemplate jdbc, WorkingTime workingTime, DeadlineProperties properties,
            EntityManager entities) {
        this.jdbc = jdbc;
        this.workingTime = workingTime;
        this.timeline = new CaseTimeline(workingTime, properties);
        this.entities = entities;
    }

    @EventListener
    void on(CaseEventRecorded recorded) {
        // the case row's change that came with the event (e.g. the team set with CONTACT_PROPOSED) must be in the
        // database before the projection reads the case's team
        if (TransactionSynchronizationManager.isActualTransactionActive() && entities.isJoinedToTransaction()) {
            entities.flush();
        }
        if (recorded.type() == CaseEventType.SUBMITTED && recorded.occurredAt() != null && recorded.submitted() != null) {
            // a case's first event comes with its new row and says what the row holds: its dashboard rows are written
            // a moment later with other submissions' by SubmissionProjector (ADR 0059); this row says what they need
            CaseEventRecorded.SubmittedCase submitted = recorded.submitted();
            jdbc.update("INSERT INTO dashboard_pending_submission (initiative_id, occurred_at, submitted_at,"
                    + " profile_age_band, profile_district) VALUES (?, ?, ?, ?, ?)", recorded.initiativeId(),
                    wall(recorded.occurredAt().truncatedTo(ChronoUnit.MICROS)),
                    wall(submitted.submittedAt().truncatedTo(ChronoUnit.MICROS)), submitted.ageBand(),
                    submitted.homeDistrict());
            return;
        }
        if (recorded.type() == CaseEventType.SUBMITTED && recorded.occurredAt() != null) {
            // a case's first event without what its row holds: its timeline is this one event and it has no projected
            // rows yet to replace, so its events need no reading back
            List<CaseTimeline.Event> events = List.of(new CaseTimeline.Event(CaseEventType.SUBMITTED,
                    recorded.occurredAt().truncatedTo(ChronoUnit.MICROS)));
            shareTheProjectorsLock();
            DeadlineDays.Delta delta = jdbc.execute((Connection connection) -> write(connection,
                    recorded.initiativeId(), timeline.derive(events), false, workingTime, false));
            DeadlineDays.add(delta, jdbc);
            return;
        }
        rebuild(recorded.initiativeId(), recorded.type() != CaseEventType.SUBMITTED, FUNDING.contains(recorded.type()));
    }

    /**
     * The events that come with a change of one of the case's funding applications (the funding module records them
     * in the same transaction): the case's funding counts are taken anew then, and when its team changes (ADR 0056).
     */
    static final Set<CaseEventType> FUNDING = EnumSet.of(CaseEventType.FUNDING_PROPOSED, CaseEventType.FUNDING_GRANTED,
            CaseEventType.FUNDING_REJECTED);

    /** Derives the case's rows anew from its timeline (and its funding applications' counts from their rows). */
    void rebuild(long initiativeId) {
        rebuild(initiativeId, true, true);
    }

    private void rebuild(long initiativeId, boolean replace, boolean funding) {
        // a submission not projected yet is projected here with the case's whole timeline. The transaction holds the
        // case row already (the event's row, inserted before it was published, holds it through its foreign key), so
        // a projector's batch, which locks the case rows before their pending rows, has either projected the case and
        // committed, or waits for this transaction and then finds the pending row gone (ADR 0059)
        shareTheProjectorsLock();
        jdbc.update("DELETE FROM dashboard_pending_submission WHERE initiative_id = ?", initiativeId);
        List<CaseTimeline.Event> events = jdbc.query(
                "SELECT type, occurred_at FROM case_event WHERE initiative_id = ? ORDER BY occurred_at, id",
                (rs, n) -> event(rs), initiativeId);
        DeadlineDays.Delta delta = jdbc.execute((Connection connection) ->
                write(connection, initiativeId, timeline.derive(events), replace, workingTime, funding));
        DeadlineDays.add(delta, jdbc);
    }

    /**
     * Waits for a batch of {@link SubmissionProjector} that runs now, and keeps the next one from starting until this
     * transaction ends (a share of the projector's lock, V67; events' transactions do not wait for each other). Taken
     * before this transaction writes any dashboard row, so it waits holding none of them. Without it, a batch adding
     * up hundreds of per-day counts and a staff member's change adding up a few deadlocked over the counts' next-key
     * locks, and MariaDB rolled back the staff member's change, the smaller one (ADR 0064).
     */
    private void shareTheProjectorsLock() {
        jdbc.queryForList("SELECT id FROM dashboard_projector_lock WHERE id = 1 LOCK IN SHARE MODE", Long.class);
    }

    CaseTimeline timeline() {
        return timeline;
    }

    static CaseTimeline.Event event(ResultSet rs) throws SQLException {
        CaseEventType type = CaseEventType.valueOf(rs.getString("type"));
        return new CaseTimeline.Event(type, utc(rs.getObject("occurred_at", LocalDateTime.class)));
    }

    /**
     * Writes one case's rows (after deleting its old ones when {@code replace}) as V21 shaped them: no team on the
     * deadlines, no per-day counts (the backfill V22, which runs before V46).
     */
    static void write(Connection connection, long initiativeId, CaseTimeline.Result result, boolean replace)
            throws SQLException {
        write(connection, initiativeId, result, replace, null);
    }

    /**
     * Writes one case's rows (after deleting its old ones when {@code replace}); with a {@code workingTime}, each
     * deadline and stay carries the case's team as the case row has it now, its flow record its lead time from
     * submission to closure (ADR 0049), and the returned change of the per-day counts takes back the old rows and adds
     * the new ones ({@link DeadlineDays}; the caller applies it, null without a {@code workingTime}).
     */
    static DeadlineDays.Delta write(Connection connection, long initiativeId, CaseTimeline.Result result, boolean replace,
            WorkingTime workingTime) throws SQLException {
        return write(connection, initiativeId, result, replace, workingTime, true);
    }

    /**
     * As {@link #write(Connection, long, CaseTimeline.Result, boolean, WorkingTime)}. The case's funding applications
     * are counted anew when {@code funding} (an event that comes with a change of one, or a rebuild), or when the case
     * has counted some and its team changes (ADR 0056); else they stay as counted.
     */
    private static DeadlineDays.Delta write(Connection connection, long initiativeId, CaseTimeline.Result result,
            boolean replace, WorkingTime workingTime, boolean funding) throws SQLException {
        DeadlineDays.Delta delta = workingTime == null ? null
                : new DeadlineDays.Delta(workingTime.zone(), DeadlineDays.slot(initiativeId));
        String teamCode = null;
        if (delta != null) {
            String oldTeamKey = null;
            int oldFunding = 0;
            if (replace) {
                try (PreparedStatement old = connection.prepareStatement("SELECT stage, left_at, bucket, team_code"
                        + " FROM case_stage_visit WHERE initiative_id = ? FOR UPDATE")) {
                    old.setLong(1, initiativeId);
                    try (ResultSet rs = old.executeQuery()) {
                        while (rs.next()) {
                            LocalDateTime leftAt = rs.getObject(2, LocalDateTime.class);
                            if (leftAt != null) {
                                delta.addStay(rs.getString(1), leftAt, rs.getInt(3), rs.getString(4), -1);
                            }
                        }
                    }
                }
                try (PreparedStatement old = connection.prepareStatement("SELECT submitted_at, closed_at, team_key,"
                        + " lead_whole, outcome_counted, outcome, topic, district, profile_age_band, profile_district,"
                        + " workload_person, workload_proposal, funding_applications FROM dashboard_flow_case"
                        + " WHERE initiative_id = ? FOR UPDATE")) {
                    old.setLong(1, initiativeId);
                    try (ResultSet rs = old.executeQuery()) {
                        if (rs.next()) {
                            LocalDateTime oldSubmittedAt = rs.getObject(1, LocalDateTime.class);
                            LocalDateTime oldClosedAt = rs.getObject(2, LocalDateTime.class);
                            oldTeamKey = rs.getString(3);
                            oldFunding = rs.getInt(13);
                            delta.addFlow(oldSubmittedAt, oldClosedAt, rs.getString(3), -1);
                            if (oldSubmittedAt != null) {
                                delta.addEngagement(oldSubmittedAt, rs.getString(9), rs.getString(10), rs.getString(3),
                                        -1);
                            }
                            int oldLeadWhole = rs.getInt(4);
                            if (oldClosedAt != null && !rs.wasNull()) {
                                delta.addLead(oldClosedAt, oldLeadWhole, rs.getString(3), -1);
                            }
                            if (oldClosedAt != null && rs.getBoolean(5)) {
                                delta.addOutcome(oldClosedAt, rs.getString(6), rs.getString(7), rs.getString(8),
                                        rs.getString(3), -1);
                            }
                            delta.addWorkload(rs.getString(11), rs.getBoolean(12), -1);
                        }
                    }
                }
                try (PreparedStatement old = connection.prepareStatement("SELECT kind, due_at, status, team_code"
                        + " FROM case_deadline WHERE initiative_id = ? FOR UPDATE")) {
                    old.setLong(1, initiativeId);
                    try (ResultSet rs = old.executeQuery()) {
                        while (rs.next()) {
                            delta.add(rs.getString(1), rs.getObject(2, LocalDateTime.class), rs.getString(3),
                                    rs.getString(4), -1);
                        }
                    }
                }
            }
            LocalDateTime submittedAt = null;
            LocalDateTime closedAt = null;
            boolean outcomeCounted = false;
            String outcome = null;
            String topic = null;
            String district = null;
            String ageBand = null;
            String homeDistrict = null;
            // section 40: the open case's contact person as the case row has it now (none for a new case, ADR 0055)
            String workloadPerson = null;
            boolean workloadProposal = false;
            try (PreparedStatement team = connection.prepareStatement("SELECT team_code, submitted_at,"
                    + " closed_at, stage, outcome, topic, district, profile_age_band, profile_district,"
                    + " open_contact_person FROM initiative WHERE id = ?")) {
                team.setLong(1, initiativeId);
                try (ResultSet rs = team.executeQuery()) {
                    if (rs.next()) {
                        teamCode = rs.getString(1);
                        submittedAt = rs.getObject(2, LocalDateTime.class);
                        closedAt = rs.getObject(3, LocalDateTime.class);
                        // section 60 counts the cases closed now (stage CLOSED) on the day of their closure
                        // (ADR 0049)
                        outcomeCounted = closedAt != null && "CLOSED".equals(rs.getString(4));
                        if (outcomeCounted) {
                            outcome = rs.getString(5);
                            topic = rs.getString(6);
                            district = rs.getString(7);
                            delta.addOutcome(closedAt, outcome, topic, district, teamCode, 1);
                        }
                        // section 70 counts each submission by its submitter's answers as the case row has them now
                        ageBand = rs.getString(8);
                        homeDistrict = rs.getString(9);
                        if (submittedAt != null) {
                            delta.addEngagement(submittedAt, ageBand, homeDistrict, teamCode, 1);
                        }
                        workloadPerson = rs.getString(10);
                        workloadProposal = workloadPerson != null && "ACCEPTED".equals(rs.getString(4));
                        delta.addWorkload(workloadPerson, workloadProposal, 1);
                    }
                }
            }
            // the case's entry and exit as the case row has them now, under its team now (ADR 0044), and its lead time
            // from submission to closure as section 20 computed it per request before (ADR 0049)
            delta.addFlow(submittedAt, closedAt, teamCode, 1);
            // the funding applications under the case's team now (ADR 0056): they change only with a funding event; a
            // case's counted ones move with its team
            int fundingApplications = oldFunding;
            if (funding || oldFunding > 0 && !(teamCode == null ? "" : teamCode).equals(oldTeamKey)) {
                fundingApplications = FundingDays.project(connection, initiativeId, teamCode, oldFunding, delta,
                        workingTime);
            }
            Double leadDays = null;
            if (submittedAt != null && closedAt != null) {
                leadDays = workingTime.between(utc(submittedAt), utc(closedAt));
                delta.addLead(closedAt, (int) Math.floor(leadDays), teamCode, 1);
            }
            insert(connection, FLOW_INSERT, List.<Object[]>of(new Object[] {initiativeId, submittedAt, closedAt,
                    teamCode == null ? "" : teamCode, leadDays, leadDays == null ? null : (int) Math.floor(leadDays),
                    outcomeCounted, outcome, topic, district, ageBand, homeDistrict, workloadPerson, workloadProposal,
                    fundingApplications}), FLOW_UPDATE);
        }
        if (replace) {
            for (String table : List.of("case_stage_visit", "case_deadline")) {
                try (PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM " + table + " WHERE initiative_id = ?")) {
                    delete.setLong(1, initiativeId);
                    delete.executeUpdate();
                }
            }
        }
        insert(connection, delta == null ? VISIT_INSERT_V21 : VISIT_INSERT,
                visitRows(initiativeId, result, delta != null, teamCode), "");
        // with its old visits deleted the table holds just these now: with none left yet there is no stay to count and
        // nothing to read back
        boolean staysToCount = !replace || result.visits().stream().anyMatch(visit -> visit.leftAt() != null);
        if (delta != null && staysToCount) {
            // the bucket as stored (the column rounds the working days to three decimals; V64 buckets that)
            try (PreparedStatement stays = connection.prepareStatement("SELECT stage, left_at, bucket"
                    + " FROM case_stage_visit WHERE initiative_id = ? AND left_at IS NOT NULL")) {
                stays.setLong(1, initiativeId);
                try (ResultSet rs = stays.executeQuery()) {
                    while (rs.next()) {
                        delta.addStay(rs.getString(1), rs.getObject(2, LocalDateTime.class), rs.getInt(3), teamCode, 1);
                    }
                }
            }
        }
        insert(connection, delta == null ? DEADLINE_INSERT_V21 : DEADLINE_INSERT,
                deadlineRows(initiativeId, result, delta, teamCode), "");
        return delta;
    }

    static final String FLOW_INSERT = "INSERT INTO dashboard_flow_case (initiative_id, submitted_at, closed_at,"
            + " team_key, lead_days, lead_whole, outcome_counted, outcome, topic, district, profile_age_band,"
            + " profile_district, workload_person, workload_proposal, funding_applications) VALUES ";
    static final String FLOW_UPDATE = " ON DUPLICATE KEY UPDATE"
            + " submitted_at = VALUE(submitted_at), closed_at = VALUE(closed_at), team_key = VALUE(team_key),"
            + " lead_days = VALUE(lead_days), lead_whole = VALUE(lead_whole),"
            + " outcome_counted = VALUE(outcome_counted), outcome = VALUE(outcome), topic = VALUE(topic),"
            + " district = VALUE(district), profile_age_band = VALUE(profile_age_band),"
            + " profile_district = VALUE(profile_district), workload_person = VALUE(workload_person),"
            + " workload_proposal = VALUE(workload_proposal),"
            + " funding_applications = VALUE(funding_applications)";
    static final String VISIT_INSERT = "INSERT INTO case_stage_visit"
            + " (initiative_id, seq, stage, entered_at, left_at, working_days, team_code) VALUES ";
    /** As V21 shaped the table (the backfill V22): no team. */
    static final String VISIT_INSERT_V21 = "INSERT INTO case_stage_visit"
            + " (initiative_id, seq, stage, entered_at, left_at, working_days) VALUES ";
    static final String DEADLINE_INSERT = "INSERT INTO case_deadline"
            + " (initiative_id, seq, kind, started_at, due_at, ended_at, status, team_code) VALUES ";
    /** As V21 shaped the table (the backfill V22): no team. */
    static final String DEADLINE_INSERT_V21 = "INSERT INTO case_deadline"
            + " (initiative_id, seq, kind, started_at, due_at, ended_at, status) VALUES ";

    /** A case's stage visits as rows of {@link #VISIT_INSERT} ({@link #VISIT_INSERT_V21} without {@code withTeam}). */
    static List<Object[]> visitRows(long initiativeId, CaseTimeline.Result result, boolean withTeam, String teamCode) {
        List<Object[]> rows = new ArrayList<>();
        int seq = 0;
        for (CaseTimeline.StageVisit visit : result.visits()) {
            Object[] row = {initiativeId, ++seq, visit.stage().name(), wall(visit.enteredAt()), wall(visit.leftAt()),
                    visit.workingDays(), teamCode};
            rows.add(withTeam ? row : Arrays.copyOf(row, 6));
        }
        return rows;
    }

    /**
     * A case's deadlines as rows of {@link #DEADLINE_INSERT} (with a {@code delta}, which counts each of them under
     * the team) or of {@link #DEADLINE_INSERT_V21} (without one).
     */
    static List<Object[]> deadlineRows(long initiativeId, CaseTimeline.Result result, DeadlineDays.Delta delta,
            String teamCode) {
        List<Object[]> rows = new ArrayList<>();
        int seq = 0;
        for (CaseTimeline.Deadline deadline : result.deadlines()) {
            Object[] row = {initiativeId, ++seq, deadline.kind().name(), wall(deadline.startedAt()),
                    wall(deadline.dueAt()), wall(deadline.endedAt()), deadline.status().name(), teamCode};
            if (delta != null) {
                delta.add(deadline.kind().name(), wall(deadline.dueAt()), deadline.status().name(), teamCode, 1);
            }
            rows.add(delta != null ? row : Arrays.copyOf(row, 7));
        }
        return rows;
    }

    /**
     * Inserts the rows (all of one length) with multi-row statements of at most {@link DeadlineDays#ROWS_PER_STATEMENT}
     * rows: {@code insert} ends with {@code VALUES }, {@code suffix} follows the rows; nothing without rows. The one
     * writer of the dashboard's rows: a case's, a batch of submissions' ({@link SubmissionProjector}) and the per-day
     * counts' upserts ({@link DeadlineDays#upsert}).
     */
    static void insert(Connection connection, String insert, List<Object[]> rows, String suffix) throws SQLException {
        for (int from = 0; from < rows.size(); from += DeadlineDays.ROWS_PER_STATEMENT) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + DeadlineDays.ROWS_PER_STATEMENT));
            String row = "(" + String.join(", ", Collections.nCopies(chunk.get(0).length, "?")) + ")";
            try (PreparedStatement statement = connection.prepareStatement(
                    insert + String.join(", ", Collections.nCopies(chunk.size(), row)) + suffix)) {
                int parameter = 0;
                for (Object[] values : chunk) {
                    for (Object value : values) {
                        statement.setObject(++parameter, value);
                    }
                }
                statement.executeUpdate();
            }
        }
    }

    /** A time of our own tables: UTC wall-clock time. */
    static LocalDateTime wall(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static Instant utc(LocalDateTime time) {
        return time == null ? null : time.toInstant(ZoneOffset.UTC);
    }

    /** Every case's events (or one case's), grouped per case in order (for the backfill). */
    static void forEachCase(Connection connection, Long onlyCase, CaseConsumer consumer) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT initiative_id, type, occurred_at FROM case_event"
                + (onlyCase == null ? "" : " WHERE initiative_id = ?") + " ORDER BY initiative_id, occurred_at, id")) {
            if (onlyCase != null) {
                select.setLong(1, onlyCase);
            }
            try (ResultSet rs = select.executeQuery()) {
                long current = -1;
                List<CaseTimeline.Event> events = new ArrayList<>();
                while (rs.next()) {
                    long id = rs.getLong("initiative_id");
                    if (id != current && current != -1) {
                        consumer.accept(current, events);
                        events = new ArrayList<>();
                    }
                    current = id;
                    events.add(event(rs));
                }
                if (current != -1) {
                    consumer.accept(current, events);
                }
            }
        }
    }

    interface CaseConsumer {
        void accept(long initiativeId, List<CaseTimeline.Event> events) throws SQLException;
    }
}
