package dk.initiativ.funding;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import dk.initiativ.support.LocalModeTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The funding pools on the embedded MariaDB with the demo reference data. */
@LocalModeTest
class FundingPoolsTest {

    @Autowired
    FundingPools pools;

    @Autowired
    FundingDemoData demoData;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Clock clock;

    @Test
    void theDemoPoolsAreThere() {
        // other tests in the shared database make their own pools and grant from the demo pools
        assertThat(pools.list()).extracting(FundingPoolView::name)
                .containsSubsequence("Fællesskabspuljen", "Grøn pulje", "Lokalpuljen");
        FundingPoolView local = pools.find("lokalpuljen").orElseThrow();
        assertThat(local.totalBudget()).isEqualByComparingTo("250000");
        assertThat(local.budgetLeft()).isPositive().isLessThanOrEqualTo(local.totalBudget());
        assertThat(local.fundOfficerGroup()).isEqualTo("fund-officer");
        assertThat(local.applicationDeadline()).isNull();
        assertThat(local.criteria()).contains("lokalområde");
        assertThat(pools.find(local.id())).contains(local);
        assertThat(pools.find("ukendt")).isEmpty();
        assertThat(pools.find("groen-pulje").orElseThrow().totalBudget()).isEqualByComparingTo("150000");
        assertThat(pools.find("faellesskabspuljen").orElseThrow().totalBudget()).isEqualByComparingTo("100000");
    }

    @Test
    void demoDeadlinesLieAhead() {
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Europe/Copenhagen")));
        FundingPoolView green = pools.find("groen-pulje").orElseThrow();

        assertThat(green.applicationDeadline()).isAfter(today);
        assertThat(green.isOpenOn(today)).isTrue();
        assertThat(green.isOpenOn(green.applicationDeadline())).isTrue();
        assertThat(green.isOpenOn(green.applicationDeadline().plusDays(1))).isFalse();
        assertThat(pools.find("lokalpuljen").orElseThrow().isOpenOn(today.plusYears(10))).isTrue();
    }

    @Test
    void theDatabaseRefusesANegativeBudgetLeft() {
        BigDecimal before = pools.find("lokalpuljen").orElseThrow().budgetLeft();
        assertThatThrownBy(() -> jdbc.update("UPDATE funding_pool SET budget_left = -0.01 WHERE code = 'lokalpuljen'"))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("ck_funding_pool_budget");
        assertThat(pools.find("lokalpuljen").orElseThrow().budgetLeft()).isEqualByComparingTo(before);
    }

    @Test
    void theDatabaseRefusesMoreBudgetLeftThanThePoolHas() {
        assertThatThrownBy(() -> jdbc.update(
                "UPDATE funding_pool SET budget_left = total_budget + 1 WHERE code = 'groen-pulje'"))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.update("INSERT INTO funding_pool (code, name, criteria, total_budget, budget_left)"
                + " VALUES ('test-minus', 'Test', 'Test', 1000, -5)"))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(pools.find("test-minus")).isEmpty();
    }

    @Test
    void aPoolCoversOnlyWhatIsLeft() {
        // other tests of the shared context grant from this pool too: what is left, not the seeded total
        FundingPoolView community = pools.find("faellesskabspuljen").orElseThrow();
        assertThat(community.budgetLeft()).isPositive();
        assertThat(community.canCover(community.budgetLeft())).isTrue();
        assertThat(community.canCover(community.budgetLeft().add(new BigDecimal("0.01")))).isFalse();
    }

    @Test
    void seedingAgainAddsNothing() throws Exception {
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM funding_pool", Long.class);
        demoData.run(null);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM funding_pool", Long.class)).isEqualTo(before);
    }
}
