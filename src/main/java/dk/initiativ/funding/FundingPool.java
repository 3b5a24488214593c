package dk.initiativ.funding;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/**
 * A municipal funding pool (pulje): its criteria, its budget and what is left of it, the application
 * deadline, and the group of fund officers who decide its applications. Grants draw {@code budgetLeft}
 * down with one conditional update ({@link FundingPoolRepository#drawDown}), never by reading and writing
 * the entity, so that two concurrent grants on one pool cannot overspend it; the database refuses a budget
 * left below zero or above the total.
 */
@Entity
class FundingPool {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private String code;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String criteria;

    @Column(nullable = false, precision = 12, scale = 2)
    private BigDecimal totalBudget;

    @Column(nullable = false, precision = 12, scale = 2)
    private BigDecimal budgetLeft;

    private LocalDate applicationDeadline;

    @Column(nullable = false)
    private String fundOfficerGroup;

    /** Whether the pool takes applications at all (an admin closes and reopens it). */
    @Column(nullable = false)
    private boolean open = true;

    @Version
    private long version;

    protected FundingPool() {
    }

    FundingPool(String code, String name, String criteria, BigDecimal totalBudget, LocalDate applicationDeadline,
            String fundOfficerGroup) {
        if (totalBudget.signum() < 0) {
            throw new IllegalArgumentException("A pool's budget cannot be negative");
        }
        this.code = code;
        this.name = name;
        this.criteria = criteria;
        this.totalBudget = totalBudget;
        this.budgetLeft = totalBudget;
        this.applicationDeadline = applicationDeadline;
        this.fundOfficerGroup = fundOfficerGroup;
    }

    /** An admin's change of everything but the budget (which {@link FundingPoolAdmin#changeBudget} changes). */
    void describe(String name, String criteria, LocalDate applicationDeadline, String fundOfficerGroup, boolean open) {
        this.name = name;
        this.criteria = criteria;
        this.applicationDeadline = applicationDeadline;
        this.fundOfficerGroup = fundOfficerGroup;
        this.open = open;
    }

    /** A new total budget; what is granted stays granted, so the budget left moves by the difference. */
    void changeBudget(BigDecimal newTotal) {
        BigDecimal granted = totalBudget.subtract(budgetLeft);
        if (newTotal.compareTo(granted) < 0) {
            throw new IllegalArgumentException("A pool's budget cannot go below what is granted");
        }
        this.budgetLeft = newTotal.subtract(granted);
        this.totalBudget = newTotal;
    }

    boolean isOpen() {
        return open;
    }

    Long getId() {
        return id;
    }

    String getCode() {
        return code;
    }

    String getName() {
        return name;
    }

    String getCriteria() {
        return criteria;
    }

    BigDecimal getTotalBudget() {
        return totalBudget;
    }

    BigDecimal getBudgetLeft() {
        return budgetLeft;
    }

    LocalDate getApplicationDeadline() {
        return applicationDeadline;
    }

    String getFundOfficerGroup() {
        return fundOfficerGroup;
    }

    long getVersion() {
        return version;
    }

    FundingPoolView toView() {
        return new FundingPoolView(id, code, name, criteria, totalBudget, budgetLeft, applicationDeadline,
                fundOfficerGroup, open);
    }
}
