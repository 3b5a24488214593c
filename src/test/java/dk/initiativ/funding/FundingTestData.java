package dk.initiativ.funding;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import dk.initiativ.initiative.HelpKind;
import dk.initiativ.initiative.SubmissionReceipt;
import dk.initiativ.initiative.SubmissionService;
import dk.initiativ.initiative.SubmitInitiativeRequest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Cases and pools of their own for the funding tests. The pools' codes start with {@value #POOL_PREFIX};
 * {@link #removePools()} deletes them and their applications again, so that the demo pools stay the only
 * pools the other tests see, with their whole budget left.
 */
final class FundingTestData {

    static final String POOL_PREFIX = "t-funding-";
    static final String OFFICER_GROUP = "fund-officer";

    private final SubmissionService submissions;
    private final FundingPoolRepository pools;
    private final JdbcTemplate jdbc;

    FundingTestData(SubmissionService submissions, FundingPoolRepository pools, JdbcTemplate jdbc) {
        this.submissions = submissions;
        this.pools = pools;
        this.jdbc = jdbc;
    }

    SubmissionReceipt submitCase(String title) {
        return submissions.submit(new SubmitInitiativeRequest(title, "Et initiativ, der søger støtte fra en pulje.",
                "natur-miljoe", "holbaek-by", "Anna Andersen", "anna@example.org", true, Set.of(HelpKind.FUNDING)),
                Locale.forLanguageTag("da"));
    }

    String newCase(String title) {
        return submitCase(title).caseNumber();
    }

    FundingPool newPool(String total) {
        return newPool(total, null, OFFICER_GROUP);
    }

    FundingPool newPool(String total, LocalDate deadline, String officerGroup) {
        String code = POOL_PREFIX + UUID.randomUUID().toString().substring(0, 8);
        return pools.save(new FundingPool(code, "Testpulje " + code, "Til test", new BigDecimal(total), deadline,
                officerGroup));
    }

    BigDecimal budgetLeft(FundingPool pool) {
        return jdbc.queryForObject("SELECT budget_left FROM funding_pool WHERE id = ?", BigDecimal.class, pool.getId());
    }

    String status(long applicationId) {
        return jdbc.queryForObject("SELECT status FROM funding_application WHERE id = ?", String.class, applicationId);
    }

    void removePools() {
        jdbc.update("DELETE FROM funding_application WHERE pool_id IN"
                + " (SELECT id FROM funding_pool WHERE code LIKE ?)", POOL_PREFIX + "%");
        jdbc.update("DELETE FROM funding_pool WHERE code LIKE ?", POOL_PREFIX + "%");
    }
}
