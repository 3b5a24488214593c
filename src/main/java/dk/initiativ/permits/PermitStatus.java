package dk.initiativ.permits;

/** Where a permit requirement of a case stands. */
public enum PermitStatus {
    /** needed, and waiting for the responsible department's decision */
    REQUIRED,
    /** the department granted the permit */
    APPROVED,
    /** the department refused the permit, with a reason */
    REFUSED
}
