package dk.initiativ.funding;

import java.math.BigDecimal;
import java.time.Instant;

import dk.initiativ.initiative.Decision;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
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

    @Column(nullable = false, updatable = false)
    private String proposedBy;

    @Column(nullable = false, updatable = false)
    private Instant proposedAt;

    /** The fund officer's decision, with the reason of a rejection; null while proposed. */
    @Embedded
    private Decision decision;

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
    /** @param reason why less than requested (or any note to the citizen), or {@code null} */
    void grant(BigDecimal amount, String reason, String officer, Instant at) {
        requireProposed();
        this.status = FundingApplicationStatus.GRANTED;
        this.amountGranted = amount;
        this.decision = new Decision(officer, at, reason);
    }

    void reject(String reason, String officer, Instant at) {
        requireProposed();
        this.status = FundingApplicationStatus.REJECTED;
        this.decision = new Decision(officer, at, reason);
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
        boolean decided = decision != null;
        return new FundingApplicationView(id, initiativeId, pool.getId(), pool.getCode(), pool.getName(),
                amountRequested, purpose, status, amountGranted, decided ? decision.text() : null, proposedBy,
                proposedAt, decided ? decision.decidedBy() : null, decided ? decision.decidedAt() : null);
    }
}
