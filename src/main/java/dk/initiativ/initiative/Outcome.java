package dk.initiativ.initiative;

/** How a case ended. */
public enum Outcome {
    // the contact person closes with one of the first five; the process sets the others
    REALISED,
    PARTLY_REALISED,
    HANDED_OVER_TO_ASSOCIATION,
    FORWARDED_TO_POLITICIANS,
    NOT_REALISED,
    WITHDRAWN,
    INACTIVE,
    /** Not an initiative: the citizen was pointed to the right channel. */
    REDIRECTED,
    /** The same idea as another case, which carries on. */
    DUPLICATE
}
