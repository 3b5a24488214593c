package dk.initiativ.initiative;

/** The kinds of help a citizen can ask for. */
public enum HelpKind {
    FUNDING,
    PARTNERS,
    PREMISES,
    PERMITS,
    DEPARTMENT_CONTACT,
    VISIBILITY
}
