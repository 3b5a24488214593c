package dk.initiativ.permits;

/**
 * Published when an admin adds a department (ADR 0040), after the department is stored: the identity module gives
 * its group what a department group needs in Camunda (Tasklist and its filters), as it does at every start for the
 * departments already there.
 *
 * @param group the department's group id
 */
public record DepartmentAdded(String group) {
}
