package dk.initiativ.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dk.initiativ.initiative.CaseEventRecorded;
import dk.initiativ.initiative.AgeBand;
import dk.initiativ.initiative.CaseEventType;
import dk.initiativ.initiative.HelpKind;
import dk.initiativ.initiative.SubmissionReceipt;
import dk.initiativ.initiative.SubmissionService;
import dk.initiativ.initiative.SubmitInitiativeRequest;
import dk.initiativ.support.LocalModeTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A submission's projection without read-backs (issue 14): the case's first event is projected from the event itself
 * (its time, no team) into the same rows a rebuild from the stored timeline writes; a submission's event leaves a
 * pending row that {@link SubmissionProjector} projects after the commit, once, also when a later event of the case
 * comes first (ADR 0059); and the per-day counts of cases of consecutive ids go to different slots (V52, ADR 0047), so
 * that concurrent submissions of one day do not share a row, while the sum over the slots stays exact.
 */
@LocalModeTest
class SubmissionProjectionTest {

    /** Submitted Tuesday 8 June 1999 10:00:00.123 UTC: its screening falls due in June 1999, which no other test uses. */
    private static final LocalDateTime SUBMITTED = LocalDateTime.parse("1999-06-08T10:00:00.123");
    private static final LocalDate FIRST = LocalDate.of(1999, 6, 9);
    private static final LocalDate LAST = LocalDate.of(1999, 6, 30);

    @Autowired JdbcTemplate jdbc;
    @Autowired CaseTimelineProjection projection;
    @Autowired SubmissionService submissions;
    @Autowired WorkingTime workingTime;
    @Autowired SubmissionProjector projector;
    @Autowired PlatformTransactionManager transactionManager;

    /** The transactions a test holds open on other threads, and the thread of its catch-up. */
    private final List<Holder> holders = new java.util.ArrayList<>();
    private final ExecutorService reader = Executors.newSingleThreadExecutor();

    @AfterEach
    void removeTheFixture() {
        holders.forEach(Holder::close);
        reader.shutdownNow();
        for (String table : List.of("case_deadline", "case_stage_visit", "case_event")) {
            jdbc.update("DELETE FROM " + table + " WHERE initiative_id IN"
                    + " (SELECT id FROM initiative WHERE case_number LIKE 'THRU-%')");
        }
        jdbc.update("UPDATE initiative SET duplicate_of_id = NULL WHERE case_number LIKE 'THRU-%'");
        jdbc.update("DELETE FROM initiative WHERE case_number LIKE 'THRU-%'");
        jdbc.update("DELETE FROM dashboard_deadline_day WHERE due_day BETWEEN '1999-06-01' AND '1999-06-30'");
        jdbc.update("DELETE FROM dashboard_flow_day WHERE day BETWEEN '1999-06-01' AND '1999-06-30'");
        jdbc.update("DELETE FROM dashboard_flow_case WHERE submitted_at BETWEEN '1999-06-01' AND '1999-06-30'");
        jdbc.update("DELETE FROM dashboard_engagement_day WHERE day BETWEEN '1999-06-01' AND '1999-06-30'");
    }

    @Test
    void aCasesFirstEventIsProjectedFromTheEventAsARebuildFromItsTimelineWould() {
        long id = initiative("A");
        projection.on(new CaseEventRecorded(id, "THRU-A", CaseEventType.SUBMITTED, "fixture", null, null, false,
                SUBMITTED.toInstant(ZoneOffset.UTC)));
        List<Map<String, Object>> fromTheEvent = rows(id);
        List<Long> countsFromTheEvent = counts();
        assertThat(fromTheEvent).hasSize(2);
        assertThat(countsFromTheEvent).containsExactly(0L, 0L, 1L);
        // the weekly flow counts the case as entered on its submission day at once, not only from its next event
        assertThat(entered()).isEqualTo(1L);

        projection.rebuild(id);

        assertThat(rows(id)).isEqualTo(fromTheEvent);
        assertThat(counts()).isEqualTo(countsFromTheEvent);
        assertThat(entered()).isEqualTo(1L);
    }

    @Test
    void aRealSubmissionsEventCarriesWhatItsRowHoldsAndProjectsAsARebuildFromTheRowWould() {
        SubmissionReceipt receipt = submissions.submit(new SubmitInitiativeRequest("Projektion uden genlæsning 🚲",
                "En indsendelse, hvis første hændelse fortæller, hvad dens række har.", "natur-miljoe", "holbaek-by",
                "Anna Andersen", "anna@example.org", true, Set.of(HelpKind.PERMITS), null, null, null, null, null, null,
                AgeBand.FROM_30_TO_49, "holbaek-by"), Locale.forLanguageTag("da"));
        long id = jdbc.queryForObject("SELECT id FROM initiative WHERE case_number = ?", Long.class,
                receipt.caseNumber());
        projector.catchUp(); // the submission's dashboard rows come after its commit (ADR 0059)
        assertThat(pending(id)).isZero();
        String row = "SELECT CONCAT_WS('|', submitted_at, profile_age_band, profile_district)";
        String fromTheCase = jdbc.queryForObject(row + " FROM initiative WHERE id = ?", String.class, id);
        String fromTheEvent = jdbc.queryForObject(row + " FROM dashboard_flow_case WHERE initiative_id = ?",
                String.class, id);
        List<Map<String, Object>> engagementFromTheEvent = engagement(fromTheCase);
        assertThat(fromTheEvent).isEqualTo(fromTheCase).contains("FROM_30_TO_49|holbaek-by");
        assertThat(engagementFromTheEvent).hasSize(2); // the case's no-team row and the all-teams row

        projection.rebuild(id); // takes the case's counts back and adds them again from its row

        assertThat(jdbc.queryForObject(row + " FROM dashboard_flow_case WHERE initiative_id = ?", String.class, id))
                .isEqualTo(fromTheCase);
        assertThat(engagement(fromTheCase)).isEqualTo(engagementFromTheEvent);
    }

    /** The engagement counts of the row's day, age band and home district, per team, summed over the slots. */
    private List<Map<String, Object>> engagement(String caseRow) {
        String[] parts = caseRow.split("\\|");
        return jdbc.queryForList("SELECT team_key, SUM(submissions) AS n FROM dashboard_engagement_day"
                + " WHERE day = ? AND age_band = ? AND district = ? GROUP BY team_key ORDER BY team_key",
                LocalDateTime.parse(parts[0].replace(' ', 'T')).atZone(ZoneOffset.UTC)
                        .withZoneSameInstant(workingTime.zone()).toLocalDate(),
                parts[1], parts[2]);
    }

    @Test
    void theCountsOfCasesWithConsecutiveIdsAreInDifferentRowsAndSumExactly() {
        long a = initiative("A");
        long b = initiative("B");
        assertThat(DeadlineDays.slot(a)).isNotEqualTo(DeadlineDays.slot(b));
        projection.on(new CaseEventRecorded(a, "THRU-A", CaseEventType.SUBMITTED, "fixture", null, null, false,
                SUBMITTED.toInstant(ZoneOffset.UTC)));
        projection.on(new CaseEventRecorded(b, "THRU-B", CaseEventType.SUBMITTED, "fixture", null, null, false,
                SUBMITTED.toInstant(ZoneOffset.UTC)));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dashboard_deadline_day WHERE due_day BETWEEN ? AND ?"
                + " AND kind = 'SCREENING' AND team_key = ''", Long.class, FIRST, LAST)).isEqualTo(2L);
        assertThat(counts()).containsExactly(0L, 0L, 2L);
    }

    /** The first event of a case as a submission publishes it: with what its new row holds. */
    private static CaseEventRecorded submitted(long id, String name) {
        return new CaseEventRecorded(id, "THRU-" + name, CaseEventType.SUBMITTED, "fixture", null, null, false,
                SUBMITTED.toInstant(ZoneOffset.UTC), new CaseEventRecorded.SubmittedCase(
                        SUBMITTED.toInstant(ZoneOffset.UTC), "FROM_30_TO_49", "holbaek-by"));
    }

    @Test
    void aSubmissionsRowsComeAfterItsCommitInOneBatchAsARebuildFromItsTimelineWouldWriteThem() {
        long a = initiative("A");
        long b = initiative("B");
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            projection.on(submitted(a, "A"));
            projection.on(submitted(b, "B"));
            // the submission's transaction writes one pending row per case, none of the dashboard's rows
            assertThat(pending(a) + pending(b)).isEqualTo(2);
            assertThat(rows(a)).isEmpty();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dashboard_flow_case WHERE initiative_id IN (?, ?)",
                    Long.class, a, b)).isZero();
        });

        projector.catchUp(); // (or the background batch before it)

        assertThat(pending(a) + pending(b)).isZero();
        List<Map<String, Object>> fromTheBatch = rows(a);
        assertThat(fromTheBatch).hasSize(2);
        assertThat(rows(b)).hasSize(2);
        assertCounted(2);
        String flow = "SELECT CONCAT_WS('|', submitted_at, team_key, profile_age_band, profile_district,"
                + " funding_applications) FROM dashboard_flow_case WHERE initiative_id = ?";
        assertThat(jdbc.queryForObject(flow, String.class, a)).isEqualTo("1999-06-08 10:00:00.123000||FROM_30_TO_49"
                + "|holbaek-by|0");

        // the case row says the same as its event: a rebuild takes the batch's counts back and adds the same again
        jdbc.update("UPDATE initiative SET profile_age_band = 'FROM_30_TO_49', profile_district = 'holbaek-by'"
                + " WHERE id IN (?, ?)", a, b);
        projection.rebuild(a);
        assertThat(rows(a)).isEqualTo(fromTheBatch);
        assertThat(jdbc.queryForObject(flow, String.class, a)).isEqualTo("1999-06-08 10:00:00.123000||FROM_30_TO_49"
                + "|holbaek-by|0");
        assertCounted(2);
        assertThat(projector.catchUp()).isZero();
    }

    @Test
    void aLaterEventOfACaseNotProjectedYetProjectsItOnceAndTheBatchLeavesIt() {
        long a = initiative("A");
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            projection.on(submitted(a, "A"));
            projection.rebuild(a); // as any later event of the case does, here before any batch
            assertThat(pending(a)).isZero();
        });
        projector.catchUp();
        assertThat(rows(a)).hasSize(2);
        assertCounted(1);
    }

    /**
     * A submission whose rows cannot be written (here a stay the case has already, as a broken earlier projection
     * could leave) fails the batch; the batch is taken again one submission at a time, the others are projected, and
     * the bad one is marked, left out of later batches (the dashboard's catch-up does not wait for it or fail on it)
     * and counted for the operators' gauge, until a later event of the case projects it with its whole timeline.
     */
    @Test
    void aSubmissionWhoseRowsCannotBeWrittenIsLeftOutAndTheOthersAreProjected() {
        long a = initiative("A");
        long b = initiative("B");
        long c = initiative("C");
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            projection.on(submitted(a, "A"));
            projection.on(submitted(b, "B"));
            projection.on(submitted(c, "C"));
        });
        jdbc.update("INSERT INTO case_stage_visit (initiative_id, seq, stage, entered_at)"
                + " VALUES (?, 1, 'SUBMITTED', ?)", b, SUBMITTED);
        long leftOutBefore = projector.leftOut();

        assertThat(projector.catchUp()).isEqualTo(2);

        assertThat(pending(a) + pending(c)).isZero();
        assertThat(rows(a)).hasSize(2);
        assertThat(rows(c)).hasSize(2);
        assertThat(jdbc.queryForObject("SELECT failure FROM dashboard_pending_submission WHERE initiative_id = ?"
                + " AND failed_at IS NOT NULL", String.class, b)).contains("Duplicate entry");
        assertThat(projector.leftOut()).isEqualTo(leftOutBefore + 1);
        assertCounted(2);
        assertThat(projector.catchUp()).isZero(); // left out: nothing to wait for, nothing thrown
        projector.projectInBackground();
        assertThat(pending(b)).isOne();

        // with the stray row gone, a later event of the case projects it with its whole timeline, and its mark goes
        // with its pending row
        jdbc.update("DELETE FROM case_stage_visit WHERE initiative_id = ?", b);
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> projection.rebuild(b));
        assertThat(pending(b)).isZero();
        assertThat(rows(b)).hasSize(2);
        assertThat(projector.leftOut()).isEqualTo(leftOutBefore);
        assertCounted(3);
    }

    /**
     * CI's failure of 2026-12-04: a staff member's transaction changes a just-submitted case (its row locked) and then
     * projects it, deleting its pending row, while a batch holds that pending row and waits for the case row (the
     * foreign keys of the rows it inserts): a deadlock, and the staff member got a 409. A batch locks the case rows
     * before the pending rows, as every transaction of a case does; the dashboard's catch-up waits for the staff
     * member's transaction and then finds the case projected by it, counted once.
     */
    @Test
    void theDashboardsCatchUpWaitsForAStaffTransactionThatHoldsThePendingCaseAndNeitherFails() throws Exception {
        long a = initiative("A");
        Holder holder = holdCase(a, () -> projection.rebuild(a)); // as the event of the staff member's change does
        pendingWhileItsCaseIsHeld(a);
        Future<Integer> catchUp = reader.submit(projector::catchUp);
        Thread.sleep(500);
        assertThat(catchUp).isNotDone(); // it waits for the case row ...
        holder.workAndCommit(); // ... which the staff member's transaction projects and commits: no deadlock
        assertThat(catchUp.get(30, TimeUnit.SECONDS)).isZero(); // ... and then finds it projected
        assertThat(pending(a)).isZero();
        assertThat(rows(a)).hasSize(2);
        assertCounted(1);
    }

    /**
     * The background batch passes over a case whose row another transaction holds ({@code SKIP LOCKED}) and projects
     * the others; the holder projects its case itself, and a later batch finds nothing of it left.
     */
    @Test
    void theBackgroundBatchSkipsACaseAnotherTransactionHoldsAndProjectsTheRest() throws Exception {
        long a = initiative("A");
        long b = initiative("B");
        Holder holder = holdCase(a, () -> projection.rebuild(a));
        pendingWhileItsCaseIsHeld(a);
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> projection.on(submitted(b, "B")));

        projector.projectInBackground(); // returns without waiting for the held case

        assertThat(pending(a)).isOne();
        assertThat(rows(a)).isEmpty();
        assertThat(pending(b)).isZero();
        assertThat(rows(b)).hasSize(2);
        holder.workAndCommit();
        projector.projectInBackground();
        assertThat(pending(a)).isZero();
        assertThat(rows(a)).hasSize(2);
        assertCounted(2);
    }

    /**
     * Two pending cases held by two transactions; the second one's staff member marks their case as the duplicate of
     * the first (the foreign key's check reaches for the first case's row). A catch-up that held the first case while
     * it waited for the second would deadlock with them, and MariaDB rolled back the staff member's change (this test
     * on the catch-up's first version). The catch-up waits for one case at a time, holding none: the staff member's
     * change goes through and each case is counted once.
     */
    @Test
    void aCatchUpWaitsForOneHeldCaseAtATimeHoldingNoneSoAStaffMembersChangeGoesThrough() throws Exception {
        long b = initiative("B");
        long a = initiative("A");
        Holder keepsB = holdCase(b, () -> { }); // keeps the background batch and the catch-up from b for now
        Holder staff = holdCase(a, () -> {
            jdbc.update("UPDATE initiative SET duplicate_of_id = ? WHERE id = ?", b, a);
            projection.rebuild(a);
        });
        pendingWhileItsCaseIsHeld(a);
        pendingWhileItsCaseIsHeld(b);
        Future<Integer> catchUp = reader.submit(projector::catchUp);
        Thread.sleep(300);
        keepsB.workAndCommit(); // the catch-up projects b now, and waits for a
        Thread.sleep(300);
        assertThat(catchUp).isNotDone();
        staff.workAndCommit(); // reaches for b: no deadlock
        assertThat(catchUp.get(30, TimeUnit.SECONDS)).isOne(); // b; a was projected by the staff member
        assertThat(jdbc.queryForObject("SELECT duplicate_of_id FROM initiative WHERE id = ?", Long.class, a))
                .isEqualTo(b);
        assertThat(pending(a) + pending(b)).isZero();
        assertCounted(2);
    }

    /**
     * One batch at a time across the nodes (V67): while another batch holds the projector's lock, a node's background
     * batch does nothing that second, and the dashboard's catch-up waits for it. Two batches at once deadlocked over
     * the per-day counts in the submission benchmark.
     */
    @Test
    void oneBatchAtATimeTheBackgroundPassesAndTheCatchUpWaits() throws Exception {
        long a = initiative("A");
        Holder otherBatch = hold(() -> jdbc.queryForList("SELECT id FROM dashboard_projector_lock WHERE id = 1 FOR UPDATE"),
                () -> { });
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> projection.on(submitted(a, "A")));
        projector.projectInBackground(); // returns at once
        assertThat(pending(a)).isOne();
        Future<Integer> catchUp = reader.submit(projector::catchUp);
        Thread.sleep(300);
        assertThat(catchUp).isNotDone(); // waits for the other batch
        otherBatch.workAndCommit();
        assertThat(catchUp.get(30, TimeUnit.SECONDS)).isOne();
        assertThat(pending(a)).isZero();
        assertThat(rows(a)).hasSize(2);
        assertCounted(1);
    }

    /**
     * A later event's transaction and a batch take turns (ADR 0064): the event waits for a batch that runs, and while
     * the event's transaction is open the background batch passes and the dashboard's catch-up waits. Both used to
     * run at once, and a batch's counts and a staff member's deadlocked; MariaDB rolled back the staff member's change.
     */
    @Test
    void aLaterEventWaitsForARunningBatchAndTheNextBatchWaitsForTheEvent() throws Exception {
        long a = initiative("A");
        long b = initiative("B");
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> projection.on(submitted(a, "A")));

        Holder batch = hold(() -> jdbc.queryForList("SELECT id FROM dashboard_projector_lock WHERE id = 1 FOR UPDATE"),
                () -> { });
        Future<?> staff = reader.submit(() -> new TransactionTemplate(transactionManager)
                .executeWithoutResult(status -> projection.rebuild(a)));
        Thread.sleep(300);
        assertThat(staff).isNotDone(); // waits for the batch
        batch.workAndCommit();
        staff.get(30, TimeUnit.SECONDS);
        assertThat(pending(a)).isZero();
        assertThat(rows(a)).hasSize(2);

        Holder event = hold(() -> projection.rebuild(a), () -> { });
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> projection.on(submitted(b, "B")));
        projector.projectInBackground(); // passes while the event's transaction is open
        assertThat(pending(b)).isOne();
        Future<Integer> catchUp = reader.submit(projector::catchUp);
        Thread.sleep(300);
        assertThat(catchUp).isNotDone(); // waits for the event's transaction
        event.workAndCommit();
        assertThat(catchUp.get(30, TimeUnit.SECONDS)).isOne();
        assertThat(pending(b)).isZero();
        assertCounted(2);
    }

    /**
     * A committed pending row of a case whose row another transaction holds: written without the foreign key's check,
     * which would wait for the holder (in production the submission commits first and the staff member comes later;
     * here the order must not depend on when the background batch runs).
     */
    private void pendingWhileItsCaseIsHeld(long id) {
        jdbc.execute((Connection connection) -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET SESSION foreign_key_checks = 0");
                try {
                    statement.execute("INSERT INTO dashboard_pending_submission (initiative_id, occurred_at,"
                            + " submitted_at) VALUES (" + id + ", '1999-06-08 10:00:00.123', '1999-06-08 10:00:00.123')");
                }
                finally {
                    statement.execute("SET SESSION foreign_key_checks = 1");
                }
            }
            return null;
        });
    }

    /** A staff member's transaction on another thread: it locks the case row, and does its work when told. */
    private Holder holdCase(long id, Runnable work) throws Exception {
        return hold(() -> jdbc.queryForList("SELECT id FROM initiative WHERE id = ? FOR UPDATE", id), work);
    }

    /** A transaction on another thread that takes its locks at once and does its work and commits when told. */
    private Holder hold(Runnable lock, Runnable work) throws Exception {
        Holder holder = new Holder();
        holders.add(holder);
        CountDownLatch held = new CountDownLatch(1);
        holder.transaction = holder.thread.submit(() -> new TransactionTemplate(transactionManager)
                .executeWithoutResult(status -> {
                    lock.run();
                    held.countDown();
                    await(holder.release);
                    work.run();
                }));
        assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();
        return holder;
    }

    private static final class Holder implements AutoCloseable {

        private final ExecutorService thread = Executors.newSingleThreadExecutor();
        private final CountDownLatch release = new CountDownLatch(1);
        private Future<?> transaction;

        void workAndCommit() throws Exception {
            release.countDown();
            transaction.get(30, TimeUnit.SECONDS);
        }

        @Override
        public void close() {
            release.countDown();
            thread.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private long pending(long id) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM dashboard_pending_submission WHERE initiative_id = ?",
                Long.class, id);
    }

    private long initiative(String name) {
        String caseNumber = "THRU-" + name;
        jdbc.update("INSERT INTO initiative (case_number, title, description, topic, district, contact_name,"
                + " contact_email, language, stage, submitted_at, team_code)"
                + " VALUES (?, ?, 'Fixture', 'thru', 'holbaek-by', 'Fixture', NULL, 'da', 'SUBMITTED', ?, NULL)",
                caseNumber, "Fixture " + name, SUBMITTED);
        long id = jdbc.queryForObject("SELECT id FROM initiative WHERE case_number = ?", Long.class, caseNumber);
        jdbc.update("INSERT INTO case_event (initiative_id, type, occurred_at, actor, visible_to_citizen)"
                + " VALUES (?, 'SUBMITTED', ?, 'fixture', TRUE)", id, SUBMITTED);
        return id;
    }

    /** The case's projected rows, stage visits then deadlines. */
    private List<Map<String, Object>> rows(long id) {
        List<Map<String, Object>> rows = new java.util.ArrayList<>(jdbc.queryForList("SELECT seq, stage, entered_at,"
                + " left_at, working_days FROM case_stage_visit WHERE initiative_id = ? ORDER BY seq", id));
        rows.addAll(jdbc.queryForList("SELECT seq, kind, started_at, due_at, ended_at, status, team_code"
                + " FROM case_deadline WHERE initiative_id = ? ORDER BY seq", id));
        return rows;
    }

    /** The screening counts and the weekly flow count the fixture's cases once each: {@code cases} open, entered. */
    private void assertCounted(long cases) {
        assertThat(counts()).containsExactly(0L, 0L, cases);
        assertThat(entered()).isEqualTo(cases);
    }

    /** The cases entered on the submission day without a team, summed over the slots (the weekly flow's counts). */
    private long entered() {
        DeadlineDays.flush(); // outside a committed transaction the change may still be gathered
        return jdbc.queryForObject("SELECT COALESCE(SUM(entered), 0) FROM dashboard_flow_day WHERE day = ?"
                + " AND team_key = ''", Long.class, SUBMITTED.toLocalDate());
    }

    /** The screening counts of June 1999 without a team, summed over the days and slots: met, breached, open. */
    private List<Long> counts() {
        return jdbc.queryForObject("SELECT COALESCE(SUM(met), 0), COALESCE(SUM(breached), 0),"
                + " COALESCE(SUM(open_count), 0) FROM dashboard_deadline_day WHERE due_day BETWEEN ? AND ?"
                + " AND kind = 'SCREENING' AND team_key = ''", (rs, n) -> List.of(rs.getLong(1), rs.getLong(2),
                rs.getLong(3)), FIRST, LAST);
    }
}
