package dk.initiativ.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dk.initiativ.initiative.CaseEventRecorded;
import dk.initiativ.initiative.CaseEventType;
import dk.initiativ.support.LocalModeTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The per-day counts (ADR 0043) are written just before a transaction commits, not when its event is recorded: two
 * submissions with the same due day (no team, screening) each get through their whole step while the other one is
 * still open, and the count is exact afterwards (committed, then removed). Events recorded in another
 * synchronization's beforeCommit (as {@code notification.CaseMails} may) are counted too.
 */
@LocalModeTest
class DashboardDeadlineDaysLockTest {

    /** Submitted Monday 7 June 1999 10:00 UTC: the screening falls due on a day no other test uses. */
    private static final LocalDateTime SUBMITTED = LocalDateTime.parse("1999-06-07T10:00");

    @Autowired JdbcTemplate jdbc;
    @Autowired CaseTimelineProjection projection;
    @Autowired PlatformTransactionManager transactions;

    @AfterEach
    void removeTheFixture() {
        for (String table : List.of("case_deadline", "case_stage_visit", "case_event")) {
            jdbc.update("DELETE FROM " + table + " WHERE initiative_id IN"
                    + " (SELECT id FROM initiative WHERE case_number LIKE 'DASH5-%')");
        }
        jdbc.update("DELETE FROM initiative WHERE case_number LIKE 'DASH5-%'");
        jdbc.update("DELETE FROM dashboard_deadline_day WHERE due_day BETWEEN '1999-01-01' AND '1999-12-31'");
    }

    @Test
    void aSecondSubmissionOfTheSameDueDayIsNotHeldByTheFirstOnesOpenStep() throws Exception {
        long a = initiative("A");
        long b = initiative("B");
        CountDownLatch aRecorded = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch bReachedCommit = new CountDownLatch(1);
        TransactionTemplate tx = new TransactionTemplate(transactions);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> tx.executeWithoutResult(status -> {
            projection.on(submitted(a));
            aRecorded.countDown();
            try {
                // the rest of the step (process start, mails, ...) while the transaction stays open
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        CompletableFuture<Void> second;
        boolean notHeld;
        try {
            assertThat(aRecorded.await(30, TimeUnit.SECONDS)).isTrue();
            second = CompletableFuture.runAsync(() -> tx.executeWithoutResult(status -> {
                projection.on(submitted(b));
                bReachedCommit.countDown();
            }));
            // the old code waited here for the first transaction's lock on the shared count row
            notHeld = bReachedCommit.await(5, TimeUnit.SECONDS);
        } finally {
            release.countDown();
        }
        first.get(60, TimeUnit.SECONDS);
        second.get(60, TimeUnit.SECONDS);
        assertThat(notHeld).as("the second step got through while the first one was open").isTrue();
        assertThat(screeningCounts()).containsExactly(0L, 0L, 2L);
    }

    @Test
    void eventsRecordedInAnotherSynchronizationsBeforeCommitAreCounted() {
        long a = initiative("A");
        long b = initiative("B");
        long c = initiative("C");
        TransactionTemplate tx = new TransactionTemplate(transactions);
        // one event in the step itself, one in a beforeCommit that runs first (as CaseMails' receipt mail)
        tx.executeWithoutResult(status -> {
            projection.on(submitted(a));
            TransactionSynchronizationManager.registerSynchronization(beforeCommitFirst(() -> projection.on(submitted(b))));
        });
        assertThat(screeningCounts()).containsExactly(0L, 0L, 2L);
        // the transaction's only event recorded in another synchronization's beforeCommit
        tx.executeWithoutResult(status -> TransactionSynchronizationManager
                .registerSynchronization(beforeCommitFirst(() -> projection.on(submitted(c)))));
        assertThat(screeningCounts()).containsExactly(0L, 0L, 3L);
        assertThat(screeningCounts()).isEqualTo(recount());
    }

    private static TransactionSynchronization beforeCommitFirst(Runnable action) {
        return new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                action.run();
            }

            @Override
            public int getOrder() {
                return Ordered.HIGHEST_PRECEDENCE;
            }
        };
    }

    private long initiative(String name) {
        String caseNumber = "DASH5-" + name;
        jdbc.update("INSERT INTO initiative (case_number, title, description, topic, district, contact_name,"
                + " contact_email, language, stage, submitted_at, team_code)"
                + " VALUES (?, ?, 'Fixture', 'dash5-lock', 'holbaek-by', 'Fixture', NULL, 'da', 'SUBMITTED', ?, NULL)",
                caseNumber, "Fixture " + name, SUBMITTED);
        long id = jdbc.queryForObject("SELECT id FROM initiative WHERE case_number = ?", Long.class, caseNumber);
        jdbc.update("INSERT INTO case_event (initiative_id, type, occurred_at, actor, visible_to_citizen)"
                + " VALUES (?, 'SUBMITTED', ?, 'fixture', TRUE)", id, SUBMITTED);
        return id;
    }

    private CaseEventRecorded submitted(long id) {
        String caseNumber = jdbc.queryForObject("SELECT case_number FROM initiative WHERE id = ?", String.class, id);
        return new CaseEventRecorded(id, caseNumber, CaseEventType.SUBMITTED, "fixture", null, null, false);
    }

    /** The screening counts of 1999 without a team: met, breached, open (summed over the days). */
    private List<Long> screeningCounts() {
        return jdbc.queryForObject("SELECT COALESCE(SUM(met), 0), COALESCE(SUM(breached), 0), COALESCE(SUM(open_count), 0)"
                + " FROM dashboard_deadline_day WHERE due_day BETWEEN ? AND ? AND kind = 'SCREENING' AND team_key = ''",
                (rs, n) -> List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3)), LocalDate.of(1999, 1, 1),
                LocalDate.of(1999, 12, 31));
    }

    private List<Long> recount() {
        return jdbc.queryForObject("SELECT SUM(d.status = 'MET'), SUM(d.status = 'BREACHED'), SUM(d.status = 'OPEN')"
                + " FROM case_deadline d JOIN initiative i ON i.id = d.initiative_id"
                + " WHERE i.case_number LIKE 'DASH5-%' AND d.kind = 'SCREENING'",
                (rs, n) -> List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3)));
    }
}
