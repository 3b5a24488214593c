package dk.initiativ.funding;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A funding pool as other features see it. Amounts are Danish kroner.
 *
 * @param applicationDeadline the last day to apply, or {@code null} when the pool is open all year
 * @param fundOfficerGroup    the group whose members decide the pool's applications
 * @param open                whether the pool takes applications at all (an admin closes it)
 */
public record FundingPoolView(long id, String code, String name, String criteria, BigDecimal totalBudget,
        BigDecimal budgetLeft, LocalDate applicationDeadline, String fundOfficerGroup, boolean open) {

    /** Whether an application may still be made on {@code day}: the pool is open and the deadline day not past. */
    public boolean isOpenOn(LocalDate day) {
        return open && (applicationDeadline == null || !day.isAfter(applicationDeadline));
    }

    /** What is granted from the pool so far. */
    public BigDecimal granted() {
        return totalBudget.subtract(budgetLeft);
    }

    /** Whether the budget left covers {@code amount}. */
    public boolean canCover(BigDecimal amount) {
        return budgetLeft.compareTo(amount) >= 0;
    }
}
