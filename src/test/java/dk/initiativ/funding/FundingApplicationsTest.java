package dk.initiativ.funding;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dk.initiativ.citizen.CitizenCaseService;
import dk.initiativ.initiative.CaseClosedException;
import dk.initiativ.initiative.CaseNotFoundException;
import dk.initiativ.initiative.SubmissionReceipt;
import dk.initiativ.initiative.SubmissionService;
import dk.initiativ.support.LocalModeTest;
import dk.initiativ.web.ConflictException;
import dk.initiativ.web.ForbiddenException;
import dk.initiativ.web.NotFoundException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static dk.initiativ.support.Problems.assertField;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Funding applications and their decisions on the embedded MariaDB, on pools of the test's own. */
@LocalModeTest
class FundingApplicationsTest {

    private static final List<String> OFFICER = List.of("fund-officer");

    @Autowired
    FundingApplications applications;

    @Autowired
    FundingPoolRepository poolRepository;

    @Autowired
    SubmissionService submissions;

    @Autowired
    CitizenCaseService citizens;

    @Autowired
    JdbcTemplate jdbc;


    @Autowired
    Clock clock;

    FundingTestData data;

    @BeforeEach
    void setUp() {
        data = new FundingTestData(submissions, poolRepository, jdbc);
    }

    @AfterEach
    void removeTestPools() {
        data.removePools();
    }

    @Test
    void aGrantDrawsThePoolsBudgetDownByTheAmountGranted() {
        FundingPool pool = data.newPool("100000");
        String caseNumber = data.newCase("Fællesbed på torvet");

        long id = applications.propose(caseNumber, pool.getCode(), new BigDecimal("30000"), "  Plantekasser og jord ",
                "contact");

        FundingApplicationView proposed = applications.find(id).orElseThrow();
        assertThat(proposed.status()).isEqualTo(FundingApplicationStatus.PROPOSED);
        assertThat(proposed.amountRequested()).isEqualTo(new BigDecimal("30000.00"));
        assertThat(proposed.purpose()).isEqualTo("Plantekasser og jord");
        assertThat(proposed.proposedBy()).isEqualTo("contact");
        assertThat(proposed.proposedAt()).isNotNull();
        assertThat(proposed.amountGranted()).isNull();
        assertThat(proposed.decidedBy()).isNull();
        assertThat(data.budgetLeft(pool)).isEqualByComparingTo("100000");

        FundingApplicationView granted = applications.grant(id, new BigDecimal("25000.50"), "fund", OFFICER);

        assertThat(granted.status()).isEqualTo(FundingApplicationStatus.GRANTED);
        assertThat(granted.amountGranted()).isEqualTo(new BigDecimal("25000.50"));
        assertThat(granted.decidedBy()).isEqualTo("fund");
        assertThat(granted.decidedAt()).isNotNull();
        assertThat(data.budgetLeft(pool)).isEqualTo(new BigDecimal("74999.50"));
        assertThat(jdbc.queryForObject("SELECT version FROM funding_pool WHERE id = ?", Long.class, pool.getId()))
                .isEqualTo(pool.getVersion() + 1);
        assertThat(applications.find(id)).contains(granted);

        List<FundingApplicationView> forCase = applications.forCase(caseNumber);
        assertThat(forCase).singleElement().satisfies(view -> {
            assertThat(view.poolName()).isEqualTo(pool.getName());
            assertThat(view.poolCode()).isEqualTo(pool.getCode());
            assertThat(view.amountRequested()).isEqualByComparingTo("30000");
            assertThat(view.amountGranted()).isEqualByComparingTo("25000.50");
            assertThat(view.status()).isEqualTo(FundingApplicationStatus.GRANTED);
        });
    }

    @Test
    void aRejectionNeedsAReasonAndLeavesTheBudget() {
        FundingPool pool = data.newPool("50000");
        String caseNumber = data.newCase("Koncert i parken");
        long id = applications.propose(caseNumber, pool.getCode(), new BigDecimal("20000"), "Scene og lyd", "contact");

        assertField(() -> applications.reject(id, "  ", "fund", OFFICER), "reason", "funding.reason.required");
        assertField(() -> applications.reject(id, null, "fund", OFFICER), "reason", "funding.reason.required");
        assertField(() -> applications.reject(id, "x".repeat(4001), "fund", OFFICER), "reason", "funding.reason.size");
        assertThat(data.status(id)).isEqualTo("PROPOSED");

        FundingApplicationView rejected = applications.reject(id, " Puljen støtter ikke koncerter ", "fund", OFFICER);

        assertThat(rejected.status()).isEqualTo(FundingApplicationStatus.REJECTED);
        assertThat(rejected.decisionReason()).isEqualTo("Puljen støtter ikke koncerter");
        assertThat(rejected.amountGranted()).isNull();
        assertThat(rejected.decidedBy()).isEqualTo("fund");
        assertThat(data.budgetLeft(pool)).isEqualByComparingTo("50000");
        assertThat(applications.forCase(caseNumber)).extracting(FundingApplicationView::decisionReason)
                .containsExactly("Puljen støtter ikke koncerter");
    }

    @Test
    void onlyAProposedApplicationCanBeDecided() {
        FundingPool pool = data.newPool("50000");
        long granted = applications.propose(data.newCase("Bænke ved søen"), pool.getCode(), new BigDecimal("10000"),
                "Tre bænke", "contact");
        long rejected = applications.propose(data.newCase("Hundeskov"), pool.getCode(), new BigDecimal("10000"),
                "Hegn", "contact");
        applications.grant(granted, new BigDecimal("10000"), "fund", OFFICER);
        applications.reject(rejected, "Uden for puljens formål", "fund", OFFICER);

        assertConflict(() -> applications.grant(granted, new BigDecimal("1"), "fund", OFFICER), "conflict.fundingDecided");
        assertConflict(() -> applications.reject(granted, "Fortrudt", "fund", OFFICER), "conflict.fundingDecided");
        assertConflict(() -> applications.grant(rejected, new BigDecimal("1"), "fund", OFFICER), "conflict.fundingDecided");
        assertConflict(() -> applications.reject(rejected, "Igen", "fund", OFFICER), "conflict.fundingDecided");
        assertThat(data.budgetLeft(pool)).isEqualByComparingTo("40000");
        assertThat(data.status(granted)).isEqualTo("GRANTED");
        assertThat(data.status(rejected)).isEqualTo("REJECTED");

        assertThatThrownBy(() -> applications.grant(-1, new BigDecimal("1"), "fund", OFFICER))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> applications.reject(-1, "Nej", "fund", OFFICER)).isInstanceOf(NotFoundException.class);
        assertThat(applications.find(-1)).isEmpty();
    }

    @Test
    void onlyThePoolsFundOfficersOrAnAdminDecide() {
        FundingPool pool = data.newPool("50000", null, "green-fund-officer");
        String caseNumber = data.newCase("Grønne tage");
        long first = applications.propose(caseNumber, pool.getCode(), new BigDecimal("10000"), "Sedum", "contact");

        assertThatThrownBy(() -> applications.grant(first, new BigDecimal("10000"), "contact", List.of("contact-staff")))
                .isInstanceOf(ForbiddenException.class);
        // a fund officer, but of another pool
        assertThatThrownBy(() -> applications.grant(first, new BigDecimal("10000"), "fund", OFFICER))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> applications.reject(first, "Nej", "manager", List.of("manager")))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> applications.reject(first, "Nej", "nobody", null))
                .isInstanceOf(ForbiddenException.class);
        assertThat(data.status(first)).isEqualTo("PROPOSED");
        assertThat(data.budgetLeft(pool)).isEqualByComparingTo("50000");

        applications.grant(first, new BigDecimal("4000"), "greta", List.of("contact-staff", "green-fund-officer"));

        FundingPool other = data.newPool("50000", null, "green-fund-officer");
        long second = applications.propose(caseNumber, other.getCode(), new BigDecimal("10000"), "Sedum", "contact");
        assertThat(applications.reject(second, "Brug Grøn pulje", "admin", Set.of("admin")).status())
                .isEqualTo(FundingApplicationStatus.REJECTED);
        assertThat(data.budgetLeft(pool)).isEqualByComparingTo("46000");
    }

    @Test
    void aPartialGrantKeepsTheOfficersReasonForTheCitizen() {
        FundingPool pool = data.newPool("50000");
        long id = applications.propose(data.newCase("Fælleshave"), pool.getCode(), new BigDecimal("12000"),
                "Jord og frø", "contact");

        assertField(() -> applications.grant(id, new BigDecimal("8000"), "x".repeat(4001), "fund", OFFICER),
                "reason", "funding.reason.size");
        assertThat(data.status(id)).isEqualTo("PROPOSED");
        assertThat(data.budgetLeft(pool)).isEqualByComparingTo("50000");

        FundingApplicationView granted = applications.grant(id, new BigDecimal("8000"),
                "  Puljen giver højst 8.000 kr. til frø 🌱  ", "fund", OFFICER);
        assertThat(granted.decisionReason()).isEqualTo("Puljen giver højst 8.000 kr. til frø 🌱");
        assertThat(applications.find(id).orElseThrow().decisionReason()).isEqualTo("Puljen giver højst 8.000 kr. til frø 🌱");
    }

    @Test
    void aGrantIsMoreThanZeroAndAtMostTheAmountRequested() {
        FundingPool pool = data.newPool("50000");
        long id = applications.propose(data.newCase("Repair café"), pool.getCode(), new BigDecimal("12000"),
                "Værktøj", "contact");

        assertField(() -> applications.grant(id, null, "fund", OFFICER), "amount", "funding.amount.required");
        assertField(() -> applications.grant(id, BigDecimal.ZERO, "fund", OFFICER), "amount", "funding.amount.positive");
        assertField(() -> applications.grant(id, new BigDecimal("-5"), "fund", OFFICER), "amount",
                "funding.amount.positive");
        assertField(() -> applications.grant(id, new BigDecimal("100.005"), "fund", OFFICER), "amount",
                "funding.amount.decimals");
        assertField(() -> applications.grant(id, new BigDecimal("12000.01"), "fund", OFFICER), "amount",
                "funding.amount.overRequested");
        assertThat(data.status(id)).isEqualTo("PROPOSED");
        assertThat(data.budgetLeft(pool)).isEqualByComparingTo("50000");

        assertThat(applications.grant(id, new BigDecimal("12000.000"), "fund", OFFICER).amountGranted())
                .isEqualTo(new BigDecimal("12000.00"));
        assertThat(data.budgetLeft(pool)).isEqualByComparingTo("38000");
    }

    @Test
    void aGrantBeyondTheBudgetLeftIsRefusedAndChangesNothing() {
        FundingPool pool = data.newPool("50000");
        long first = applications.propose(data.newCase("Byhave"), pool.getCode(), new BigDecimal("40000"), "Drivhus",
                "contact");
        long second = applications.propose(data.newCase("Skaterbane"), pool.getCode(), new BigDecimal("40000"),
                "Ramper", "contact");
        applications.grant(first, new BigDecimal("40000"), "fund", OFFICER);

        assertConflict(() -> applications.grant(second, new BigDecimal("10000.01"), "fund", OFFICER),
                "conflict.fundingBudgetExhausted");

        assertThat(data.status(second)).isEqualTo("PROPOSED");
        assertThat(data.budgetLeft(pool)).isEqualTo(new BigDecimal("10000.00"));
        // what is left can still be granted, to the last øre
        applications.grant(second, new BigDecimal("10000"), "fund", OFFICER);
        assertThat(data.budgetLeft(pool)).isEqualByComparingTo("0");
    }

    @Test
    void aProposalNamesAnOpenPoolAnAmountAndAPurpose() {
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Europe/Copenhagen")));
        FundingPool pool = data.newPool("80000");
        FundingPool closed = data.newPool("80000", today.minusDays(1), FundingTestData.OFFICER_GROUP);
        FundingPool lastDay = data.newPool("80000", today, FundingTestData.OFFICER_GROUP);
        String caseNumber = data.newCase("Lokal madmarked");
        String code = pool.getCode();
        BigDecimal amount = new BigDecimal("5000");

        assertField(() -> applications.propose(caseNumber, "ukendt-pulje", amount, "Boder", "contact"), "pool",
                "funding.pool.unknown");
        assertField(() -> applications.propose(caseNumber, " ", amount, "Boder", "contact"), "pool",
                "funding.pool.required");
        assertField(() -> applications.propose(caseNumber, null, amount, "Boder", "contact"), "pool",
                "funding.pool.required");
        assertField(() -> applications.propose(caseNumber, closed.getCode(), amount, "Boder", "contact"), "pool",
                "funding.pool.deadlinePassed");
        assertField(() -> applications.propose(caseNumber, code, null, "Boder", "contact"), "amountRequested",
                "funding.amountRequested.required");
        assertField(() -> applications.propose(caseNumber, code, BigDecimal.ZERO, "Boder", "contact"),
                "amountRequested", "funding.amountRequested.positive");
        assertField(() -> applications.propose(caseNumber, code, new BigDecimal("-1"), "Boder", "contact"),
                "amountRequested", "funding.amountRequested.positive");
        assertField(() -> applications.propose(caseNumber, code, new BigDecimal("1.999"), "Boder", "contact"),
                "amountRequested", "funding.amountRequested.decimals");
        assertField(() -> applications.propose(caseNumber, code, new BigDecimal("80000.01"), "Boder", "contact"),
                "amountRequested", "funding.amountRequested.overTotal");
        assertField(() -> applications.propose(caseNumber, code, amount, " ", "contact"), "purpose",
                "funding.purpose.required");
        assertField(() -> applications.propose(caseNumber, code, amount, "x".repeat(4001), "contact"), "purpose",
                "funding.purpose.size");
        assertThat(applications.forCase(caseNumber)).isEmpty();

        applications.propose(caseNumber, code, new BigDecimal("80000"), "Boder", "contact");
        applications.propose(caseNumber, lastDay.getCode(), amount, "Boder", "contact");

        assertConflict(() -> applications.propose(caseNumber, code, amount, "Igen", "contact"),
                "conflict.fundingApplicationExists");
        assertThat(applications.forCase(caseNumber)).extracting(FundingApplicationView::poolCode)
                .containsExactly(code, lastDay.getCode());
    }

    @Test
    void onlyAnOpenCaseApplies() {
        FundingPool pool = data.newPool("80000");
        SubmissionReceipt receipt = data.submitCase("Trukket tilbage");
        citizens.withdraw(receipt.trackingToken());

        assertThatThrownBy(() -> applications.propose(receipt.caseNumber(), pool.getCode(), new BigDecimal("100"),
                "Noget", "contact")).isInstanceOf(CaseClosedException.class);
        assertThatThrownBy(() -> applications.propose("IN-1999-999999", pool.getCode(), new BigDecimal("100"),
                "Noget", "contact")).isInstanceOf(CaseNotFoundException.class);
        assertThatThrownBy(() -> applications.forCase("IN-1999-999999")).isInstanceOf(CaseNotFoundException.class);
        assertThat(applications.forCase(receipt.caseNumber())).isEmpty();
    }



    private static void assertConflict(ThrowingCallable call, String messageKey) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ConflictException.class,
                conflict -> assertThat(conflict.messageKey()).isEqualTo(messageKey));
    }
}
