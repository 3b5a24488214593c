package dk.initiativ.funding;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dk.initiativ.initiative.SubmissionService;
import dk.initiativ.support.LocalModeTest;
import dk.initiativ.web.ConflictException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Fund officers granting from the same pool at the same moment, each in a transaction of their own on the
 * embedded MariaDB: the pool's budget is never overdrawn, and whoever comes too late is told so.
 */
@LocalModeTest
class FundingGrantRaceTest {

    private static final List<String> OFFICER = List.of("fund-officer");
    private static final int ROUNDS = 5;

    @Autowired
    FundingApplications applications;

    @Autowired
    FundingPoolRepository poolRepository;

    @Autowired
    SubmissionService submissions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transaction;

    FundingTestData data;
    ExecutorService officers;

    @BeforeEach
    void setUp() {
        data = new FundingTestData(submissions, poolRepository, jdbc);
        officers = Executors.newFixedThreadPool(8);
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        officers.shutdownNow();
        assertThat(officers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        data.removePools();
    }

    @Test
    void twoGrantsAtOnceNeverOverdrawThePool() throws Exception {
        String first = data.newCase("Naturlegeplads");
        String second = data.newCase("Shelterplads");
        for (int round = 1; round <= ROUNDS; round++) {
            FundingPool pool = data.newPool("100000");
            long a = applications.propose(first, pool.getCode(), new BigDecimal("60000"), "Legeredskaber", "contact");
            long b = applications.propose(second, pool.getCode(), new BigDecimal("60000"), "Shelters", "contact");

            List<Outcome> outcomes = race(List.of(
                    () -> applications.grant(a, new BigDecimal("60000"), "fund", OFFICER),
                    () -> applications.grant(b, new BigDecimal("60000"), "officer-2", OFFICER)));

            assertThat(outcomes).as("round %d", round).filteredOn(Outcome::granted).hasSize(1);
            assertThat(outcomes).as("round %d", round).filteredOn(outcome -> !outcome.granted()).singleElement()
                    .extracting(Outcome::conflictKey).isEqualTo("conflict.fundingBudgetExhausted");
            assertThat(data.budgetLeft(pool)).as("round %d", round).isEqualTo(new BigDecimal("40000.00"));
            assertThat(List.of(data.status(a), data.status(b))).as("round %d", round)
                    .containsExactlyInAnyOrder("GRANTED", "PROPOSED");
            assertThat(grantedFrom(pool)).isEqualByComparingTo("60000");
        }
    }

    @Test
    void manyGrantsAtOnceTakeOnlyWhatThePoolHas() throws Exception {
        List<String> caseNumbers = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            caseNumbers.add(data.newCase("Forsamlingshus " + i));
        }
        for (int round = 1; round <= 3; round++) {
            FundingPool pool = data.newPool("100000");
            List<Callable<FundingApplicationView>> grants = new ArrayList<>();
            for (String caseNumber : caseNumbers) {
                long id = applications.propose(caseNumber, pool.getCode(), new BigDecimal("30000"), "Nyt køkken",
                        "contact");
                grants.add(() -> applications.grant(id, new BigDecimal("30000"), "fund", OFFICER));
            }

            List<Outcome> outcomes = race(grants);

            assertThat(outcomes).as("round %d", round).filteredOn(Outcome::granted).hasSize(3);
            assertThat(outcomes).as("round %d", round).filteredOn(outcome -> !outcome.granted())
                    .extracting(Outcome::conflictKey).hasSize(5).containsOnly("conflict.fundingBudgetExhausted");
            assertThat(data.budgetLeft(pool)).as("round %d", round).isEqualTo(new BigDecimal("10000.00"));
            assertThat(grantedFrom(pool)).isEqualByComparingTo("90000");
        }
    }

    @Test
    void twoOfficersGrantingTheSameApplicationAtOnceGrantItOnce() throws Exception {
        String caseNumber = data.newCase("Musik i gaderne");
        for (int round = 1; round <= ROUNDS; round++) {
            FundingPool pool = data.newPool("100000");
            long id = applications.propose(caseNumber, pool.getCode(), new BigDecimal("30000"), "Gadeorgel",
                    "contact");

            List<Outcome> outcomes = race(List.of(
                    () -> applications.grant(id, new BigDecimal("30000"), "fund", OFFICER),
                    () -> applications.grant(id, new BigDecimal("20000"), "officer-2", OFFICER)));

            assertThat(outcomes).as("round %d", round).filteredOn(Outcome::granted).hasSize(1);
            assertThat(outcomes).as("round %d", round).filteredOn(outcome -> !outcome.granted()).singleElement()
                    .extracting(Outcome::conflictKey).isEqualTo("conflict.fundingDecided");
            BigDecimal granted = outcomes.stream().filter(Outcome::granted).findFirst().orElseThrow().amount();
            assertThat(data.budgetLeft(pool)).as("round %d", round)
                    .isEqualByComparingTo(new BigDecimal("100000").subtract(granted));
            assertThat(grantedFrom(pool)).isEqualByComparingTo(granted);
        }
    }

    @Test
    void aGrantWaitsForTheOtherGrantsCommitAndThenSeesWhatItLeft() throws Exception {
        FundingPool pool = data.newPool("100000");
        long a = applications.propose(data.newCase("Madskole"), pool.getCode(), new BigDecimal("60000"), "Køkken",
                "contact");
        long b = applications.propose(data.newCase("Cykelværksted"), pool.getCode(), new BigDecimal("60000"),
                "Værktøj", "contact");
        CountDownLatch firstHasDrawn = new CountDownLatch(1);
        CountDownLatch commitFirst = new CountDownLatch(1);

        // the first officer's grant has drawn the budget down but not committed yet
        Future<?> first = officers.submit(() -> transaction.executeWithoutResult(status -> {
            applications.grant(a, new BigDecimal("60000"), "fund", OFFICER);
            firstHasDrawn.countDown();
            await(commitFirst);
        }));
        await(firstHasDrawn);
        Future<FundingApplicationView> second = officers.submit(
                () -> applications.grant(b, new BigDecimal("60000"), "officer-2", OFFICER));
        // the second grant's update waits for the pool row's lock, instead of reading the old budget left
        awaitLockWait();
        assertThat(second).isNotDone();
        commitFirst.countDown();
        first.get(30, TimeUnit.SECONDS);

        assertThatThrownBy(() -> second.get(30, TimeUnit.SECONDS)).cause()
                .isInstanceOfSatisfying(ConflictException.class,
                        conflict -> assertThat(conflict.messageKey()).isEqualTo("conflict.fundingBudgetExhausted"));
        assertThat(data.budgetLeft(pool)).isEqualTo(new BigDecimal("40000.00"));
        assertThat(data.status(a)).isEqualTo("GRANTED");
        assertThat(data.status(b)).isEqualTo("PROPOSED");
    }

    private void awaitLockWait() throws InterruptedException {
        for (int attempt = 0; attempt < 300; attempt++) {
            Long waiting = jdbc.queryForObject(
                    "SELECT COUNT(*) FROM information_schema.INNODB_TRX WHERE trx_state = 'LOCK WAIT'", Long.class);
            if (waiting != null && waiting > 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("The second grant never waited for the first one's lock");
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One grant's result: the amount granted, or the message key of the conflict that refused it. */
    record Outcome(BigDecimal amount, String conflictKey) {

        boolean granted() {
            return amount != null;
        }
    }

    /** Runs the grants at the same moment, each on a thread (and in a transaction) of its own. */
    private List<Outcome> race(List<Callable<FundingApplicationView>> grants) throws Exception {
        CountDownLatch ready = new CountDownLatch(grants.size());
        CountDownLatch go = new CountDownLatch(1);
        List<Future<FundingApplicationView>> futures = new ArrayList<>();
        for (Callable<FundingApplicationView> grant : grants) {
            futures.add(officers.submit(() -> {
                ready.countDown();
                assertThat(go.await(30, TimeUnit.SECONDS)).isTrue();
                return grant.call();
            }));
        }
        assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
        go.countDown();
        List<Outcome> outcomes = new ArrayList<>();
        for (Future<FundingApplicationView> future : futures) {
            try {
                outcomes.add(new Outcome(future.get(60, TimeUnit.SECONDS).amountGranted(), null));
            } catch (ExecutionException failed) {
                // anything but a ConflictException (a deadlock, a lock timeout) fails the test here
                assertThat(failed.getCause()).isInstanceOf(ConflictException.class);
                outcomes.add(new Outcome(null, ((ConflictException) failed.getCause()).messageKey()));
            }
        }
        return outcomes;
    }

    /** What the pool's applications were granted, as the database has it; never more than the pool had. */
    private BigDecimal grantedFrom(FundingPool pool) {
        BigDecimal granted = jdbc.queryForObject("SELECT COALESCE(SUM(amount_granted), 0) FROM funding_application"
                + " WHERE pool_id = ?", BigDecimal.class, pool.getId());
        assertThat(granted.add(data.budgetLeft(pool))).isEqualByComparingTo(pool.getTotalBudget());
        assertThat(data.budgetLeft(pool)).isNotNegative();
        return granted;
    }
}
