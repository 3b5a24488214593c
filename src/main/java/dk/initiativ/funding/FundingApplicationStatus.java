package dk.initiativ.funding;

/** Where a funding application stands: waiting for the fund officer, or decided one way or the other. */
public enum FundingApplicationStatus {
    /** Proposed for the case; the pool's fund officer has not decided yet. */
    PROPOSED,
    /** Granted with an amount up to the one requested; the pool's budget is drawn down by it. */
    GRANTED,
    /** Rejected with a reason for the citizen. */
    REJECTED
}
