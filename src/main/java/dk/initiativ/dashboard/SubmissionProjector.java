package dk.initiativ.dashboard;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import dk.initiativ.initiative.CaseEventType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the dashboard's rows of citizens' submissions after their own transactions (ADR 0059): each submission left
 * a row in {@code dashboard_pending_submission} (V66); a batch of up to {@link #BATCH} of them gets its stage visits,
 * deadlines and flow records in one multi-row statement each, and its per-day counts added up key by key, in one
 * transaction that also deletes the rows it projected. What a batch writes per case is what
 * {@link CaseTimelineProjection} writes for a new case's first event.
 *
 * <p>Every node runs {@link #projectInBackground} every second ({@code initiativ.dashboard.projector-delay}); one
 * batch runs at a time across the nodes (the projector's lock, V67: a node whose batch finds it held does nothing that
 * second). The dashboard calls {@link #catchUp} before it reads, so a manager sees every submission committed before
 * the request. A later event of a pending case projects it with its whole timeline and deletes its row in its own
 * transaction; the case row's lock, which a batch takes before the pending rows', orders that with a batch, so a case
 * is projected once.
 *
 * <p>A batch that fails on a row it cannot write (a constraint, an impossible timeline) is taken again one submission
 * at a time; a submission that fails alone is marked ({@code failed_at}, V68), logged with its error and left out of
 * later batches, so that one bad row stops neither the other submissions nor the dashboard. A later event of its case
 * projects the case with its whole timeline and deletes the mark with the row. {@link #leftOut()} counts them.
 */
@Component
public class SubmissionProjector {

    /** The most submissions one batch projects. */
    static final int BATCH = 500;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final CaseTimeline timeline;
    private final WorkingTime workingTime;

    private static final Logger log = LoggerFactory.getLogger(SubmissionProjector.class);

    SubmissionProjector(JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
            CaseTimelineProjection projection, WorkingTime workingTime) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.timeline = projection.timeline();
        this.workingTime = workingTime;
    }

    /** The submissions no batch holds, batch after batch, while whole batches are found and projected. */
    @Scheduled(initialDelayString = "${initiativ.dashboard.projector-delay:1s}",
            fixedDelayString = "${initiativ.dashboard.projector-delay:1s}")
    void projectInBackground() {
        Batch batch;
        do {
            batch = batch(false, Long.MAX_VALUE, BATCH);
        }
        while (batch.seen() == BATCH && batch.projected() > 0);
    }

    /**
     * Projects every submission committed before this call, waiting for a batch of another thread or node, or a
     * transaction of a later event, that holds one of those cases (and then finds it projected): after it, the
     * dashboard's rows count every one of them. Submissions committed after the call began are left to the batches.
     *
     * <p>It never waits while it holds a case: it takes what no one holds as the background batch does, and when the
     * rest are held, waits for the first one's holder to end, in a transaction of its own that holds nothing else (not
     * the projector's lock either: the holder takes a share of it before it projects its case, ADR 0064), then takes a
     * batch again. A batch that held some cases and
     * waited for another could deadlock with a transaction that holds that other one and then reaches for one of the
     * batch's (a screening that marks a case as the duplicate of another just submitted one, through the foreign key);
     * MariaDB would roll back the staff member's change, as a test showed.
     *
     * @return how many this call projected
     */
    public int catchUp() {
        Long last = jdbc.queryForObject("SELECT MAX(initiative_id) FROM dashboard_pending_submission"
                + " WHERE failed_at IS NULL", Long.class);
        if (last == null) {
            return 0;
        }
        int projected = 0;
        while (true) {
            Batch batch = waiting(last, BATCH);
            projected += batch.projected();
            if (batch.seen() == 0) {
                return projected;
            }
            if (batch.projected() == 0) {
                // every one found is held by another transaction (or gone since): wait for the first one's holder to
                // end, holding nothing (not the projector's lock, of which that transaction may want a share), and
                // take a batch again
                awaitHolder(last);
            }
        }
    }

    /** Waits, in a transaction of its own that locks nothing else, until no transaction holds the first pending case. */
    private void awaitHolder(long last) {
        Long first = jdbc.queryForObject("SELECT MIN(initiative_id) FROM dashboard_pending_submission"
                + " WHERE failed_at IS NULL AND initiative_id <= ?", Long.class, last);
        if (first != null) {
            transactions.executeWithoutResult(status -> jdbc.queryForList(
                    "SELECT id FROM initiative WHERE id = ? FOR UPDATE", Long.class, first));
        }
    }

    /** The most times the catch-up takes a batch again after MariaDB chose it as a deadlock's victim. */
    private static final int ATTEMPTS = 3;

    /**
     * A batch of the catch-up: it waits for the projector's lock. Batches cannot deadlock with each other, nor with a
     * later event's transaction over the counts' rows since those take a share of the lock first (ADR 0064); should
     * one still lose a deadlock, it changed nothing that stays, and is taken again.
     */
    private Batch waiting(long last, int size) {
        for (int attempt = 1; ; attempt++) {
            try {
                return batch(true, last, size);
            }
            catch (PessimisticLockingFailureException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** How many pending rows a batch found, and how many of them it projected. */
    private record Batch(int seen, int projected) {
    }

    /**
     * One batch in a transaction of its own.
     *
     * @param waitForProjector whether to wait for another batch (of any node) that holds the projector's lock, or to
     *                         do nothing this time
     */
    private Batch batch(boolean waitForProjector, long last, int size) {
        try {
            return batch(waitForProjector, 0, last, size);
        }
        catch (DataIntegrityViolationException | IllegalStateException e) {
            return oneByOne(waitForProjector, last, size, e);
        }
    }

    /** One batch of the pending submissions after {@code after} up to {@code last}, in a transaction of its own. */
    private Batch batch(boolean waitForProjector, long after, long last, int size) {
        Batch batch = transactions.execute(status -> jdbc.execute((Connection connection) ->
                projector(waitForProjector) ? project(connection, after, last, size)
                        : new Batch(0, 0)));
        return batch == null ? new Batch(0, 0) : batch;
    }

    /**
     * After a batch failed on a row it could not write (rolled back): the same submissions one at a time, each in its
     * own transaction, and one that fails alone marked as failed, so that the others are projected. Other failures (a
     * lost connection, a lock) are thrown as before: they are not one submission's, and the batch is taken again.
     */
    private Batch oneByOne(boolean waitForProjector, long last, int size,
            RuntimeException failure) {
        int seen = 0;
        int projected = 0;
        long after = 0;
        while (seen < size) {
            Long next = jdbc.queryForObject("SELECT MIN(initiative_id) FROM dashboard_pending_submission"
                    + " WHERE failed_at IS NULL AND initiative_id > ? AND initiative_id <= ?", Long.class, after, last);
            if (next == null) {
                break;
            }
            seen++;
            try {
                projected += batch(waitForProjector, next - 1, next, 1).projected();
            }
            catch (DataIntegrityViolationException | IllegalStateException e) {
                markFailed(next, e);
            }
            after = next;
        }
        if (seen == 0) {
            throw failure; // nothing is pending any more: the failure was not one submission's
        }
        return new Batch(seen, projected);
    }

    private void markFailed(long initiativeId, RuntimeException e) {
        String failure = String.valueOf(e);
        transactions.executeWithoutResult(status -> jdbc.update("UPDATE dashboard_pending_submission"
                + " SET failed_at = UTC_TIMESTAMP(6), failure = ? WHERE initiative_id = ?",
                failure.length() > 500 ? failure.substring(0, 500) : failure, initiativeId));
        log.error("The submission of the case with initiative id {} could not be added to the dashboard's figures; it"
                + " is left out until a later event of the case projects it", initiativeId, e);
    }

    /** How many submissions are left out of the dashboard's figures because their projection failed (V68). */
    public long leftOut() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM dashboard_pending_submission"
                + " WHERE failed_at IS NOT NULL", Long.class);
        return count == null ? 0 : count;
    }

    /**
     * Takes the projector's lock (V67) for the transaction: one batch at a time across all nodes. Two batches at once
     * add up hundreds of the same per-day counts, and the next-key locks of their {@code INSERT ... ON DUPLICATE KEY
     * UPDATE} deadlocked in the submission benchmark. A later event's transaction takes a share of it before it writes
     * the case's rows (ADR 0064): a batch waits for those (in the background, passes), and they for a batch.
     *
     * @return false when another batch holds it and {@code wait} is false
     */
    private boolean projector(boolean wait) {
        return !jdbc.queryForList("SELECT id FROM dashboard_projector_lock WHERE id = 1 FOR UPDATE"
                + (wait ? "" : " SKIP LOCKED"), Long.class).isEmpty();
    }

    private record Pending(long initiativeId, LocalDateTime occurredAt, LocalDateTime submittedAt, String ageBand,
            String homeDistrict) {
    }

    private Batch project(Connection connection, long after, long last, int size)
            throws SQLException {
        // Locks are taken in the order every transaction of a case takes them: the case row first, then its pending
        // row. A later event's transaction holds its case row (it changed it, or its event's foreign key holds it)
        // when it deletes the pending row; a batch that held the pending row and waited for the case row (the foreign
        // keys of the rows it inserts) would deadlock with it. So the pending rows are read without locks, their case
        // rows locked (skipped when another transaction holds them: the catch-up waits for that one's holder outside
        // any batch), and only then their pending rows; one a later event projected in the meantime is gone by then. (The statements through jdbc and the
        // inserts through the connection run on the same connection: the transaction's.)
        String skipHeld = " FOR UPDATE SKIP LOCKED";
        List<Long> seen = jdbc.queryForList("SELECT initiative_id FROM dashboard_pending_submission"
                + " WHERE failed_at IS NULL AND initiative_id > ? AND initiative_id <= ? ORDER BY initiative_id"
                + " LIMIT " + size, Long.class, after, last);
        if (seen.isEmpty()) {
            return new Batch(0, 0);
        }
        List<Long> cases = jdbc.queryForList("SELECT id FROM initiative WHERE id IN (" + marks(seen.size())
                + ") ORDER BY id" + skipHeld, Long.class, seen.toArray());
        List<Pending> pending = cases.isEmpty() ? List.of() : jdbc.query("SELECT initiative_id, occurred_at,"
                + " submitted_at, profile_age_band, profile_district FROM dashboard_pending_submission"
                + " WHERE initiative_id IN (" + marks(cases.size()) + ") ORDER BY initiative_id" + skipHeld,
                (rs, n) -> new Pending(rs.getLong(1), rs.getObject(2, LocalDateTime.class),
                        rs.getObject(3, LocalDateTime.class), rs.getString(4), rs.getString(5)), cases.toArray());
        if (pending.isEmpty()) {
            return new Batch(seen.size(), 0);
        }
        DeadlineDays.Delta counts = new DeadlineDays.Delta(workingTime.zone());
        List<Object[]> flows = new ArrayList<>();
        List<Object[]> visits = new ArrayList<>();
        List<Object[]> deadlines = new ArrayList<>();
        for (Pending submission : pending) {
            long id = submission.initiativeId();
            CaseTimeline.Result result = timeline.derive(List.of(new CaseTimeline.Event(CaseEventType.SUBMITTED,
                    CaseTimelineProjection.utc(submission.occurredAt()))));
            if (result.visits().stream().anyMatch(visit -> visit.leftAt() != null)) {
                throw new IllegalStateException("case " + id + ": a first event that ends a stay");
            }
            // a new case: no team, not closed, no contact person, no funding application; its submission moment as
            // its row has it, and its submitter's answers (section 70)
            DeadlineDays.Delta delta = new DeadlineDays.Delta(workingTime.zone(), DeadlineDays.slot(id));
            delta.addEngagement(submission.submittedAt(), submission.ageBand(), submission.homeDistrict(), null, 1);
            delta.addFlow(submission.submittedAt(), null, null, 1);
            flows.add(new Object[] {id, submission.submittedAt(), null, "", null, null, false, null, null, null,
                    submission.ageBand(), submission.homeDistrict(), null, false, 0});
            visits.addAll(CaseTimelineProjection.visitRows(id, result, true, null));
            deadlines.addAll(CaseTimelineProjection.deadlineRows(id, result, delta, null));
            counts.merge(delta);
        }
        CaseTimelineProjection.insert(connection, CaseTimelineProjection.FLOW_INSERT, flows,
                CaseTimelineProjection.FLOW_UPDATE);
        CaseTimelineProjection.insert(connection, CaseTimelineProjection.VISIT_INSERT, visits, "");
        CaseTimelineProjection.insert(connection, CaseTimelineProjection.DEADLINE_INSERT, deadlines, "");
        counts.write(connection);
        jdbc.update("DELETE FROM dashboard_pending_submission WHERE initiative_id IN (" + marks(pending.size()) + ")",
                pending.stream().map(Pending::initiativeId).toArray());
        return new Batch(seen.size(), pending.size());
    }

    private static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }
}
