package dk.initiativ.initiative;

/** Where an initiative is in its journey, as the municipality and the citizen see it. */
public enum Stage {
    /** Waiting for intake's screening. */
    SUBMITTED,
    /** Intake asked the citizen for more information. */
    AWAITING_INFORMATION,
    /** Intake accepted it as an initiative; next: a contact person. */
    ACCEPTED,
    /** Ended, with an {@link Outcome}. */
    CLOSED
}
