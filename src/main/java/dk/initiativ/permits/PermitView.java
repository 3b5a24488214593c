package dk.initiativ.permits;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A permit requirement of a case as staff and the citizen see it.
 *
 * @param departmentGroup the Camunda group of the department that decides it
 * @param dueDate         the last day of the department's decision (municipality's calendar)
 * @param reason          the reason given with the decision (always given with a refusal), or {@code null}
 * @param decidedBy       who decided, or {@code null} while {@link PermitStatus#REQUIRED}
 * @param decidedAt       when it was decided, or {@code null} while {@link PermitStatus#REQUIRED}
 */
public record PermitView(long id, String kind, String departmentGroup, LocalDate dueDate, PermitStatus status,
        String reason, String decidedBy, Instant decidedAt) {
}
