package dk.initiativ.initiative;

/** Who stands behind an initiative: one person or a group (an association, neighbours, a class). */
public enum ApplicantKind {
    INDIVIDUAL,
    GROUP
}
