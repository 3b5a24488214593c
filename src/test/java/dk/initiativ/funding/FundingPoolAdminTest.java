package dk.initiativ.funding;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dk.initiativ.admin.ReferenceChanges;
import dk.initiativ.initiative.SubmissionService;
import dk.initiativ.support.LocalModeTest;
import dk.initiativ.web.ConflictException;
import dk.initiativ.web.FieldProblemException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.IllegalTransactionStateException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An admin's changes to the funding pools against the embedded MariaDB (issue 13): each change and its record in
 * the change record together; duplicate names, a budget below what is granted and a missing reason refused with
 * the field named and nothing stored; two admins changing one pool's budget at the same moment, each on a thread
 * and in a transaction of its own: one succeeds, the other is told the budget changed meanwhile.
 */
@LocalModeTest
class FundingPoolAdminTest {

    @Autowired FundingPoolAdmin admin;
    @Autowired FundingPools pools;
    @Autowired FundingApplications applications;
    @Autowired FundingPoolRepository poolRepository;
    @Autowired ReferenceChanges changes;
    @Autowired SubmissionService submissions;
    @Autowired JdbcTemplate jdbc;

    FundingTestData data;
    ExecutorService admins;

    @BeforeEach
    void setUp() {
        data = new FundingTestData(submissions, poolRepository, jdbc);
        admins = Executors.newFixedThreadPool(4);
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        admins.shutdownNow();
        assertThat(admins.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        data.removePools();
        jdbc.update("DELETE FROM funding_pool WHERE name LIKE 'Admintest %'");
    }

    private static FundingPoolAdmin.PoolForm form(String name, String budget) {
        return new FundingPoolAdmin.PoolForm(name, "Støtte til test 🌱", new BigDecimal(budget), null, "fund-officer",
                true);
    }

    private static String name() {
        return "Admintest " + UUID.randomUUID().toString().substring(0, 8);
    }

    private long recordsOf(long poolId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM reference_change WHERE entity_kind = 'funding-pool'"
                + " AND entity_id = ?", Long.class, String.valueOf(poolId));
    }

    @Test
    void aNewPoolIsRecordedWithItsValuesAfter() {
        String name = name() + " 🌳";
        FundingPoolView pool = admin.create(form(name, "250000"), "admin");

        assertThat(pool.name()).isEqualTo(name);
        assertThat(pool.code()).startsWith("admintest-");
        assertThat(pool.budgetLeft()).isEqualByComparingTo("250000");
        assertThat(pool.open()).isTrue();
        Map<String, Object> record = jdbc.queryForMap("SELECT changed_by, action, before_json,"
                + " JSON_VALUE(after_json, '$.name') AS after_name, JSON_VALUE(after_json, '$.totalBudget') AS total"
                + " FROM reference_change WHERE entity_kind = 'funding-pool' AND entity_id = ?", String.valueOf(pool.id()));
        assertThat(record).containsEntry("changed_by", "admin").containsEntry("action", "CREATE")
                .containsEntry("after_name", name).containsEntry("before_json", null);
        assertThat(new BigDecimal((String) record.get("total"))).isEqualByComparingTo("250000");
    }

    @Test
    void aDuplicateNameIsRefusedIgnoringCaseAndNothingIsStored() {
        String name = name();
        FundingPoolView first = admin.create(form(name, "1000"), "admin");
        long poolsBefore = jdbc.queryForObject("SELECT COUNT(*) FROM funding_pool", Long.class);
        long recordsBefore = jdbc.queryForObject("SELECT COUNT(*) FROM reference_change", Long.class);

        assertThatThrownBy(() -> admin.create(form(name.toUpperCase(), "2000"), "admin"))
                .isInstanceOfSatisfying(FieldProblemException.class, problem -> {
                    assertThat(problem.field()).isEqualTo("name");
                    assertThat(problem.messageKey()).isEqualTo("admin.ref.pool.error.nameTaken");
                });
        FundingPoolView second = admin.create(form(name(), "2000"), "admin");
        assertThatThrownBy(() -> admin.update(second.id(), form(name, "0"), "admin"))
                .isInstanceOf(FieldProblemException.class);

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM funding_pool", Long.class)).isEqualTo(poolsBefore + 1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM reference_change", Long.class)).isEqualTo(recordsBefore + 1);
        assertThat(pools.find(first.id()).orElseThrow().name()).isEqualTo(name);
    }

    @Test
    void aGroupTheIdentityDoesNotKnowIsRefusedOnCreateAndOnChangeAndNothingIsStored() {
        long poolsBefore = jdbc.queryForObject("SELECT COUNT(*) FROM funding_pool", Long.class);
        String name = name();

        assertThatThrownBy(() -> admin.create(new FundingPoolAdmin.PoolForm(name, "Kriterier", new BigDecimal("100"),
                null, "fond-officer", true), "admin"))
                .isInstanceOfSatisfying(FieldProblemException.class, problem -> {
                    assertThat(problem.field()).isEqualTo("fundOfficerGroup");
                    assertThat(problem.messageKey()).isEqualTo("admin.ref.pool.error.groupUnknown");
                });
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM funding_pool", Long.class)).isEqualTo(poolsBefore);

        FundingPoolView pool = admin.create(form(name, "100"), "admin");
        assertThatThrownBy(() -> admin.update(pool.id(), new FundingPoolAdmin.PoolForm(name, "Kriterier", null, null,
                "fond-officer", true), "admin"))
                .isInstanceOfSatisfying(FieldProblemException.class,
                        problem -> assertThat(problem.field()).isEqualTo("fundOfficerGroup"));
        assertThat(pools.find(pool.id()).orElseThrow().fundOfficerGroup()).isEqualTo("fund-officer");
        assertThat(recordsOf(pool.id())).isEqualTo(1);

        // a pool whose stored group has gone from the identity can still be renamed or closed
        jdbc.update("UPDATE funding_pool SET fund_officer_group = 'gone-group' WHERE id = ?", pool.id());
        FundingPoolView closed = admin.update(pool.id(), new FundingPoolAdmin.PoolForm(name, "Kriterier", null, null,
                "gone-group", false), "admin");
        assertThat(closed.open()).isFalse();
    }

    @Test
    void anUpdateRecordsBeforeAndAfterAndAClosedPoolTakesNoApplications() {
        FundingPoolView pool = admin.create(form(name(), "5000"), "admin");
        String renamed = name();

        FundingPoolView closed = admin.update(pool.id(), new FundingPoolAdmin.PoolForm(renamed, "Nye kriterier", null,
                java.time.LocalDate.of(2030, 6, 30), "fund-officer", false), "admin2");

        assertThat(closed.open()).isFalse();
        assertThat(closed.isOpenOn(java.time.LocalDate.of(2030, 1, 1))).isFalse();
        assertThat(closed.totalBudget()).isEqualByComparingTo("5000");
        Map<String, Object> record = jdbc.queryForMap("SELECT changed_by, JSON_VALUE(before_json, '$.name') AS b,"
                + " JSON_VALUE(after_json, '$.name') AS a, JSON_VALUE(after_json, '$.open') AS o FROM reference_change"
                + " WHERE entity_id = ? AND action = 'UPDATE'", String.valueOf(pool.id()));
        assertThat(record).containsEntry("changed_by", "admin2").containsEntry("b", pool.name())
                .containsEntry("a", renamed);
        // MariaDB's JSON_VALUE reads the JSON false as 0
        assertThat(record.get("o")).isIn("false", "0");
        // nothing changed: nothing recorded
        admin.update(pool.id(), new FundingPoolAdmin.PoolForm(renamed, "Nye kriterier", null,
                java.time.LocalDate.of(2030, 6, 30), "fund-officer", false), "admin2");
        assertThat(recordsOf(pool.id())).isEqualTo(2);
    }

    @Test
    void aBudgetChangeIsRecordedWithWhoFromToAndWhy() {
        FundingPoolView pool = admin.create(form(name(), "100000"), "admin");

        FundingPoolView changed = admin.changeBudget(pool.id(), new BigDecimal("100000"), new BigDecimal("120000.50"),
                "Byrådet gav flere penge", "admin2");

        assertThat(changed.totalBudget()).isEqualByComparingTo("120000.50");
        assertThat(changed.budgetLeft()).isEqualByComparingTo("120000.50");
        Map<String, Object> record = jdbc.queryForMap("SELECT changed_by, reason, JSON_VALUE(before_json,"
                + " '$.totalBudget') AS from_total, JSON_VALUE(after_json, '$.totalBudget') AS to_total"
                + " FROM reference_change WHERE entity_id = ? AND action = 'BUDGET'", String.valueOf(pool.id()));
        assertThat(record).containsEntry("changed_by", "admin2").containsEntry("reason", "Byrådet gav flere penge");
        assertThat(new BigDecimal((String) record.get("from_total"))).isEqualByComparingTo("100000");
        assertThat(new BigDecimal((String) record.get("to_total"))).isEqualByComparingTo("120000.50");
    }

    @Test
    void aBudgetBelowWhatIsGrantedOrWithoutAReasonIsRefusedAndNothingIsStored() {
        FundingPool pool = data.newPool("100000");
        long application = applications.propose(data.newCase("Bålhytte"), pool.getCode(), new BigDecimal("60000"),
                "Bålhytte", "contact");
        applications.grant(application, new BigDecimal("60000"), "fund", List.of("fund-officer"));

        assertThatThrownBy(() -> admin.changeBudget(pool.getId(), new BigDecimal("100000"), new BigDecimal("59999.99"),
                "Besparelse", "admin")).isInstanceOfSatisfying(FieldProblemException.class, problem -> {
                    assertThat(problem.field()).isEqualTo("totalBudget");
                    assertThat(problem.messageKey()).isEqualTo("admin.ref.pool.error.belowGranted");
                });
        assertThatThrownBy(() -> admin.changeBudget(pool.getId(), new BigDecimal("100000"), new BigDecimal("80000"),
                "  ", "admin")).isInstanceOfSatisfying(FieldProblemException.class,
                        problem -> assertThat(problem.field()).isEqualTo("reason"));
        assertThat(pools.find(pool.getId()).orElseThrow().totalBudget()).isEqualByComparingTo("100000");
        assertThat(recordsOf(pool.getId())).isZero();

        // exactly what is granted is allowed: nothing left
        FundingPoolView lowered = admin.changeBudget(pool.getId(), new BigDecimal("100000"), new BigDecimal("60000"),
                "Besparelse", "admin");
        assertThat(lowered.budgetLeft()).isEqualByComparingTo("0");
        assertThat(lowered.granted()).isEqualByComparingTo("60000");
    }

    @Test
    void theChangeRecordIsWrittenOnlyInTheChangesOwnTransaction() {
        assertThatThrownBy(() -> changes.record("admin", "funding-pool", "1", "UPDATE", null, null, null))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void twoAdminsLoweringOnePoolsBudgetAtOnceOneSucceedsTheOtherIsTold() throws Exception {
        for (int round = 1; round <= 5; round++) {
            FundingPool pool = data.newPool("100000");
            long application = applications.propose(data.newCase("Shelter " + round), pool.getCode(),
                    new BigDecimal("60000"), "Shelter", "contact");
            applications.grant(application, new BigDecimal("60000"), "fund", List.of("fund-officer"));

            // both read 100,000; each lowers it to a budget that alone would be allowed
            List<Outcome> outcomes = race(List.of(
                    () -> admin.changeBudget(pool.getId(), new BigDecimal("100000"), new BigDecimal("70000"),
                            "Besparelse A", "admin"),
                    () -> admin.changeBudget(pool.getId(), new BigDecimal("100000"), new BigDecimal("65000"),
                            "Besparelse B", "admin2")));

            assertThat(outcomes).as("round %d", round).filteredOn(Outcome::changed).hasSize(1);
            assertThat(outcomes).as("round %d", round).filteredOn(outcome -> !outcome.changed()).singleElement()
                    .extracting(Outcome::conflictKey).isEqualTo("admin.ref.pool.conflict.budgetChanged");
            BigDecimal total = outcomes.stream().filter(Outcome::changed).findFirst().orElseThrow().total();
            FundingPoolView now = pools.find(pool.getId()).orElseThrow();
            assertThat(now.totalBudget()).as("round %d", round).isEqualByComparingTo(total);
            assertThat(now.granted()).as("round %d", round).isEqualByComparingTo("60000");
            assertThat(recordsOf(pool.getId())).as("round %d", round).isEqualTo(1);
        }
    }

    @Test
    void aBudgetLoweredWhileAGrantIsMadeNeverGoesBelowWhatIsGranted() throws Exception {
        for (int round = 1; round <= 5; round++) {
            FundingPool pool = data.newPool("100000");
            long first = applications.propose(data.newCase("Scene " + round), pool.getCode(), new BigDecimal("50000"),
                    "Scene", "contact");
            applications.grant(first, new BigDecimal("50000"), "fund", List.of("fund-officer"));
            long second = applications.propose(data.newCase("Lys " + round), pool.getCode(), new BigDecimal("30000"),
                    "Lys", "contact");

            // lowering to 60,000 is allowed with 50,000 granted, but not together with the grant of 30,000
            List<Outcome> outcomes = race(List.of(
                    () -> admin.changeBudget(pool.getId(), new BigDecimal("100000"), new BigDecimal("60000"),
                            "Besparelse", "admin"),
                    () -> applications.grant(second, new BigDecimal("30000"), "fund", List.of("fund-officer"))));

            FundingPoolView now = pools.find(pool.getId()).orElseThrow();
            assertThat(now.budgetLeft().signum()).as("round %d", round).isNotNegative();
            assertThat(now.totalBudget()).as("round %d", round).isGreaterThanOrEqualTo(now.granted());
            assertThat(outcomes).as("round %d", round).filteredOn(Outcome::changed).hasSize(1);
            assertThat(outcomes).as("round %d", round).filteredOn(outcome -> !outcome.changed())
                    .extracting(Outcome::conflictKey).singleElement()
                    .isIn("conflict.fundingBudgetExhausted", "admin.ref.pool.error.belowGranted");
        }
    }

    /** A change's result: the pool's total after it, or the message key of the conflict that refused it. */
    record Outcome(BigDecimal total, String conflictKey) {

        boolean changed() {
            return conflictKey == null;
        }
    }

    /** Runs the calls at the same moment, each on a thread (and in a transaction) of its own. */
    private List<Outcome> race(List<Callable<?>> calls) throws InterruptedException {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        for (Callable<?> call : calls) {
            futures.add(admins.submit(() -> {
                start.await();
                return call.call();
            }));
        }
        start.countDown();
        List<Outcome> outcomes = new ArrayList<>();
        for (Future<?> future : futures) {
            try {
                Object result = future.get(60, TimeUnit.SECONDS);
                outcomes.add(new Outcome(result instanceof FundingPoolView pool ? pool.totalBudget() : BigDecimal.ZERO,
                        null));
            } catch (ExecutionException e) {
                if (e.getCause() instanceof ConflictException conflict) {
                    outcomes.add(new Outcome(null, conflict.messageKey()));
                } else if (e.getCause() instanceof FieldProblemException problem) {
                    outcomes.add(new Outcome(null, problem.messageKey()));
                } else {
                    throw new AssertionError("Neither done nor a conflict", e.getCause());
                }
            } catch (java.util.concurrent.TimeoutException e) {
                throw new AssertionError("A call never finished", e);
            }
        }
        return outcomes;
    }
}
