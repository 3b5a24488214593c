package dk.initiativ.funding;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A funding application as staff and the citizen see it. Amounts are Danish kroner.
 *
 * @param amountGranted  the amount granted, or {@code null} unless {@link FundingApplicationStatus#GRANTED}
 * @param decisionReason the reason given with the decision (always given with a rejection), or {@code null}
 * @param decidedBy      the fund officer who decided, or {@code null} while proposed
 */
public record FundingApplicationView(long id, long initiativeId, long poolId, String poolCode, String poolName,
        BigDecimal amountRequested, String purpose, FundingApplicationStatus status, BigDecimal amountGranted,
        String decisionReason, String proposedBy, Instant proposedAt, String decidedBy, Instant decidedAt) {
}
