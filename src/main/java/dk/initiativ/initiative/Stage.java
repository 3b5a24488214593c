package dk.initiativ.initiative;

/** Where an initiative is in its journey, as the municipality and the citizen see it. */
public enum Stage {
    /** Waiting for intake's screening. */
    SUBMITTED,
    /** Intake asked the citizen for more information. */
    AWAITING_INFORMATION,
    /** Intake accepted it as an initiative; a contact person is being found. */
    ACCEPTED,
    /** A contact person has taken the case; next: first contact and the expectation agreement. */
    MATCHED,
    /** The expectation agreement is recorded; the support plan runs. */
    AGREED,
    /** Ended, with an {@link Outcome}. */
    CLOSED
}
