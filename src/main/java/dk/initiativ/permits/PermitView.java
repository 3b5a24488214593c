package dk.initiativ.permits;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A permit requirement of a case as staff and the citizen see it.
 *
 * @param kind            the permit's label: the type's Danish name when planned from a type, else the free text
 * @param permitTypeCode  the permit type it was planned as (ADR 0040), or {@code null} for a free-text permit
 * @param departmentGroup the Camunda group of the department that decides it
 * @param dueDate         the last day of the department's decision (municipality's calendar)
 * @param reason          the reason given with the decision (always given with a refusal), or {@code null}
 * @param decidedBy       who decided, or {@code null} while {@link PermitStatus#REQUIRED}
 * @param decidedAt       when it was decided, or {@code null} while {@link PermitStatus#REQUIRED}
 */
public record PermitView(long id, String kind, String permitTypeCode, String departmentGroup, LocalDate dueDate, PermitStatus status,
        String reason, String decidedBy, Instant decidedAt) {
}
