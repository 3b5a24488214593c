package dk.initiativ.funding;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/**
 * An initiative's application to one funding pool, and the fund officer's decision on it. The budget
 * draw-down of a grant is not here but in {@link FundingPoolRepository#drawDown}: one conditional update
 * on the pool's row, so that concurrent grants cannot overspend it.
 */
@Entity
class FundingApplication {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private Long initiativeId;

    @Column(nullable = false, updatable = false)
    private Long poolId;

    @Column(nullable = false, updatable = false, precision = 12, scale = 2)
    private BigDecimal amountRequested;

    @Column(nullable = false, updatable = false)
    private String purpose;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private FundingApplicationStatus status;

    @Column(precision = 12, scale = 2)
    private BigDecimal amountGranted;

    private String decisionReason;

    @Column(nullable = false, updatable = false)
    private String proposedBy;

    @Column(nullable = false, updatable = false)
    private Instant proposedAt;

    private String decidedBy;

    private Instant decidedAt;

    @Version
    private long version;

    protected FundingApplication() {
    }

    FundingApplication(Long initiativeId, Long poolId, BigDecimal amountRequested, String purpose, String proposedBy,
            Instant proposedAt) {
        this.initiativeId = initiativeId;
        this.poolId = poolId;
        this.amountRequested = amountRequested;
        this.purpose = purpose;
        this.status = FundingApplicationStatus.PROPOSED;
        this.proposedBy = proposedBy;
        this.proposedAt = proposedAt;
    }

    boolean isProposed() {
        return status == FundingApplicationStatus.PROPOSED;
    }

    /** Records the grant; the caller has drawn the pool's budget down by {@code amount} already. */
    void grant(BigDecimal amount, String officer, Instant at) {
        requireProposed();
        this.status = FundingApplicationStatus.GRANTED;
        this.amountGranted = amount;
        this.decidedBy = officer;
        this.decidedAt = at;
    }

    void reject(String reason, String officer, Instant at) {
        requireProposed();
        this.status = FundingApplicationStatus.REJECTED;
        this.decisionReason = reason;
        this.decidedBy = officer;
        this.decidedAt = at;
    }

    private void requireProposed() {
        if (!isProposed()) {
            throw new IllegalStateException("Funding application " + id + " is decided already: " + status);
        }
    }

    Long getId() {
        return id;
    }

    Long getInitiativeId() {
        return initiativeId;
    }

    Long getPoolId() {
        return poolId;
    }

    BigDecimal getAmountRequested() {
        return amountRequested;
    }

    FundingApplicationStatus getStatus() {
        return status;
    }

    FundingApplicationView toView(FundingPool pool) {
        return new FundingApplicationView(id, initiativeId, pool.getId(), pool.getCode(), pool.getName(),
                amountRequested, purpose, status, amountGranted, decisionReason, proposedBy, proposedAt, decidedBy,
                decidedAt);
    }
}
