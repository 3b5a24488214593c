package dk.initiativ.initiative;

/** The voluntary profile question "how old are you", kept only for the representativeness statistics. */
public enum AgeBand {
    UNDER_18,
    FROM_18_TO_29,
    FROM_30_TO_49,
    FROM_50_TO_66,
    FROM_67
}
