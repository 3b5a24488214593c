package dk.initiativ.initiative;

/** Where an initiative is in its journey, as the municipality and the citizen see it. */
public enum Stage {
    SUBMITTED
}
